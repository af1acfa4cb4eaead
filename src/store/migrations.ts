/**
 * Schema migrations, applied in order and recorded in `schema_migrations`.
 * The same SQL runs on PGlite and PostgreSQL. Never edit a released entry:
 * add a new one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, sources, near-duplicate bands',
    sql: `
CREATE TABLE articles (
  -- "C" collation so id-prefix LIKE lookups use the primary key index.
  id text COLLATE "C" PRIMARY KEY,
  -- Insertion order, for stable listing when several rows share added_at.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  text text NOT NULL,
  title text,
  published text,
  outlet text,
  meta jsonb NOT NULL DEFAULT '{}',
  source jsonb NOT NULL DEFAULT '{}',
  layers jsonb NOT NULL DEFAULT '{}',
  messages jsonb NOT NULL DEFAULT '[]',
  added_at timestamptz NOT NULL DEFAULT now(),
  duplicate_of text COLLATE "C" REFERENCES articles (id),
  minhash integer[],
  search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', text), 'B')
  ) STORED
);
CREATE UNIQUE INDEX articles_seq_idx ON articles (seq);
CREATE INDEX articles_duplicate_of_idx ON articles (duplicate_of);
CREATE INDEX articles_search_idx ON articles USING gin (search_vector);

-- Every place an article was read from, including repeats of the same text.
CREATE TABLE article_sources (
  article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  source jsonb NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, source)
);

-- LSH band keys of canonical articles: a near-duplicate lookup is one index probe per band.
CREATE TABLE article_lsh_bands (
  band_key bigint NOT NULL,
  article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, article_id)
);
CREATE INDEX article_lsh_bands_article_idx ON article_lsh_bands (article_id);
`,
  },
  {
    version: 2,
    name: 'story assignment per article, analyst entity overrides',
    sql: `
-- The story an article was grouped into; null until the story stage has seen it.
ALTER TABLE articles ADD COLUMN story_id text COLLATE "C";
CREATE INDEX articles_story_idx ON articles (story_id);

-- An analyst's correction of automatic entity merging, replayed whenever a story is rebuilt.
CREATE TABLE entity_overrides (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  story_id text COLLATE "C",
  kind text NOT NULL CHECK (kind IN ('merge', 'unmerge')),
  a text NOT NULL,
  b text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entity_overrides_story_idx ON entity_overrides (story_id);
`,
  },
  {
    version: 3,
    name: 'original page of each article',
    sql: `
-- The page an article was read from, decoded to text as it was read (HTML or a text dump),
-- so a reader can check the extraction against it. Capped: truncated says the tail was cut.
CREATE TABLE article_originals (
  article_id text COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  content_type text,
  encoding text,
  format text,
  content text NOT NULL,
  truncated boolean NOT NULL DEFAULT false,
  fetched_at timestamptz
);
`,
  },
];
