/**
 * Only the story endpoint under load of the scale bench, at a size that fits
 * a short run: a PostgreSQL library filled once to PARALLAX_BENCH_ARTICLES
 * (default 2000) by two workers and kept as a template database
 * (`parallax_bench_load_<n>`), cloned for each run so runs compare; then
 * `serve` answers the largest and a sample of the stories while two workers
 * add PARALLAX_BENCH_LOAD_ARTICLES more (default 500). Also: the same load
 * with no writes going on. Run: npm run bench -- scale-load
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { writeBenchCorpus } from './scale/corpus.js';
import { BENCH_PER_FILE, throughput, underLoad } from './scale.js';

async function admin<R>(server: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try { return (await client.query(sql)).rows as R[]; } finally { await client.end(); }
}

const dbUrl = (server: string, name: string) => { const u = new URL(server); u.pathname = `/${name}`; return u.href; };

export async function benchScaleLoad(): Promise<Record<string, number | string>> {
  const server = process.env.PARALLAX_BENCH_DATABASE_URL ?? process.env.PARALLAX_TEST_DATABASE_URL;
  if (!server) return { skipped: 'set PARALLAX_BENCH_DATABASE_URL to a PostgreSQL server where the bench may create databases' };
  const total = Number(process.env.PARALLAX_BENCH_ARTICLES ?? 2_000);
  const load = Number(process.env.PARALLAX_BENCH_LOAD_ARTICLES ?? 500);
  const dir = await mkdtemp(path.join(tmpdir(), 'parallax-bench-load-'));
  const template = `parallax_bench_load_${total}`;
  const run = `${template}_run`;
  try {
    const corpus = await writeBenchCorpus(path.join(dir, 'input'), total + load, BENCH_PER_FILE);
    const files = (from: number, to: number) => corpus.files.slice(Math.floor(from / BENCH_PER_FILE), Math.ceil(to / BENCH_PER_FILE));
    const exists = (await admin<{ n: number }>(server, `SELECT count(*)::integer AS n FROM pg_database WHERE datname = '${template}'`))[0]!.n > 0;
    if (!exists) {
      await admin(server, `CREATE DATABASE ${template}`);
      await throughput(dbUrl(server, template), files(0, total), 2);
    }
    await admin(server, `DROP DATABASE IF EXISTS ${run} WITH (FORCE)`);
    await admin(server, `CREATE DATABASE ${run} TEMPLATE ${template}`);
    try {
      const quiet = await underLoad(dbUrl(server, run), []);
      const busy = await underLoad(dbUrl(server, run), files(total, total + load));
      return {
        stored: total,
        quietP50ms: quiet['storyP50ms']!, quietP99ms: quiet['storyP99ms']!, quietRps: quiet['storyRps']!, quietErrors: quiet['storyErrors']!,
        ...busy,
      };
    } finally {
      await admin(server, `DROP DATABASE IF EXISTS ${run} WITH (FORCE)`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
