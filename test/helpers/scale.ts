/**
 * Shared pieces of the scale tests: synthetic batches, a scratch PostgreSQL
 * database per test, the reference grouping of one uninterrupted run, and the
 * checks a store must pass after workers were killed.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect } from 'vitest';
import { jsonLine, syntheticNews, type SyntheticArticle } from '../../bench/synthetic-news.js';
import { openStore, type Store } from '../../src/store/index.js';
import { Library, readArticles } from '../../src/workflow/index.js';
import { DEFAULT_JOB_SCHEMA } from '../../src/jobs/index.js';

export function syntheticBatch(seed: number, articles: number): { articles: SyntheticArticle[]; jsonl: string } {
  const list = [...syntheticNews({ seed, articles, articlesPerDay: 20 })];
  return { articles: list, jsonl: list.map(jsonLine).join('\n') + '\n' };
}

/** A database of its own on the test server, dropped by `drop`. */
export async function scratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `parallax_scale_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A grouping as sorted lists of sorted article ids: equal groupings compare equal. */
export function canonical(stories: readonly { articles: readonly string[] }[]): string[][] {
  return stories.map((s) => [...s.articles].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** The stories one uninterrupted run makes of a JSON Lines file, read in order (in memory, the same pipeline). */
export async function referenceGrouping(file: string): Promise<{ ids: string[]; stories: string[][] }> {
  const store = await openStore({ memory: true });
  try {
    const library = new Library(store);
    const ids: string[] = [];
    for await (const result of readArticles([file])) {
      if (!result.ok) throw result.error;
      ids.push((await library.add(result.doc)).id);
    }
    return { ids, stories: canonical(await store.listStories()) };
  } finally {
    await store.close();
  }
}

/**
 * What must hold after any number of killed workers and a restart: every input stored exactly
 * once, each with its layers and its story, every story built, no job lost (done, or failed
 * for good with a reason in the dead-letter queue).
 */
export async function expectWholeStore(store: Store, expectedIds: readonly string[]): Promise<void> {
  const stored = await store.listArticles({ includeDuplicates: true });
  expect(stored.map((s) => s.doc.id).sort()).toEqual([...new Set(expectedIds)].sort());
  for (const { doc } of stored) {
    expect(doc.layers.entities, `layers of ${doc.id}`).toBeDefined();
    expect(doc.layers.events, `layers of ${doc.id}`).toBeDefined();
    expect(await store.storyOfArticle(doc.id), `story of ${doc.id}`).not.toBeNull();
  }
  expect(await store.staleStories(10)).toEqual([]);
  const { rows } = await store.sql.query<{ state: string; n: number }>(
    `SELECT state::text AS state, count(*)::integer AS n FROM ${DEFAULT_JOB_SCHEMA}.job WHERE name <> 'dead' GROUP BY state`,
  );
  const states = Object.fromEntries(rows.map((r) => [r.state, r.n]));
  expect(states['created'] ?? 0, JSON.stringify(states)).toBe(0);
  expect(states['retry'] ?? 0, JSON.stringify(states)).toBe(0);
  expect(states['active'] ?? 0, JSON.stringify(states)).toBe(0);
  const { rows: dead } = await store.sql.query<{ n: number; reasons: number }>(
    `SELECT count(*)::integer AS n, count(output->>'message')::integer AS reasons FROM ${DEFAULT_JOB_SCHEMA}.job WHERE name = 'dead'`,
  );
  expect(dead[0]!.n).toBe(states['failed'] ?? 0);
  expect(dead[0]!.reasons).toBe(dead[0]!.n);
}

/** A seeded random number in [from, to). */
export function between(rand: () => number, from: number, to: number): number {
  return Math.floor(from + rand() * (to - from));
}
