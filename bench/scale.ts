/**
 * Parallax at scale, on PostgreSQL: articles added by `parallax add` and run
 * by `parallax worker` processes (one pinned to one core, then two), the
 * library filled to 1k, 10k and 100k stored articles, and at each size the
 * cost of opening the library (`parallax stories`) and of starting `serve`
 * until its first answer; at the largest size the story endpoint under load
 * while two workers keep adding articles, the lag from an article stored to
 * its story rebuilt, peak memory per process, and the agreement of the
 * stories two workers make with the ones one worker makes (B-cubed).
 *
 * Needs a PostgreSQL server where it may create and drop databases:
 * PARALLAX_BENCH_DATABASE_URL (else PARALLAX_TEST_DATABASE_URL). Sizes:
 * PARALLAX_BENCH_ARTICLES (default 100000), PARALLAX_BENCH_THROUGHPUT_ARTICLES
 * (default 5000), PARALLAX_BENCH_LOAD_ARTICLES (added during the load test, default
 * 3000). Run: npm run bench -- scale
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { clusterAgreement } from '../src/story/cluster/index.js';
import { DEFAULT_JOB_SCHEMA } from '../src/jobs/index.js';
import { writeBenchCorpus, type BenchCorpus } from './scale/corpus.js';
import { runParallax, startParallax, type BenchProcess } from './scale/processes.js';
import { scratchDatabase } from '../test/helpers/scale.js';
import { openStore } from '../src/store/index.js';

const MILESTONES = [1_000, 10_000, 100_000];
/** Articles added while the story endpoint is under load. */
const LOAD_ARTICLES = Number(process.env.PARALLAX_BENCH_LOAD_ARTICLES ?? 3_000);
/** Articles per JSON Lines file: the unit each step queues, so it bounds the smallest step. */
const PER_FILE = 100;
const LOAD_SECONDS = 20;
const LOAD_CONNECTIONS = 10;
/** Stories the load hits: the largest ones and a random sample of the rest. */
const LOAD_STORIES = 40;
const POLL_MS = 500;

type Figures = Record<string, number | string>;

/**
 * One connection per database for the bench's own queries: its polls (every POLL_MS while workers run) would
 * otherwise start a server process each time, CPU taken from the workers it measures.
 */
const pools = new Map<string, pg.Pool>();

async function query<R>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 2_000, allowExitOnIdle: true });
    // A scratch database dropped WITH (FORCE) ends the idle connection: nothing to report.
    pool.on('error', () => {});
    pools.set(url, pool);
  }
  return (await pool.query(sql, params)).rows as R[];
}

/** Wait until no article job waits or runs (and, with `rebuilds`, no rebuild either). */
async function drained(url: string, options: { rebuilds?: boolean } = {}): Promise<void> {
  const names = options.rebuilds ? ['article', 'rebuild', 'place'] : ['article'];
  for (;;) {
    // EXISTS stops at the first job found: counting them all scans the job table twice a second.
    const [row] = await query<{ waiting: boolean }>(url, `SELECT EXISTS (SELECT 1 FROM ${DEFAULT_JOB_SCHEMA}.job WHERE name = ANY($1) AND state < 'completed') AS waiting`, [names]);
    if (!row!.waiting) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const stored = async (url: string) => (await query<{ n: number }>(url, 'SELECT count(*)::integer AS n FROM articles'))[0]!.n;

/** Queue files with `parallax add` (PostgreSQL: queued for the workers); returns the milliseconds it took. */
async function queue(files: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return files.length ? (await runParallax(['add', '-q', ...files], env)).ms : 0;
}

/** Start `n` workers, each pinned to its own core (at nice `nice` when given). */
function workers(n: number, env: NodeJS.ProcessEnv, options: { nice?: number } = {}): BenchProcess[] {
  const nice = options.nice ? ['--nice', String(options.nice)] : [];
  return Array.from({ length: n }, (_, i) => startParallax(['worker', '--concurrency', process.env.PARALLAX_BENCH_CONCURRENCY ?? '2', ...nice], env, { core: i }));
}

/** Longest wait for the workers to store their first article (they load their models first). */
const FIRST_STORED_LIMIT_MS = 300_000;

/** Resolves once more than `before` articles are stored. */
async function firstStored(url: string, before: number): Promise<void> {
  const until = performance.now() + FIRST_STORED_LIMIT_MS;
  while ((await stored(url)) <= before) {
    if (performance.now() > until) throw new Error(`no article stored ${FIRST_STORED_LIMIT_MS / 1000} s after the workers started`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Add the files with `n` workers running: articles per second from the first article stored to the
 * last one stored and placed. The workers' start (loading the models, a few seconds paid once per
 * process) is left out of the rate, or a short sample and a run split in parts would pay it more
 * often than a long one; it is returned as `startMs`, from the first job queued to the first article stored.
 */
export async function throughput(url: string, files: readonly string[], n: number): Promise<{ perSecond: number; startMs: number; queueMs: number; peakMb: number; articles: number }> {
  // Nothing to add (a throughput sample no larger than the first milestone leaves its second part empty).
  if (files.length === 0) return { perSecond: 0, startMs: 0, queueMs: 0, peakMb: 0, articles: 0 };
  const env = { DATABASE_URL: url };
  // Create the schema first: the count below must not race the workers' migration of a fresh database.
  await (await openStore({ databaseUrl: url })).close();
  const running = workers(n, env);
  const before = await stored(url);
  const started = performance.now();
  const queueing = queue(files, env);
  queueing.catch(() => {}); // awaited below, where its failure is thrown
  // A failed `add` ends the wait at once (its error is thrown below); a finished one leaves it to the first article stored.
  await Promise.race([firstStored(url, before), queueing.then(() => new Promise<void>(() => {}))]);
  const firstAt = performance.now();
  const atFirst = await stored(url);
  const queueMs = await queueing;
  await drained(url);
  const seconds = (performance.now() - firstAt) / 1000;
  const atEnd = await stored(url);
  const articles = atEnd - atFirst;
  const added = atEnd - before;
  await drained(url, { rebuilds: true });
  await Promise.all(running.map((w) => w.stop()));
  return { perSecond: articles / seconds, startMs: firstAt - started, queueMs, peakMb: Math.max(...running.map((w) => w.peakMb())), articles: added };
}

/** The stories of a database, as groups of article URLs (comparable across databases). */
async function groupingByUrl(url: string): Promise<{ articles: string[] }[]> {
  const rows = await query<{ story_id: string; url: string }>(url, `SELECT story_id, source->>'url' AS url FROM articles WHERE story_id IS NOT NULL AND duplicate_of IS NULL`);
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r.story_id, [...(groups.get(r.story_id) ?? []), r.url]);
  return [...groups.values()].map((articles) => ({ articles }));
}

function truthOf(corpus: BenchCorpus, urls: Iterable<string>): { articles: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const u of urls) { const s = corpus.truth.get(u); if (s) groups.set(s, [...(groups.get(s) ?? []), u]); }
  return [...groups.values()].map((articles) => ({ articles }));
}

/** `parallax stories` (opening the library and listing the largest stories) and `serve` until its first story list. */
async function openingCosts(url: string): Promise<{ storiesMs: number; serveMs: number; servePeakMb: number }> {
  const env = { DATABASE_URL: url };
  const stories = await runParallax(['stories', '--limit', '50'], env);
  const started = performance.now();
  const serve = startParallax(['serve', '--workers', '0', '--port', '0'], env);
  let base: string | undefined;
  while (!base) {
    base = /at (http:\/\/[\d.:]+)/.exec(serve.stderr())?.[1];
    if (serve.child.exitCode !== null) throw new Error(`serve exited: ${serve.stderr()}`);
    if (!base) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const res = await fetch(`${base}/api/stories?limit=50`);
  if (!res.ok) throw new Error(`serve answered ${res.status}`);
  await res.json();
  const serveMs = performance.now() - started;
  await serve.stop();
  return { storiesMs: stories.ms, serveMs, servePeakMb: serve.peakMb() };
}

/**
 * Story endpoint latency at the largest size while two workers add the articles of `files` (at nice
 * `nice` when given; sampling starts once the first of them is stored, so every sample has writes
 * going on); the stored-to-rebuilt lag of those articles. With no files, no worker runs: the quiet figures.
 */
export async function underLoad(url: string, files: readonly string[], options: { nice?: number } = {}): Promise<Figures> {
  const env = { DATABASE_URL: url };
  const serve = startParallax(['serve', '--workers', '0', '--port', '0'], env);
  let base: string | undefined;
  while (!base) {
    base = /at (http:\/\/[\d.:]+)/.exec(serve.stderr())?.[1];
    if (!base) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const largest = await query<{ id: string }>(url, 'SELECT id FROM stories WHERE merged_into IS NULL ORDER BY size DESC LIMIT $1', [LOAD_STORIES / 2]);
  const sample = await query<{ id: string }>(url, 'SELECT id FROM stories WHERE merged_into IS NULL ORDER BY md5(id) LIMIT $1', [LOAD_STORIES / 2]);
  const ids = [...new Set([...largest, ...sample].map((r) => r.id))];
  // Warm the cache of parsed builds the way readers do, then measure with writes going on.
  for (const id of ids) await (await fetch(`${base}/api/stories/${id}`)).arrayBuffer();
  const [{ seq: firstChange }] = await query<{ seq: number }>(url, 'SELECT coalesce(max(seq), 0)::bigint AS seq FROM change_events') as [{ seq: number }];
  const before = await stored(url);
  const running = files.length ? workers(2, env, options) : [];
  const adding = queue(files, env);
  if (files.length) await firstStored(url, before);
  const load = await autocannon({
    url: base,
    connections: LOAD_CONNECTIONS,
    duration: LOAD_SECONDS,
    // A browser's request: it accepts compressed answers.
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    requests: ids.map((id) => ({ method: 'GET' as const, path: `/api/stories/${id}` })),
  });
  const storedDuringLoad = (await stored(url)) - before;
  await adding;
  if (files.length) await drained(url, { rebuilds: true });
  await Promise.all(running.map((w) => w.stop()));
  await serve.stop();
  // Lag: from an article placed (its article-added change) to the first build of its story after it.
  const lags = await query<{ ms: number }>(url, `
    SELECT extract(epoch FROM (u.at - a.at)) * 1000 AS ms
    FROM change_events a
    CROSS JOIN LATERAL (SELECT at FROM change_events u WHERE u.kind = 'story-updated' AND u.story_id = a.story_id AND u.seq > a.seq ORDER BY u.seq LIMIT 1) u
    WHERE a.kind = 'article-added' AND a.seq > $1`, [firstChange]);
  const sorted = lags.map((l) => Number(l.ms)).sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return {
    loadStories: ids.length,
    storyP50ms: load.latency.p50,
    storyP99ms: load.latency.p99,
    storyRps: load.requests.average,
    storyErrors: load.errors + load.non2xx,
    storyMeanKb: load.throughput.total / Math.max(1, load.requests.total) / 1024,
    addedWhileLoading: storedDuringLoad,
    lagArticles: sorted.length,
    lagP50ms: pct(0.5),
    lagP99ms: pct(0.99),
    lagMaxMs: sorted[sorted.length - 1] ?? 0,
    servePeakMbUnderLoad: serve.peakMb(),
    workerPeakMbUnderLoad: Math.max(0, ...running.map((w) => w.peakMb())),
  };
}

/** Articles per JSON Lines file of the bench corpus. */
export const BENCH_PER_FILE = PER_FILE;

export async function benchScale(): Promise<Figures> {
  const server = process.env.PARALLAX_BENCH_DATABASE_URL ?? process.env.PARALLAX_TEST_DATABASE_URL;
  if (!server) return { skipped: 'set PARALLAX_BENCH_DATABASE_URL to a PostgreSQL server where the bench may create databases' };
  const total = Number(process.env.PARALLAX_BENCH_ARTICLES ?? MILESTONES[MILESTONES.length - 1]);
  const forThroughput = Number(process.env.PARALLAX_BENCH_THROUGHPUT_ARTICLES ?? 5_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'parallax-bench-scale-'));
  const figures: Figures = {};
  const databases: { drop(): Promise<void> }[] = [];
  try {
    const corpus = await writeBenchCorpus(path.join(dir, 'input'), total + LOAD_ARTICLES, PER_FILE);
    Object.assign(figures, { inputArticles: corpus.articles, realArticles: corpus.realArticles, meanWords: corpus.meanWords });
    const filesFor = (from: number, to: number) => corpus.files.slice(Math.floor(from / PER_FILE), Math.ceil(to / PER_FILE));

    // One worker on one core, then two workers on two cores: the same articles, each into a fresh database.
    const one = await scratchDatabase(server);
    databases.push(one);
    const t1 = await throughput(one.url, filesFor(0, forThroughput), 1);
    Object.assign(figures, { oneWorkerArticlesPerSecond: t1.perSecond, oneWorkerStartMs: t1.startMs, oneWorkerPeakMb: t1.peakMb, queueArticlesPerSecond: t1.articles / (t1.queueMs / 1000) });

    const two = await scratchDatabase(server);
    databases.push(two);
    const first = Math.min(MILESTONES[0]!, forThroughput);
    const t2a = await throughput(two.url, filesFor(0, first), 2);
    const costs1k = await openingCosts(two.url);
    const t2b = await throughput(two.url, filesFor(first, forThroughput), 2);
    // The second part is empty when the throughput sample is no larger than the first milestone.
    const parts = [t2a, t2b].filter((t) => t.articles > 0);
    const twoRate = parts.reduce((n, t) => n + t.articles, 0) / parts.reduce((s, t) => s + t.articles / t.perSecond, 0);
    Object.assign(figures, {
      twoWorkersArticlesPerSecond: twoRate,
      twoWorkersSpeedup: twoRate / t1.perSecond,
      [`storiesCommandMs_at_${first / 1000}k`]: costs1k.storiesMs,
      [`serveFirstAnswerMs_at_${first / 1000}k`]: costs1k.serveMs,
    });
    const [groupsOne, groupsTwo] = [await groupingByUrl(one.url), await groupingByUrl(two.url)];
    const urls = groupsOne.flatMap((g) => g.articles);
    Object.assign(figures, {
      bcubedTwoVsOneWorker: clusterAgreement(groupsTwo.map((g) => ({ articles: g.articles.filter((u) => urls.includes(u)) })).filter((g) => g.articles.length), groupsOne).f1,
      bcubedOneWorkerVsTruth: clusterAgreement(groupsOne, truthOf(corpus, urls)).f1,
    });
    await one.drop();
    databases.splice(databases.indexOf(one), 1);

    // Fill to each size with two workers; measure what a restart costs there.
    let filled = forThroughput;
    let workerPeak = Math.max(t2a.peakMb, t2b.peakMb);
    for (const size of MILESTONES.filter((m) => m > first && m <= total)) {
      if (size > filled) {
        const fill = await throughput(two.url, filesFor(filled, size), 2);
        workerPeak = Math.max(workerPeak, fill.peakMb);
        figures[`fillArticlesPerSecond_to_${size / 1000}k`] = fill.perSecond;
        filled = size;
      }
      const costs = await openingCosts(two.url);
      // A run to 100k takes about an hour: the figures so far, in case it is stopped.
      process.stderr.write(`scale: ${size / 1000}k stored; figures so far ${JSON.stringify(figures)}\n`);
      Object.assign(figures, {
        [`storiesCommandMs_at_${size / 1000}k`]: costs.storiesMs,
        [`serveFirstAnswerMs_at_${size / 1000}k`]: costs.serveMs,
        [`servePeakMb_at_${size / 1000}k`]: costs.servePeakMb,
        [`workerPeakMb_to_${size / 1000}k`]: workerPeak,
      });
    }
    figures['storedArticles'] = await stored(two.url);
    figures['stories'] = (await query<{ n: number }>(two.url, 'SELECT count(*)::integer AS n FROM stories WHERE merged_into IS NULL'))[0]!.n;
    figures['largestStory'] = (await query<{ n: number }>(two.url, 'SELECT max(size)::integer AS n FROM stories'))[0]!.n;
    Object.assign(figures, await underLoad(two.url, filesFor(filled, filled + LOAD_ARTICLES)));
    return figures;
  } finally {
    for (const db of databases) await db.drop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}
