import { contentId, ParallaxError, StoreError, type Doc, type DocSource } from '../core/index.js';
import { estimateJaccard, lshBandKeys, minHashSignature, NEAR_DUPLICATE_JACCARD, type MinHashSignature } from './minhash.js';
import type { SqlClient, SqlExecutor } from './sql-client.js';
import { readOriginal, writeOriginal } from './originals.js';
import type { AddOptions, AddOutcome, ArticleOriginal, ArticleOriginalInput, EntityOverride, ListOptions, SearchHit, Store, StoredArticle, StoryBuildInput } from './types.js';
import { placeInStory, placedStory, type Placement } from './story-state.js';
import {
  countStories, latestStoryBuild, latestStoryBuildHead, listStoryRecords, saveStoryBuild, staleStories, storyArticleIds, storyRecord, touchStory,
  type StoryBuild, type StoryRecord,
} from './story-builds.js';
import { changesSince, latestChange, recordChange, type Change } from './changes.js';

/** Hex digits after `a_` an id prefix needs: 16^6 ≈ 17 million values, so a prefix rarely matches two articles. */
export const MIN_ID_PREFIX_DIGITS = 6;
/** Hits returned by search when no limit is given. */
const DEFAULT_SEARCH_LIMIT = 20;
/** Marks put around matched words in search snippets: plain text, safe to print and to escape for HTML. */
export const SNIPPET_MARK = '**';
/** ts_headline options: two short fragments read like a search-result line. */
const HEADLINE_OPTIONS = `StartSel="${SNIPPET_MARK}", StopSel="${SNIPPET_MARK}", MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`;
/** Text-search configuration for the tsvector column and queries; must match the migration. */
const TEXT_SEARCH_CONFIG = 'english';

const ID_PATTERN = /^a_[0-9a-f]+$/;

interface ArticleRow {
  id: string;
  text: string;
  meta: Doc['meta'];
  source: DocSource;
  layers: Doc['layers'];
  messages: Doc['messages'];
  added_at: Date | string;
  duplicate_of: string | null;
  sources: DocSource[];
}

const ARTICLE_COLUMNS = `a.id, a.text, a.meta, a.source, a.layers, a.messages, a.added_at, a.duplicate_of,
  (SELECT coalesce(jsonb_agg(s.source ORDER BY s.seq), '[]'::jsonb) FROM article_sources s WHERE s.article_id = a.id) AS sources`;

function toStoredArticle(row: ArticleRow): StoredArticle {
  return {
    doc: { id: row.id, text: row.text, meta: row.meta, source: row.source, layers: row.layers, messages: row.messages },
    addedAt: new Date(row.added_at).toISOString(),
    duplicateOf: row.duplicate_of,
    sources: row.sources,
  };
}

/** JSON for a `$n::text::jsonb` parameter; PostgreSQL cannot store NUL characters in text or jsonb. */
function toJsonParam(value: unknown, what: string, docId: string): string {
  const json = JSON.stringify(value ?? null);
  if (/(^|[^\\])(\\\\)*\\u0000/.test(json)) {
    throw new StoreError('E_UNSTORABLE_TEXT', `article ${docId}: ${what} contains a NUL character, which PostgreSQL cannot store`);
  }
  return json;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/**
 * The store over any SqlClient. Expects the schema to be migrated.
 */
export class SqlStore implements Store {
  readonly kind: 'pglite' | 'postgres';
  private closed = false;

  constructor(private readonly client: SqlClient, readonly location: string = client.kind) {
    this.kind = client.kind;
  }

  get sql(): SqlClient {
    return this.client;
  }

  async addDoc(doc: Doc, options: AddOptions = {}): Promise<AddOutcome> {
    this.assertOpen();
    const expectedId = contentId(doc.text);
    if (doc.id !== expectedId) {
      throw new StoreError('E_DOC_ID_MISMATCH', `article ${doc.id}: id is not the content id of its text (${expectedId}); build it with contentId(text)`);
    }
    if (doc.text.includes('\u0000')) {
      throw new StoreError('E_UNSTORABLE_TEXT', `article ${doc.id}: text contains a NUL character, which PostgreSQL cannot store`);
    }
    const params = {
      meta: toJsonParam(doc.meta, 'meta', doc.id),
      source: toJsonParam(doc.source, 'source', doc.id),
      layers: toJsonParam(doc.layers, 'layers', doc.id),
      messages: toJsonParam(doc.messages, 'messages', doc.id),
    };
    const signature = minHashSignature(doc.text);
    const bandKeys = signature ? lshBandKeys(signature) : [];

    return this.run(`add article ${doc.id}`, () =>
      this.client.transaction(async (tx): Promise<AddOutcome> => {
        // Whether it is stored, and the articles it may nearly duplicate, in one round trip.
        const { rows: [found] } = await tx.query<{ stored: boolean; near: { id: string; minhash: number[] }[] }>(
          `SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1) AS stored,
             (${NEAR_DUPLICATE_CANDIDATES}) AS near`,
          [doc.id, bandKeys],
        );
        if (found!.stored) {
          await recordSource(tx, doc.id, params.source);
          return { status: 'duplicate', id: doc.id };
        }
        const nearest = signature ? nearestOf(signature, found!.near) : null;
        // The article, its LSH bands (only articles in their own right are indexed, so a near-duplicate
        // always links to the first article) and its source, in one statement.
        const inserted = await tx.query<{ id: string }>(
          `WITH inserted AS (
             INSERT INTO articles (id, text, title, published, outlet, meta, source, layers, messages, duplicate_of, minhash)
             VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8::text::json, $9::text::jsonb, $10, $11::integer[])
             ON CONFLICT (id) DO NOTHING
             RETURNING id),
           bands AS (
             INSERT INTO article_lsh_bands (band_key, article_id)
             SELECT k, i.id FROM unnest($12::bigint[]) AS k, inserted i ON CONFLICT DO NOTHING),
           sources AS (
             INSERT INTO article_sources (article_id, source) SELECT i.id, $7::text::jsonb FROM inserted i ON CONFLICT DO NOTHING)
           SELECT id FROM inserted`,
          [
            doc.id,
            doc.text,
            doc.meta.title?.value ?? null,
            doc.meta.published?.value ?? null,
            doc.meta.outlet?.value ?? null,
            params.meta,
            params.source,
            params.layers,
            params.messages,
            nearest?.id ?? null,
            signature ? [...signature] : null,
            nearest ? [] : bandKeys,
          ],
        );
        // Another process stored the same text between our check and our insert.
        if (inserted.rows.length === 0) {
          await recordSource(tx, doc.id, params.source);
          return { status: 'duplicate', id: doc.id };
        }
        const originalError = options.original ? await storeOriginalBesideArticle(tx, doc.id, options.original) : undefined;
        const extra = originalError ? { originalError } : {};
        if (nearest) return { status: 'near-duplicate', id: doc.id, duplicateOf: nearest.id, similarity: nearest.similarity, ...extra };
        // Placed in the article's own transaction: a stored article always has its story, and a failed placement stores nothing.
        const story = options.place ? await placeInStory(tx, doc) : undefined;
        return { status: 'added', id: doc.id, ...(story ? { story } : {}), ...extra };
      }),
    );
  }

  async getArticle(idOrPrefix: string): Promise<StoredArticle | null> {
    this.assertOpen();
    const wanted = idOrPrefix.trim().toLowerCase();
    const prefix = wanted.startsWith('a_') ? wanted : 'a_' + wanted;
    if (!ID_PATTERN.test(prefix)) return null;
    return this.run(`get article ${idOrPrefix}`, async () => {
      const exact = await this.client.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1`, [prefix]);
      if (exact.rows[0]) return toStoredArticle(exact.rows[0]);
      if (prefix.length - 2 < MIN_ID_PREFIX_DIGITS) {
        throw new StoreError('E_ID_PREFIX_TOO_SHORT', `article id prefix ${idOrPrefix} is too short: give at least ${MIN_ID_PREFIX_DIGITS} hex digits`);
      }
      const matches = await this.client.query<{ id: string }>(
        `SELECT id FROM articles WHERE id LIKE $1 ESCAPE '\\' ORDER BY id LIMIT 3`,
        [escapeLike(prefix) + '%'],
      );
      if (matches.rows.length > 1) {
        const some = matches.rows.map((r) => r.id).join(', ');
        throw new StoreError('E_AMBIGUOUS_ID', `article id prefix ${idOrPrefix} matches several articles (${some}…): give more digits`);
      }
      if (matches.rows.length === 0) return null;
      const row = await this.client.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1`, [matches.rows[0]!.id]);
      return row.rows[0] ? toStoredArticle(row.rows[0]) : null;
    });
  }

  async listArticles(opts: ListOptions = {}): Promise<StoredArticle[]> {
    this.assertOpen();
    const where = opts.includeDuplicates ? '' : 'WHERE a.duplicate_of IS NULL';
    return this.run('list articles', async () => {
      const { rows } = await this.client.query<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a ${where} ORDER BY a.seq LIMIT $1 OFFSET $2`,
        [opts.limit ?? null, opts.offset ?? 0],
      );
      return rows.map(toStoredArticle);
    });
  }

  async getArticles(ids: readonly string[]): Promise<StoredArticle[]> {
    this.assertOpen();
    if (ids.length === 0) return [];
    return this.run(`get ${ids.length} articles`, async () => {
      const { rows } = await this.client.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ANY($1::text[])`, [ids]);
      const byId = new Map(rows.map((r) => [r.id, toStoredArticle(r)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    });
  }

  async countArticles(opts: { includeDuplicates?: boolean } = {}): Promise<number> {
    this.assertOpen();
    const where = opts.includeDuplicates ? '' : 'WHERE duplicate_of IS NULL';
    return this.run('count articles', async () => {
      const { rows } = await this.client.query<{ n: number }>(`SELECT count(*)::integer AS n FROM articles ${where}`);
      return rows[0]?.n ?? 0;
    });
  }

  async search(query: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    this.assertOpen();
    if (query.trim() === '') return [];
    return this.run(`search for "${query}"`, async () => {
      const { rows } = await this.client.query<{ id: string; title: string | null; snippet: string; rank: number }>(
        `SELECT a.id, a.title, ts_headline('${TEXT_SEARCH_CONFIG}', a.text, q, $2) AS snippet,
                ts_rank(a.search_vector, q)::float8 AS rank
         FROM articles a, websearch_to_tsquery('${TEXT_SEARCH_CONFIG}', $1) AS q
         WHERE a.search_vector @@ q AND a.duplicate_of IS NULL
         ORDER BY rank DESC, a.seq
         LIMIT $3`,
        [query, HEADLINE_OPTIONS, opts.limit ?? DEFAULT_SEARCH_LIMIT],
      );
      return rows.map((r) => ({ id: r.id, title: r.title, snippet: r.snippet, rank: Number(r.rank) }));
    });
  }

  async updateLayers(id: string, layers: Doc['layers']): Promise<void> {
    this.assertOpen();
    const json = toJsonParam(layers, 'layers', id);
    const { rowCount } = await this.run(`update layers of ${id}`, () =>
      this.client.query('UPDATE articles SET layers = $2::text::json WHERE id = $1', [id, json]),
    );
    if (rowCount === 0) throw new StoreError('E_ARTICLE_NOT_FOUND', `no article ${id} in the store: add it before updating its layers`);
  }

  async placeArticle(articleId: string): Promise<Placement> {
    this.assertOpen();
    return this.run(`place article ${articleId} in a story`, () =>
      this.client.transaction(async (tx) => {
        const { rows } = await tx.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1`, [articleId]);
        const row = rows[0];
        if (!row) throw new StoreError('E_ARTICLE_NOT_FOUND', `no article ${articleId} in the store: add it before placing it in a story`);
        if (row.duplicate_of) throw new StoreError('E_NEAR_DUPLICATE', `article ${articleId} nearly duplicates ${row.duplicate_of}: it belongs to that article's story`);
        return placeInStory(tx, toStoredArticle(row).doc);
      }),
    );
  }

  async unplacedArticles(limit: number): Promise<string[]> {
    this.assertOpen();
    return this.run('list unplaced articles', async () => {
      const { rows } = await this.client.query<{ id: string }>(
        'SELECT a.id FROM articles a WHERE a.story_id IS NULL AND a.duplicate_of IS NULL ORDER BY a.seq LIMIT $1',
        [limit],
      );
      return rows.map((r) => r.id);
    });
  }

  storyRecord(storyId: string): Promise<StoryRecord | null> {
    return this.read(`read story ${storyId}`, (db) => storyRecord(db, storyId));
  }

  listStoryRecords(page: { limit?: number; offset?: number; order?: 'created' | 'changed' | 'size' } = {}): Promise<StoryRecord[]> {
    return this.read('list stories', (db) => listStoryRecords(db, page));
  }

  countStories(): Promise<number> {
    return this.read('count stories', countStories);
  }

  staleStories(limit: number): Promise<StoryRecord[]> {
    return this.read('list stories to rebuild', (db) => staleStories(db, limit));
  }

  storyArticleIds(storyId: string): Promise<string[]> {
    return this.read(`list the articles of story ${storyId}`, (db) => storyArticleIds(db, storyId));
  }

  storyOfArticle(articleId: string): Promise<string | null> {
    return this.read(`find the story of ${articleId}`, (db) => placedStory(db, articleId));
  }

  storyArticles(storyIds: readonly string[]): Promise<Map<string, string[]>> {
    return this.read('list the articles of stories', async (db) => {
      const { rows } = await db.query<{ id: string; story_id: string }>(
        'SELECT id, story_id FROM articles WHERE story_id = ANY($1::text[]) AND duplicate_of IS NULL ORDER BY seq',
        [storyIds],
      );
      const out = new Map<string, string[]>(storyIds.map((s) => [s, []]));
      for (const r of rows) out.get(r.story_id)?.push(r.id);
      return out;
    });
  }

  storiesOfArticles(articleIds: readonly string[]): Promise<Map<string, string>> {
    return this.read('find the stories of articles', async (db) => {
      const { rows } = await db.query<{ id: string; story_id: string }>(
        'SELECT id, story_id FROM articles WHERE id = ANY($1::text[]) AND story_id IS NOT NULL',
        [articleIds],
      );
      return new Map(rows.map((r) => [r.id, r.story_id]));
    });
  }

  touchStory(storyId: string): Promise<void> {
    return this.read(`mark story ${storyId} changed`, (db) => touchStory(db, storyId));
  }

  saveStoryBuild(build: StoryBuildInput): Promise<{ version: number; builtAt: string }> {
    this.assertOpen();
    return this.run(`store the build of story ${build.storyId}`, () => this.client.transaction((tx) => saveStoryBuild(tx, build)));
  }

  latestStoryBuildHead(storyId: string): Promise<Omit<StoryBuild, 'data'> | null> {
    return this.read(`read the build of story ${storyId}`, (db) => latestStoryBuildHead(db, storyId));
  }

  latestStoryBuild(storyId: string): Promise<StoryBuild | null> {
    return this.read(`read the build of story ${storyId}`, (db) => latestStoryBuild(db, storyId));
  }

  recordChanges(changes: Parameters<Store['recordChanges']>[0]): Promise<void> {
    this.assertOpen();
    if (changes.length === 0) return Promise.resolve();
    return this.run('record changes', () => this.client.transaction(async (tx) => {
      for (const change of changes) await recordChange(tx, change);
    }));
  }

  changesSince(seq: number, limit: number): Promise<Change[]> {
    return this.read('read the change log', (db) => changesSince(db, seq, limit));
  }

  latestChange(): Promise<number> {
    return this.read('read the change log', latestChange);
  }

  async listStories(): Promise<{ id: string; articles: string[] }[]> {
    this.assertOpen();
    return this.run('list stories', async () => {
      const { rows } = await this.client.query<{ story_id: string; id: string }>(
        `SELECT a.story_id, a.id FROM articles a JOIN stories s ON s.id = a.story_id
         WHERE a.duplicate_of IS NULL ORDER BY s.num, a.seq`,
      );
      const stories = new Map<string, string[]>();
      for (const r of rows) {
        const list = stories.get(r.story_id) ?? [];
        list.push(r.id);
        stories.set(r.story_id, list);
      }
      return [...stories].map(([id, articles]) => ({ id, articles }));
    });
  }

  async addEntityOverride(override: EntityOverride): Promise<void> {
    this.assertOpen();
    await this.run(`record ${override.kind} of "${override.a}" and "${override.b}"`, () =>
      this.client.query('INSERT INTO entity_overrides (story_id, kind, a, b) VALUES ($1, $2, $3, $4)', [override.storyId, override.kind, override.a, override.b]),
    );
  }

  async listEntityOverrides(storyId: string | null = null): Promise<EntityOverride[]> {
    this.assertOpen();
    return this.run('list entity overrides', async () => {
      const { rows } = await this.client.query<{ story_id: string | null; kind: 'merge' | 'unmerge'; a: string; b: string; created_at: Date | string }>(
        'SELECT story_id, kind, a, b, created_at FROM entity_overrides WHERE story_id IS NULL OR story_id = $1 ORDER BY seq',
        [storyId],
      );
      return rows.map((r) => ({ storyId: r.story_id, kind: r.kind, a: r.a, b: r.b, createdAt: new Date(r.created_at).toISOString() }));
    });
  }

  async setOriginal(articleId: string, original: ArticleOriginalInput): Promise<{ truncated: boolean }> {
    this.assertOpen();
    const { written, truncated } = await this.run(`store the original page of ${articleId}`, () => writeOriginal(this.client, articleId, original));
    if (!written) throw new StoreError('E_ARTICLE_NOT_FOUND', `no article ${articleId} in the store: add it before its original page`);
    return { truncated };
  }

  async getOriginal(articleId: string): Promise<ArticleOriginal | null> {
    this.assertOpen();
    return this.run(`read the original page of ${articleId}`, () => readOriginal(this.client, articleId));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('E_STORE_CLOSED', 'the store was closed: open it again');
  }

  /** A read (or small write) on the open store, errors as in `run`. */
  private read<T>(operation: string, work: (db: SqlClient) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.run(operation, () => work(this.client));
  }

  /** Runs a database operation, turning driver errors into StoreError with a one-line message. */
  private async run<T>(operation: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof ParallaxError) throw err;
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw new StoreError('E_QUERY_FAILED', `${operation} failed: ${reason}`, { cause: err });
    }
  }
}

/**
 * Store a new article's original page inside the add's transaction, behind a
 * savepoint: a page the database refuses is rolled back alone and reported,
 * and the article is stored all the same.
 */
async function storeOriginalBesideArticle(tx: SqlExecutor, articleId: string, original: ArticleOriginalInput): Promise<string | undefined> {
  await tx.query('SAVEPOINT parallax_original');
  try {
    await writeOriginal(tx, articleId, original);
    await tx.query('RELEASE SAVEPOINT parallax_original');
    return undefined;
  } catch (err) {
    await tx.query('ROLLBACK TO SAVEPOINT parallax_original');
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return `the original page of ${articleId} was not stored: ${reason}`;
  }
}

async function recordSource(tx: SqlExecutor, articleId: string, sourceJson: string): Promise<void> {
  await tx.query(
    'INSERT INTO article_sources (article_id, source) VALUES ($1, $2::text::jsonb) ON CONFLICT DO NOTHING',
    [articleId, sourceJson],
  );
}

/**
 * The stored articles in their own right that share an LSH band with an article (bands in
 * `$2`), earliest first, as a JSON array of `{ id, minhash }`: found through the band index,
 * never a scan of all articles. Each candidate is looked up by its id (`OFFSET 0` keeps the
 * planner from turning the lookup into a join that starts from the articles: on a young
 * database, before its first ANALYZE, it did, and read every article's bands for each add).
 */
const NEAR_DUPLICATE_CANDIDATES = `SELECT coalesce(json_agg(json_build_object('id', a.id, 'minhash', a.minhash) ORDER BY a.seq), '[]'::json)
  FROM (SELECT DISTINCT b.article_id FROM article_lsh_bands b WHERE b.band_key = ANY($2::bigint[])) c,
    LATERAL (SELECT a.id, a.minhash, a.seq FROM articles a WHERE a.id = c.article_id AND a.duplicate_of IS NULL OFFSET 0) a`;

/** The most similar of the candidates at or above NEAR_DUPLICATE_JACCARD; the earliest added wins a tie. */
function nearestOf(signature: MinHashSignature, candidates: readonly { id: string; minhash: number[] }[]): { id: string; similarity: number } | null {
  let best: { id: string; similarity: number } | null = null;
  for (const row of candidates) {
    const similarity = estimateJaccard(signature, row.minhash);
    if (similarity >= NEAR_DUPLICATE_JACCARD && (!best || similarity > best.similarity)) best = { id: row.id, similarity };
  }
  return best;
}
