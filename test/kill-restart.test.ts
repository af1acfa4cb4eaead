/**
 * A worker killed with SIGKILL in the middle of a batch, several times at random points, then
 * restarted: every input is stored exactly once with its layers and its story, no job is lost (done,
 * or dead-lettered with a reason), and the stories are the ones one uninterrupted run makes.
 * On PostgreSQL the killed process is `parallax worker`; on PGlite it is `parallax add`, which runs
 * the jobs in-process and is run again on the same inputs after each kill. Each kill comes after a
 * random few more articles are stored, so it falls in the middle of a batch, at another point each time.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { seededRandom } from '../src/core/index.js';
import { runCliProcess, startCli, type CliProcess } from './helpers/cli-process.js';
import { between, canonical, expectWholeStore, referenceGrouping, scratchDatabase, syntheticBatch } from './helpers/scale.js';

const serverUrl = process.env.PARALLAX_TEST_DATABASE_URL;
const ARTICLES = 40;
const KILLS = 3;
/** Jobs left active by a killed worker count as lost after this long and are retried. */
const EXPIRE_SECONDS = '4';

/** Resolves once `count()` exceeds `target`, or the process ends first. */
async function until(count: () => Promise<number>, target: number, p: CliProcess): Promise<void> {
  let ended = false;
  void p.exited.then(() => { ended = true; });
  while (!ended && (await count()) < target) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function storedOnServer(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::integer AS n FROM articles`).catch(() => ({ rows: [{ n: 0 }] }));
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** The store after the restarts holds what one uninterrupted run makes of the same inputs. */
async function expectAsOneRun(at: Parameters<typeof openStore>[0], reference: { ids: string[]; stories: string[][] }): Promise<void> {
  const store = await openStore(at);
  try {
    await expectWholeStore(store, reference.ids);
    expect(canonical(await store.listStories())).toEqual(reference.stories);
  } finally {
    await store.close();
  }
}

/** Between kills, the folder opens (the dead process's lock does not hold it) and every article it holds is whole. */
async function expectConsistentAfterKill(folder: string): Promise<void> {
  const store = await openStore({ dataDir: folder });
  try {
    for (const { doc } of await store.listArticles({ includeDuplicates: true })) {
      expect(doc.layers.entities, `layers of ${doc.id}`).toBeDefined();
      expect(await store.storyOfArticle(doc.id), `story of ${doc.id}`).not.toBeNull();
    }
  } finally {
    await store.close();
  }
}

async function batchFile(dir: string, seed: number): Promise<string> {
  const file = path.join(dir, 'batch.jsonl');
  await writeFile(file, syntheticBatch(seed, ARTICLES).jsonl);
  return file;
}

describe.skipIf(!serverUrl)(`a worker killed mid-batch on PostgreSQL${serverUrl ? '' : ' (skipped: set PARALLAX_TEST_DATABASE_URL)'}`, { timeout: 1_200_000 }, () => {
  it('after restarts, stores every input once, loses no job, and groups as one uninterrupted run', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-kill-pg-'));
    const db = await scratchDatabase(serverUrl!);
    try {
      const file = await batchFile(dir, 41);
      const reference = await referenceGrouping(file);
      const env = { DATABASE_URL: db.url, PARALLAX_JOB_EXPIRE_SECONDS: EXPIRE_SECONDS };
      const queued = await runCliProcess(['add', '-q', file], env);
      expect(queued.code, queued.stderr).toBe(0);
      const rand = seededRandom(7);
      const storedAtKills: number[] = [];
      for (let k = 0; k < KILLS; k++) {
        const worker = startCli(['worker'], env);
        await until(() => storedOnServer(db.url), (await storedOnServer(db.url)) + between(rand, 1, 6), worker);
        worker.child.kill('SIGKILL');
        expect(await worker.exited).toBeNull();
        storedAtKills.push(await storedOnServer(db.url));
      }
      // Every kill fell in the middle of the batch: some articles stored, not all.
      expect(storedAtKills[0]).toBeGreaterThan(0);
      expect(storedAtKills[KILLS - 1]).toBeLessThan(ARTICLES);
      const last = await runCliProcess(['worker', '--until-idle'], env);
      expect(last.code, last.stderr).toBe(0);
      await expectAsOneRun({ databaseUrl: db.url }, reference);
    } finally {
      await db.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('parallax add killed mid-batch on a PGlite folder', { timeout: 1_200_000 }, () => {
  it('after running again on the same inputs, stores every input once, loses no job, and groups as one uninterrupted run', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-kill-pglite-'));
    try {
      const file = await batchFile(dir, 43);
      const reference = await referenceGrouping(file);
      const folder = path.join(dir, 'library');
      const rand = seededRandom(11);
      for (let k = 0; k < KILLS; k++) {
        const add = startCli(['add', '--db', folder, file]);
        // The folder is the running process's alone, and `add` prints its results at the end, so the kill
        // comes after a random time: while the models load, or in the middle of the batch.
        await Promise.race([new Promise((resolve) => setTimeout(resolve, between(rand, 4_000, 16_000))), add.exited]);
        add.child.kill('SIGKILL');
        await add.exited;
        await expectConsistentAfterKill(folder);
      }
      const last = await runCliProcess(['add', '--db', folder, file]);
      expect(last.code, last.stderr).toBe(0);
      await expectAsOneRun({ dataDir: folder }, reference);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
