/**
 * Only the worker part of the scale bench, at sizes that fit a short run: a fresh PostgreSQL
 * database filled in phases (PARALLAX_BENCH_PHASES, default "1000,1000": 1,000 articles, then
 * 1,000 more) by PARALLAX_BENCH_WORKERS `parallax worker` processes (default 1, each pinned to
 * a core; PARALLAX_BENCH_CONCURRENCY article loops each, default 2), new processes for each phase.
 * Per phase: articles per second until stored and placed (from the first article stored: the workers' start is reported apart), the workers' peak memory, the store's size and its largest story (a rebuild's
 * memory grows with the story it builds). Run: npm run bench -- scale-workers
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { writeBenchCorpus } from './scale/corpus.js';
import { BENCH_PER_FILE, throughput } from './scale.js';
import { scratchDatabase } from '../test/helpers/scale.js';

async function scalar(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { return Number((await client.query<{ n: number }>(sql)).rows[0]!.n); } finally { await client.end(); }
}

export async function benchScaleWorkers(): Promise<Record<string, number | string>> {
  const server = process.env.PARALLAX_BENCH_DATABASE_URL ?? process.env.PARALLAX_TEST_DATABASE_URL;
  if (!server) return { skipped: 'set PARALLAX_BENCH_DATABASE_URL to a PostgreSQL server where the bench may create databases' };
  const phases = (process.env.PARALLAX_BENCH_PHASES ?? '1000,1000').split(',').map((n) => Math.ceil(Number(n) / BENCH_PER_FILE) * BENCH_PER_FILE);
  const workers = Number(process.env.PARALLAX_BENCH_WORKERS ?? 1);
  const dir = await mkdtemp(path.join(tmpdir(), 'parallax-bench-workers-'));
  const db = await scratchDatabase(server);
  const figures: Record<string, number | string> = { workers };
  try {
    const corpus = await writeBenchCorpus(path.join(dir, 'input'), phases.reduce((a, b) => a + b, 0), BENCH_PER_FILE);
    let from = 0;
    for (const n of phases) {
      const files = corpus.files.slice(from / BENCH_PER_FILE, (from + n) / BENCH_PER_FILE);
      from += n;
      const run = await throughput(db.url, files, workers);
      const at = `at_${from / 1000}k`;
      Object.assign(figures, {
        [`articlesPerSecond_${at}`]: run.perSecond,
        [`workerStartMs_${at}`]: run.startMs,
        [`workerPeakMb_${at}`]: run.peakMb,
        [`largestStory_${at}`]: await scalar(db.url, 'SELECT coalesce(max(size), 0)::integer AS n FROM stories'),
      });
    }
    return figures;
  } finally {
    await db.drop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}
