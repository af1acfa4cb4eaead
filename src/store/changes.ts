/**
 * The change log: one row per change a reader may want to hear about (an
 * article added to a story, stories merged, a story rebuilt, a new
 * contradiction, a changed stance), in commit order, for the live stream.
 */
import type { SqlExecutor } from './sql-client.js';

export type ChangeKind = 'article-added' | 'story-merged' | 'story-updated' | 'contradiction-new' | 'stance-changed';

export interface Change {
  /** Increasing position in the log: a reader resumes after the last one it saw. */
  readonly seq: number;
  readonly kind: ChangeKind;
  readonly storyId: string | null;
  readonly articleId: string | null;
  readonly data: Record<string, unknown>;
  /** ISO timestamp of the change. */
  readonly at: string;
}

/** Changes kept in the log; older ones are pruned (a reader that far behind reloads instead). */
export const CHANGES_KEPT = 100_000;

export async function recordChange(
  tx: SqlExecutor,
  change: { kind: ChangeKind; storyId?: string | null; articleId?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await tx.query(
    'INSERT INTO change_events (kind, story_id, article_id, data) VALUES ($1, $2, $3, $4::text::jsonb)',
    [change.kind, change.storyId ?? null, change.articleId ?? null, JSON.stringify(change.data ?? {})],
  );
}

interface ChangeRow { seq: string | number; kind: ChangeKind; story_id: string | null; article_id: string | null; data: Record<string, unknown>; at: Date | string }

/** Changes after `seq`, oldest first, at most `limit`. */
export async function changesSince(db: SqlExecutor, seq: number, limit: number): Promise<Change[]> {
  const { rows } = await db.query<ChangeRow>(
    'SELECT seq, kind, story_id, article_id, data, at FROM change_events WHERE seq > $1 ORDER BY seq LIMIT $2',
    [seq, limit],
  );
  return rows.map((r) => ({ seq: Number(r.seq), kind: r.kind, storyId: r.story_id, articleId: r.article_id, data: r.data, at: new Date(r.at).toISOString() }));
}

/** The position of the latest change, 0 when there is none. */
export async function latestChange(db: SqlExecutor): Promise<number> {
  const { rows } = await db.query<{ seq: string | number | null }>('SELECT max(seq) AS seq FROM change_events');
  return Number(rows[0]?.seq ?? 0);
}

/** Drop all but the latest CHANGES_KEPT changes. */
export async function pruneChanges(db: SqlExecutor, kept: number = CHANGES_KEPT): Promise<void> {
  await db.query('DELETE FROM change_events WHERE seq <= (SELECT max(seq) FROM change_events) - $1', [kept]);
}
