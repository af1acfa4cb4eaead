/**
 * Stories as stored: membership and state from the shared index, and their
 * built analyses, versioned. A build is the story builder's output as opaque
 * JSON text with its format number; readers take the latest version at once,
 * whatever is being rebuilt meanwhile.
 */
import type { SqlExecutor } from './sql-client.js';
import { recordChange } from './changes.js';
import type { StoryBuildInput } from './types.js';

/** Versions kept per story: the latest few, so a reader mid-read never loses the one it took. */
export const BUILD_VERSIONS_KEPT = 3;

/** A story as the index keeps it. */
export interface StoryRecord {
  readonly id: string;
  /** Articles in the story (near-duplicates are not counted). */
  readonly size: number;
  /** The built story's title, or the first article's until it is built. */
  readonly title: string | null;
  /** When the story was absorbed into another one: that story's id. */
  readonly mergedInto: string | null;
  /** ISO time of the last change of membership or overrides. */
  readonly changedAt: string;
  /** The story changed since its latest build (a rebuild is due). */
  readonly stale: boolean;
  /** The change its latest build covers, and the latest change: compare them to know how far behind a build is. */
  readonly builtSeq: number;
  readonly changedSeq: number;
}

/** A stored build of a story. */
export interface StoryBuild {
  readonly storyId: string;
  readonly version: number;
  /** ISO time the build was stored. */
  readonly builtAt: string;
  /** The story change it covers (see StoryRecord.changedSeq). */
  readonly coversSeq: number;
  readonly articleCount: number;
  readonly buildMs: number;
  /** Format number of `data`, set by the builder. */
  readonly format: number;
  /** The build as JSON text. */
  readonly data: string;
}

interface StoryRow { id: string; size: number; title: string | null; merged_into: string | null; changed_at: Date | string; built_seq: string | number; changed_seq: string | number }

const STORY_COLUMNS = 'id, size, title, merged_into, changed_at, built_seq, changed_seq';

function toRecord(r: StoryRow): StoryRecord {
  const builtSeq = Number(r.built_seq);
  const changedSeq = Number(r.changed_seq);
  return { id: r.id, size: r.size, title: r.title, mergedInto: r.merged_into, changedAt: new Date(r.changed_at).toISOString(), stale: changedSeq > builtSeq, builtSeq, changedSeq };
}

export async function storyRecord(db: SqlExecutor, storyId: string): Promise<StoryRecord | null> {
  const { rows } = await db.query<StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = $1`, [storyId]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Live stories (not absorbed), in the order they began, a page at a time. */
export async function listStoryRecords(db: SqlExecutor, page: { limit?: number; offset?: number; order?: 'created' | 'changed' | 'size' } = {}): Promise<StoryRecord[]> {
  const order = page.order === 'changed' ? 'changed_at DESC, num DESC' : page.order === 'size' ? 'size DESC, num' : 'num';
  const { rows } = await db.query<StoryRow>(
    `SELECT ${STORY_COLUMNS} FROM stories WHERE merged_into IS NULL ORDER BY ${order} LIMIT $1 OFFSET $2`,
    [page.limit ?? null, page.offset ?? 0],
  );
  return rows.map(toRecord);
}

export async function countStories(db: SqlExecutor): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::integer AS n FROM stories WHERE merged_into IS NULL');
  return rows[0]?.n ?? 0;
}

/** Stories whose latest build is older than their latest change, least recently changed first. */
export async function staleStories(db: SqlExecutor, limit: number): Promise<StoryRecord[]> {
  const { rows } = await db.query<StoryRow>(
    `SELECT ${STORY_COLUMNS} FROM stories WHERE changed_seq > built_seq AND merged_into IS NULL ORDER BY changed_at LIMIT $1`,
    [limit],
  );
  return rows.map(toRecord);
}

/** Article ids of a story, in the order they were added. */
export async function storyArticleIds(db: SqlExecutor, storyId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM articles WHERE story_id = $1 AND duplicate_of IS NULL ORDER BY seq',
    [storyId],
  );
  return rows.map((r) => r.id);
}

/** Mark a story changed (an analyst override): its build is stale until rebuilt. */
export async function touchStory(db: SqlExecutor, storyId: string): Promise<void> {
  await db.query(`UPDATE stories SET changed_at = now(), changed_seq = nextval('story_change_seq') WHERE id = $1`, [storyId]);
}

/**
 * Store a new build of a story and mark the story built up to `coversSeq` (a build of an older
 * change never hides a newer build). Keeps the latest BUILD_VERSIONS_KEPT versions.
 */
export async function saveStoryBuild(tx: SqlExecutor, build: StoryBuildInput): Promise<{ version: number; builtAt: string }> {
  const { rows } = await tx.query<{ version: number; built_at: Date | string }>(
    `INSERT INTO story_builds (story_id, version, covers_seq, article_count, build_ms, format, data)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6 FROM story_builds WHERE story_id = $1
     RETURNING version, built_at`,
    [build.storyId, build.coversSeq, build.articleCount, Math.round(build.buildMs), build.format, build.data],
  );
  const { version, built_at: builtAt } = rows[0]!;
  await tx.query('DELETE FROM story_builds WHERE story_id = $1 AND version <= $2', [build.storyId, version - BUILD_VERSIONS_KEPT]);
  await tx.query('UPDATE stories SET built_seq = greatest(built_seq, $2), title = coalesce($3, title) WHERE id = $1', [build.storyId, build.coversSeq, build.title]);
  const at = new Date(builtAt).toISOString();
  await recordChange(tx, { kind: 'story-updated', storyId: build.storyId, data: { version, builtAt: at, articles: build.articleCount } });
  for (const change of build.changes ?? []) await recordChange(tx, { kind: change.kind, storyId: build.storyId, data: change.data });
  return { version, builtAt: at };
}

/** Version, time and coverage of the latest build of a story, without its data (cheap: readers check it on every request). */
export async function latestStoryBuildHead(db: SqlExecutor, storyId: string): Promise<Omit<StoryBuild, 'data'> | null> {
  const { rows } = await db.query<Omit<BuildRow, 'data'>>(
    'SELECT story_id, version, built_at, covers_seq, article_count, build_ms, format FROM story_builds WHERE story_id = $1 ORDER BY version DESC LIMIT 1',
    [storyId],
  );
  const r = rows[0];
  if (!r) return null;
  return { storyId: r.story_id, version: r.version, builtAt: new Date(r.built_at).toISOString(), coversSeq: Number(r.covers_seq), articleCount: r.article_count, buildMs: r.build_ms, format: r.format };
}

interface BuildRow { story_id: string; version: number; built_at: Date | string; covers_seq: string | number; article_count: number; build_ms: number; format: number; data: string }

/** The latest build of a story, or null when it was never built. */
export async function latestStoryBuild(db: SqlExecutor, storyId: string): Promise<StoryBuild | null> {
  const { rows } = await db.query<BuildRow>(
    'SELECT story_id, version, built_at, covers_seq, article_count, build_ms, format, data FROM story_builds WHERE story_id = $1 ORDER BY version DESC LIMIT 1',
    [storyId],
  );
  const r = rows[0];
  if (!r) return null;
  return { storyId: r.story_id, version: r.version, builtAt: new Date(r.built_at).toISOString(), coversSeq: Number(r.covers_seq), articleCount: r.article_count, buildMs: r.build_ms, format: r.format, data: r.data };
}
