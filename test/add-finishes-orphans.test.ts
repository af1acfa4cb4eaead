import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { DEFAULT_JOB_SCHEMA, JobQueue, QUEUES } from '../src/jobs/index.js';
import { textPage } from '../src/jobs/test-helpers.js';
import { HARBOUR_TEXT, RIVER_TEXT } from '../src/api/test-helpers/articles.js';
import { runCli } from './helpers/run-cli.js';

describe('parallax add on a PGlite folder a killed process left jobs in', { timeout: 180_000 }, () => {
  it('runs the job the dead process held as well as its own, and leaves no job waiting', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-orphans-'));
    try {
      const folder = path.join(dir, 'library');
      // An earlier process queued the river article and died while running it: its job stays active.
      // Its retries were a minute apart, so only running it at once gets it done within this `add`.
      const store = await openStore({ dataDir: folder });
      const queue = await JobQueue.open(store, { retry: { limit: 2, delaySeconds: 60 } });
      const [orphan] = await queue.sendMany(QUEUES.article, [{ input: 'river.txt', page: textPage(RIVER_TEXT) }]);
      await store.sql.query(`UPDATE ${DEFAULT_JOB_SCHEMA}.job SET state = 'active', started_on = now() WHERE id = $1`, [orphan]);
      await queue.stop();
      await store.close();

      const file = path.join(dir, 'harbour.txt');
      await writeFile(file, HARBOUR_TEXT);
      expect((await runCli(['add', '--db', folder, '-q', file])).code).toBe(0);

      const after = await openStore({ dataDir: folder });
      try {
        expect(await after.countArticles()).toBe(2);
        const { rows } = await after.sql.query<{ state: string; n: number }>(
          `SELECT state::text AS state, count(*)::integer AS n FROM ${DEFAULT_JOB_SCHEMA}.job WHERE state IN ('created', 'retry', 'active') GROUP BY state`,
        );
        expect(rows).toEqual([]);
      } finally {
        await after.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
