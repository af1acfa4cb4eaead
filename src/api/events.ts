/**
 * The live change stream, `GET /api/events` (Server-Sent Events): article
 * added, stories merged, story rebuilt, new contradiction, changed stance.
 * One poller per server reads the database's change log (written by every
 * process: workers, other servers, the CLI) and fans the changes out to the
 * open streams. A client that reconnects with `Last-Event-ID` gets what it
 * missed.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Change, Store } from '../store/index.js';

/** How often the change log is read while someone listens. */
const POLL_MS = 250;
/** Changes read per poll and sent as backlog on reconnect. */
const BATCH = 500;
/** A comment line this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

type Listener = (changes: readonly Change[]) => void;

/** Reads the change log while anyone listens and hands new changes to the listeners. */
export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  private cursor: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(private readonly store: Store, private readonly pollMs: number = POLL_MS) {}

  /** Listen to changes after `from` (a change sequence number); returns the way to stop. */
  subscribe(listener: Listener, from: number): () => void {
    // Read from the earliest cursor any listener needs: a change made before the first poll is not skipped.
    if (this.cursor === null || from < this.cursor) this.cursor = from;
    this.listeners.add(listener);
    // Unref'd: the open streams keep a server alive, the poller on its own must not.
    if (!this.timer) this.timer = setInterval(() => void this.poll(), this.pollMs).unref();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
        this.cursor = null;
      }
    };
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      this.cursor ??= await this.store.latestChange();
      for (;;) {
        const changes = await this.store.changesSince(this.cursor, BATCH);
        if (changes.length === 0) break;
        this.cursor = changes[changes.length - 1]!.seq;
        for (const listener of this.listeners) listener(changes);
        if (changes.length < BATCH) break;
      }
    } catch {
      // The database is away for a moment: the next poll tries again from the same cursor.
    } finally {
      this.polling = false;
    }
  }
}

/**
 * Stream changes to one client: after `Last-Event-ID` (or `?since=`) when given, else from now;
 * `?story=<id>` keeps only that story's changes.
 */
export async function streamChanges(c: Context, store: Store, feed: ChangeFeed): Promise<Response> {
  const story = c.req.query('story') || null;
  const resumeFrom = Number(c.req.header('last-event-id') ?? c.req.query('since') ?? Number.NaN);
  // "From now" is fixed before the answer starts: a client that has the stream open sees every change made after.
  let cursor = Number.isInteger(resumeFrom) && resumeFrom >= 0 ? resumeFrom : await store.latestChange();
  return streamSSE(c, async (stream) => {
    let writing: Promise<void> = Promise.resolve();
    const send = (changes: readonly Change[]) => {
      writing = writing.then(async () => {
        for (const change of changes) {
          if (change.seq <= cursor) continue;
          cursor = change.seq;
          if (story && change.storyId !== story && change.data['absorbed'] !== story) continue;
          await stream.writeSSE({ id: String(change.seq), event: change.kind, data: JSON.stringify(change) });
        }
      }).catch(() => {});
    };
    const stop = feed.subscribe(send, cursor);
    let closed = false;
    stream.onAbort(() => { closed = true; stop(); });
    // What the client missed while away, then the live changes as they come.
    send(await store.changesSince(cursor, BATCH));
    const since = cursor;
    writing = writing.then(() => stream.writeSSE({ event: 'ready', data: JSON.stringify({ since }) })).catch(() => {});
    await writing;
    while (!closed) {
      await stream.sleep(HEARTBEAT_MS);
      if (!closed) await stream.write(': keep-alive\n\n');
    }
  });
}
