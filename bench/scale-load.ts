/**
 * Only the story endpoint under load of the scale bench, at a size that fits
 * a short run: a PostgreSQL library filled once to PARALLAX_BENCH_ARTICLES
 * (default 2000) by two workers and kept as a template database
 * (`parallax_bench_load_<generator version>_<n>`); each measurement runs on a copy of its own
 * (named after this process, dropped after), so measurements and runs
 * compare and two runs on one server do not meet. Measured: `serve` answering
 * the largest and a sample of the stories with no worker running (quiet);
 * then while two workers add PARALLAX_BENCH_LOAD_ARTICLES more (default 500),
 * sampled from the first of them stored, once per nice value of the workers
 * in PARALLAX_BENCH_NICE (default `0,10`: normal priority, then
 * `parallax worker --nice 10`). Run: npm run bench -- scale-load
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { writeBenchCorpus } from './scale/corpus.js';
import { SYNTHETIC_VERSION } from './synthetic-news.js';
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
  const nices = (process.env.PARALLAX_BENCH_NICE ?? '0,10').split(',').map(Number);
  const template = `parallax_bench_load_${SYNTHETIC_VERSION}_${total}`;
  const copies: string[] = [];
  /** A copy of the template for one measurement. */
  const copy = async (label: string) => {
    const name = `${template}_${process.pid}_${label}`;
    copies.push(name);
    await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(server, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    return dbUrl(server, name);
  };
  try {
    const corpus = await writeBenchCorpus(path.join(dir, 'input'), total + load, BENCH_PER_FILE);
    const files = (from: number, to: number) => corpus.files.slice(Math.floor(from / BENCH_PER_FILE), Math.ceil(to / BENCH_PER_FILE));
    const exists = (await admin<{ n: number }>(server, `SELECT count(*)::integer AS n FROM pg_database WHERE datname = '${template}'`))[0]!.n > 0;
    if (!exists) {
      await admin(server, `CREATE DATABASE ${template}`);
      await throughput(dbUrl(server, template), files(0, total), 2);
    }
    const quiet = await underLoad(await copy('quiet'), []);
    const figures: Record<string, number | string> = {
      stored: total,
      loadStories: quiet['loadStories']!,
      quietP50ms: quiet['storyP50ms']!, quietP99ms: quiet['storyP99ms']!, quietRps: quiet['storyRps']!, quietErrors: quiet['storyErrors']!,
    };
    for (const nice of nices) {
      const busy = await underLoad(await copy(`nice${nice}`), files(total, total + load), { nice });
      const key = (name: string) => (nice ? `nice${nice}_${name}` : name);
      for (const [name, value] of Object.entries(busy)) if (name !== 'loadStories') figures[key(name.replace(/^story/, 'busy'))] = value!;
    }
    return figures;
  } finally {
    for (const name of copies) await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}
