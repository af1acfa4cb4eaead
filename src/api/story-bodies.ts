/**
 * The story answer as bytes, ready to send: gzip-compressed once per build
 * and state on the body thread, kept per process, named by an ETag (story,
 * build version, stale or not) so a reader that has it gets 304. The thread
 * answering requests only reads the build's version (one small query) and
 * writes bytes: it never parses or writes a large story's JSON.
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Worker } from 'node:worker_threads';
import type { Store } from '../store/index.js';
import { startThread } from '../workflow/thread.js';
import { encodeStoryBody, type BodyBuild, type EncodedBuild } from './story-body.js';
import type { StoryService } from './stories.js';
import type { ChangeFeed } from './events.js';

const inflate = promisify(gunzip);
const deflate = promisify(gzip);

/** A story answer: its gzip bytes and, for a stored build, its entity tag. */
export interface StoryAnswer {
  readonly gzip: Uint8Array;
  /** Weak tag (the same answer in any encoding): changes with the build and its stale flag. */
  readonly etag?: string;
}

/** Compressed size from which a story's readers get its previous build while the new one is encoded (a few MB of JSON). */
const SERVE_PREVIOUS_BYTES = 256 * 1024;
/** Longest a story's state is taken from memory without asking the database. */
const HEAD_TTL_MS = 2_000;
/** Story states kept in memory. */
const KNOWN_HEADS = 10_000;
/** Compressed answers kept per process; a large story's is a few MB. */
const CACHED_BYTES = 128 * 1024 * 1024;

/** A build's answers, encoded. */
interface Encoded extends EncodedBuild {
  readonly version: number;
  /** The story change the build covers: later changes make it stale. */
  readonly coversSeq: number;
}

type Head = Awaited<ReturnType<StoryService['head']>>;

export class StoryBodies {
  private readonly cache = new Map<string, Encoded>();
  private cachedBytes = 0;
  private readonly loading = new Map<string, { version: number; encoded: Promise<Encoded | null> }>();
  /** Each asked story's state and latest build version, as read at `at`, until the change log says it changed. */
  private readonly heads = new Map<string, { at: number; head: Head }>();
  /** States being read from the database: the readers of one story share one read. */
  private readonly reading = new Map<string, { generation: number; head: Promise<Head> }>();
  /** Bumped by every forgetting: a state read before it is not kept. */
  private generation = 0;
  private watching: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly stories: StoryService,
    private readonly changes: ChangeFeed,
    private readonly encoder: BodyEncoder = new BodyEncoder(),
  ) {}

  /** Forget what is known of the stories' states (this process changed stories: the next reads ask the database). */
  forget(): void {
    this.heads.clear();
    this.generation++;
  }

  /**
   * The answer for a story (a story merged into another: that one's). A build not encoded yet is
   * encoded on the body thread; meanwhile the readers of a large story get the build before it,
   * marked stale (changes wait for them), rather than wait.
   * @throws ApiError 404 E_STORY_NOT_FOUND
   */
  async get(id: string): Promise<StoryAnswer> {
    const { record, head } = await this.head(id);
    if (!head) return this.pending(record.id);
    const known = this.cache.get(record.id);
    if (known && known.version >= head.version) {
      this.cache.delete(record.id);
      this.cache.set(record.id, known);
      return answerOf(record.id, known, record.changedSeq > known.coversSeq);
    }
    const encoded = this.load(record.id, head.version);
    // A large story's new build takes a while to encode: its readers get the one before, marked stale, meanwhile.
    if (known && known.fresh.byteLength >= SERVE_PREVIOUS_BYTES) return answerOf(record.id, known, true);
    const loaded = await encoded;
    return loaded ? answerOf(record.id, loaded, record.changedSeq > loaded.coversSeq) : this.pending(record.id);
  }

  /**
   * A story's state and build version: from memory while the change log (read every quarter
   * second by the change feed, written by every process) says nothing of the story. A state older
   * than {@link HEAD_TTL_MS} is read again, so a change the log reports late (a transaction
   * committed after a later one) shows all the same; meanwhile its readers get the state they had
   * instead of waiting for the database (on a loaded machine that wait was the slowest tenth of
   * all reads). A read then costs no query; a story the log says changed is read once for all
   * its readers.
   */
  private async head(id: string): Promise<Head> {
    const known = this.heads.get(id);
    if (known) {
      if (performance.now() - known.at >= HEAD_TTL_MS) {
        // Read again in the background; should that fail, the next reader waits for a fresh read.
        this.read(id).catch(() => { if (this.heads.get(id) === known) this.heads.delete(id); });
      }
      return known.head;
    }
    await (this.watching ??= this.watch());
    return this.read(id);
  }

  /** Read a story's state once however many readers ask for it, and keep it (unless stories were forgotten meanwhile). */
  private read(id: string): Promise<Head> {
    const inFlight = this.reading.get(id);
    // A read begun before the latest change or forgetting may hold the state before it: not shared.
    if (inFlight && inFlight.generation === this.generation) return inFlight.head;
    const generation = this.generation;
    const at = performance.now();
    const head = this.stories.head(id).then((read) => {
      if (generation === this.generation) {
        this.heads.delete(id);
        this.heads.set(id, { at, head: read });
        if (this.heads.size > KNOWN_HEADS) this.heads.delete(this.heads.keys().next().value!);
      }
      return read;
    });
    const entry = { generation, head };
    this.reading.set(id, entry);
    const done = () => { if (this.reading.get(id) === entry) this.reading.delete(id); };
    head.then(done, done);
    return head;
  }

  /** Follow the change log from now: a change to a story drops what is known of it. */
  private async watch(): Promise<void> {
    const from = await this.store.latestChange();
    this.changes.subscribe((changes) => {
      const touched = new Set<string>();
      for (const c of changes) {
        if (c.storyId) touched.add(c.storyId);
        if (typeof c.data['absorbed'] === 'string') touched.add(c.data['absorbed']);
      }
      if (touched.size === 0) return;
      this.generation++;
      for (const [key, { head }] of this.heads) if (touched.has(key) || touched.has(head.record.id)) this.heads.delete(key);
    }, from);
  }

  /** The bytes an answer stands for, inflated (for a reader that does not accept gzip). */
  static inflate(answer: StoryAnswer): Promise<Uint8Array> {
    return inflate(answer.gzip);
  }

  /** A story not built yet: its article list, small; written here and never kept. */
  private async pending(id: string): Promise<StoryAnswer> {
    const served = await this.stories.get(id);
    return { gzip: await deflate(JSON.stringify({ story: served.story, overrides: served.overrides, build: served.build })) };
  }

  /** Read and encode the latest build (at least `version`) once, however many readers ask for it. */
  private load(id: string, version: number): Promise<Encoded | null> {
    const inFlight = this.loading.get(id);
    if (inFlight && inFlight.version >= version) return inFlight.encoded;
    const encoded = (async () => {
      const build = await this.store.latestStoryBuild(id);
      if (!build) return null;
      const bytes = await this.encoder.encode(build.data, { version: build.version, builtAt: build.builtAt, buildMs: build.buildMs });
      const out = { ...bytes, version: build.version, coversSeq: build.coversSeq };
      this.remember(id, out);
      return out;
    })();
    const entry = { version, encoded };
    this.loading.set(id, entry);
    const done = () => { if (this.loading.get(id) === entry) this.loading.delete(id); };
    encoded.then(done, done);
    return encoded;
  }

  private remember(id: string, encoded: Encoded): void {
    const old = this.cache.get(id);
    if (old && old.version > encoded.version) return;
    if (old) { this.cache.delete(id); this.cachedBytes -= sizeOf(old); }
    this.cache.set(id, encoded);
    this.cachedBytes += sizeOf(encoded);
    for (const [key, entry] of this.cache) {
      if (this.cachedBytes <= CACHED_BYTES || this.cache.size === 1) break;
      this.cache.delete(key);
      this.cachedBytes -= sizeOf(entry);
    }
  }
}

const sizeOf = (e: EncodedBuild) => e.fresh.byteLength + e.stale.byteLength;

function answerOf(id: string, encoded: Encoded, stale: boolean): StoryAnswer {
  return { gzip: stale ? encoded.stale : encoded.fresh, etag: tagOf(id, encoded.version, stale) };
}

function tagOf(id: string, version: number, stale: boolean): string {
  return `W/"${id}.${version}.${stale ? 's' : 'f'}"`;
}

/** Whether an If-None-Match header names this tag (weak comparison, `*` included). */
export function matchesTag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** Whether an Accept-Encoding header accepts gzip (not refused with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') return false;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

function encodeHere(data: string, build: BodyBuild): Promise<EncodedBuild> {
  try { return Promise.resolve(encodeStoryBody(data, build)); } catch (err) { return Promise.reject(err as Error); }
}

type Reply = { id: number; ok: true; fresh: Uint8Array; stale: Uint8Array } | { id: number; ok: false; message: string };

/**
 * Encodes story answers on a thread of their own (started on first use, not keeping the process
 * alive), one at a time; on this thread when no thread can start.
 */
export class BodyEncoder {
  private worker: Worker | null = null;
  private broken = false;
  private nextId = 1;
  private readonly waiting = new Map<number, { data: string; build: BodyBuild; resolve: (bytes: EncodedBuild) => void; reject: (err: Error) => void }>();

  encode(data: string, build: BodyBuild): Promise<EncodedBuild> {
    const worker = this.thread();
    if (!worker) return encodeHere(data, build);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { data, build, resolve, reject });
      worker.postMessage({ id, data, build });
    });
  }

  private thread(): Worker | null {
    if (this.worker || this.broken) return this.worker;
    let worker: Worker;
    try {
      worker = startThread('story-body-worker', import.meta.url);
    } catch {
      this.broken = true;
      return null;
    }
    let answered = false;
    worker.on('message', (reply: Reply) => {
      answered = true;
      const job = this.waiting.get(reply.id);
      if (!job) return;
      this.waiting.delete(reply.id);
      if (reply.ok) job.resolve({ fresh: reply.fresh, stale: reply.stale });
      else job.reject(new Error(`encoding a story answer failed: ${reply.message}`));
    });
    const fail = (err: Error) => {
      this.worker = null;
      const jobs = [...this.waiting.values()];
      this.waiting.clear();
      // A thread that never answered could not start (no loader for the sources, say): encode here from now on.
      // One that stopped later fails only the jobs in hand; the next ones start a new thread.
      if (!answered) this.broken = true;
      for (const job of jobs) {
        if (answered) job.reject(err);
        else encodeHere(job.data, job.build).then(job.resolve, job.reject);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (this.worker === worker) fail(new Error(`the story body thread stopped (exit code ${code})`)); });
    // After the listeners: adding a 'message' listener refs the thread's port again.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
