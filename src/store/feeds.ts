/**
 * Feeds followed by `parallax watch`, the items already queued from them, and
 * per-host politeness shared by every process: a request to a host waits for
 * the slot the database hands out, so several workers never hammer one site.
 */
import type { SqlExecutor } from './sql-client.js';

export interface FeedRecord {
  readonly url: string;
  readonly intervalSeconds: number;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly nextPollAt: string;
  readonly lastPolledAt: string | null;
  /** `200`, `304`, or `error`. */
  readonly lastStatus: string | null;
  readonly lastError: string | null;
  readonly itemsSeen: number;
}

interface FeedRow {
  url: string; interval_seconds: number; etag: string | null; last_modified: string | null; next_poll_at: Date | string;
  last_polled_at: Date | string | null; last_status: string | null; last_error: string | null; items_seen: number;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

function toFeed(r: FeedRow): FeedRecord {
  return {
    url: r.url, intervalSeconds: r.interval_seconds, etag: r.etag, lastModified: r.last_modified, nextPollAt: iso(r.next_poll_at)!,
    lastPolledAt: iso(r.last_polled_at), lastStatus: r.last_status, lastError: r.last_error, itemsSeen: r.items_seen,
  };
}

/** The feed state of one database. */
export class FeedRegistry {
  constructor(private readonly db: SqlExecutor) {}

  /** Follow these feeds (again), polling each every `intervalSeconds`; a new one is due at once. */
  async follow(urls: readonly string[], intervalSeconds: number): Promise<void> {
    if (urls.length === 0) return;
    await this.db.query(
      `INSERT INTO feeds (url, interval_seconds) SELECT u, $2 FROM unnest($1::text[]) AS u
       ON CONFLICT (url) DO UPDATE SET interval_seconds = EXCLUDED.interval_seconds`,
      [urls, intervalSeconds],
    );
  }

  async get(url: string): Promise<FeedRecord | null> {
    const { rows } = await this.db.query<FeedRow>('SELECT * FROM feeds WHERE url = $1', [url]);
    return rows[0] ? toFeed(rows[0]) : null;
  }

  async list(): Promise<FeedRecord[]> {
    const { rows } = await this.db.query<FeedRow>('SELECT * FROM feeds ORDER BY added_at, url');
    return rows.map(toFeed);
  }

  /**
   * Feeds due for a poll, each moved to its next poll time in the same statement, so two
   * watchers never queue the same poll twice.
   */
  async takeDue(urls: readonly string[] | null, limit: number): Promise<FeedRecord[]> {
    const { rows } = await this.db.query<FeedRow>(
      `UPDATE feeds SET next_poll_at = now() + interval_seconds * interval '1 second'
       WHERE url IN (SELECT url FROM feeds WHERE next_poll_at <= now() AND ($1::text[] IS NULL OR url = ANY($1::text[]))
                     ORDER BY next_poll_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [urls, limit],
    );
    return rows.map(toFeed);
  }

  /** Record a poll's answer: validators for the next conditional request, or the error. */
  async recordPoll(url: string, result: { status: '200' | '304' | 'error'; etag?: string | null; lastModified?: string | null; error?: string | null }): Promise<void> {
    await this.db.query(
      `UPDATE feeds SET last_polled_at = now(), last_status = $2, last_error = $5,
         etag = CASE WHEN $2 = '200' THEN $3 ELSE etag END,
         last_modified = CASE WHEN $2 = '200' THEN $4 ELSE last_modified END
       WHERE url = $1`,
      [url, result.status, result.etag ?? null, result.lastModified ?? null, result.error ?? null],
    );
  }

  /** Record items of a feed as seen; returns the keys that were new. */
  async newItems(url: string, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const { rows } = await this.db.query<{ item_key: string }>(
      `INSERT INTO feed_items (feed_url, item_key) SELECT $1, k FROM unnest($2::text[]) AS k
       ON CONFLICT DO NOTHING RETURNING item_key`,
      [url, [...new Set(keys)]],
    );
    if (rows.length > 0) await this.db.query('UPDATE feeds SET items_seen = items_seen + $2 WHERE url = $1', [url, rows.length]);
    return new Set(rows.map((r) => r.item_key));
  }

  /** Forget items (their jobs could not be queued), so the next poll offers them again. */
  async forgetItems(url: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query('DELETE FROM feed_items WHERE feed_url = $1 AND item_key = ANY($2::text[])', [url, keys]);
  }
}

/**
 * Claim the next request slot for a host: requests to one host start at least `spacingMs`
 * apart across every process. Returns how long to wait before sending.
 */
export async function claimHostSlot(db: SqlExecutor, host: string, spacingMs: number): Promise<number> {
  const { rows } = await db.query<{ wait_ms: number }>(
    `INSERT INTO host_slots AS h (host, next_at) VALUES ($1, clock_timestamp() + $2 * interval '1 millisecond')
     ON CONFLICT (host) DO UPDATE SET next_at = greatest(h.next_at, clock_timestamp()) + $2 * interval '1 millisecond'
     RETURNING greatest(0, extract(epoch FROM (h.next_at - clock_timestamp())) * 1000 - $2)::float8 AS wait_ms`,
    [host, spacingMs],
  );
  return Math.max(0, Number(rows[0]?.wait_ms ?? 0));
}

/**
 * After a request to a host has been answered: the host's next slot is at least `spacingMs`
 * after now, so a request that started late (a slow connection, a busy process) is still
 * followed by a full interval.
 */
export async function extendHostSlot(db: SqlExecutor, host: string, spacingMs: number): Promise<void> {
  await db.query(
    `UPDATE host_slots SET next_at = greatest(next_at, clock_timestamp() + $2 * interval '1 millisecond') WHERE host = $1`,
    [host, spacingMs],
  );
}
