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
  {
    version: 4,
    name: 'shared story index, stored story builds, change log',
    sql: `
-- The story index every process shares: placing an article reads and writes these rows in the
-- article's own transaction, under one advisory lock, so concurrent workers agree without replaying history.
CREATE TABLE story_index (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  article_count integer NOT NULL DEFAULT 0,
  next_article integer NOT NULL DEFAULT 0,
  next_story integer NOT NULL DEFAULT 0
);
INSERT INTO story_index DEFAULT VALUES;

-- One row per entity key or key term: how many articles carry it, and the latest of them (capped).
-- Rewritten on every placement: room on each page keeps the updates in place (HOT).
CREATE TABLE story_features (
  name text COLLATE "C" PRIMARY KEY,
  df integer NOT NULL,
  postings integer[] NOT NULL
) WITH (fillfactor = 70);

-- A story: the articles linked to each other. An absorbed story keeps its row, pointing to the one it joined.
-- changed_seq moves on every change of membership or overrides; built_seq is the change the latest build covers.
CREATE SEQUENCE story_change_seq;
CREATE TABLE stories (
  num integer PRIMARY KEY,
  id text COLLATE "C" NOT NULL UNIQUE,
  size integer NOT NULL,
  title text,
  merged_into text COLLATE "C",
  created_at timestamptz NOT NULL DEFAULT now(),
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_seq bigint NOT NULL,
  built_seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX stories_stale_idx ON stories (changed_at) WHERE changed_seq > built_seq AND merged_into IS NULL;

-- Each placed article as the index sees it: its story and the weights of its features when it was placed.
CREATE TABLE story_articles (
  num integer PRIMARY KEY,
  article_id text COLLATE "C" NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
  story integer NOT NULL,
  entity_mass double precision NOT NULL,
  term_mass double precision NOT NULL,
  day integer,
  features text[] NOT NULL
);
CREATE INDEX story_articles_story_idx ON story_articles (story);

-- Built stories, versioned: readers take the latest; the data is the story builder's output, opaque here.
CREATE TABLE story_builds (
  story_id text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now(),
  covers_seq bigint NOT NULL,
  article_count integer NOT NULL,
  build_ms integer NOT NULL,
  format integer NOT NULL,
  data text NOT NULL,
  PRIMARY KEY (story_id, version)
);

-- What changed, in order, for the live change stream (article added, story built, contradiction, stance).
CREATE TABLE change_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  story_id text COLLATE "C",
  article_id text COLLATE "C",
  data jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);

-- Feeds followed by \`parallax watch\`: the validators of the last answer (conditional requests) and when to poll next.
CREATE TABLE feeds (
  url text COLLATE "C" PRIMARY KEY,
  interval_seconds integer NOT NULL,
  etag text,
  last_modified text,
  next_poll_at timestamptz NOT NULL DEFAULT now(),
  last_polled_at timestamptz,
  last_status text,
  last_error text,
  items_seen integer NOT NULL DEFAULT 0,
  added_at timestamptz NOT NULL DEFAULT now()
);
-- Items of a feed already queued, by link or guid: a poll queues only the new ones.
CREATE TABLE feed_items (
  feed_url text COLLATE "C" NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
  item_key text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (feed_url, item_key)
);
-- Politeness across processes: the earliest time the next request to a host may start.
CREATE TABLE host_slots (
  host text COLLATE "C" PRIMARY KEY,
  next_at timestamptz NOT NULL
);

-- Articles waiting for a story (placement sets story_id in the article's transaction): found at once at any size.
CREATE INDEX articles_unplaced_idx ON articles (seq) WHERE story_id IS NULL AND duplicate_of IS NULL;
-- The largest stories first, at any size.
CREATE INDEX stories_size_idx ON stories (size DESC, num) WHERE merged_into IS NULL;
CREATE INDEX stories_changed_idx ON stories (changed_at DESC, num DESC) WHERE merged_into IS NULL;

-- Groupings made by the old per-process indexes are placed again by the shared one.
UPDATE articles SET story_id = NULL;
`,
  },
  {
    version: 5,
    name: 'article layers stored as json text',
    sql: `
-- The layers are written and read whole, never queried inside: json keeps the text as written,
-- which is about half the cost of jsonb's binary form to write and to read back.
ALTER TABLE articles ALTER COLUMN layers DROP DEFAULT;
ALTER TABLE articles ALTER COLUMN layers TYPE json USING layers::json;
ALTER TABLE articles ALTER COLUMN layers SET DEFAULT '{}'::json;
`,
  },
];
