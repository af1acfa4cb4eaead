import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openStoreOnClient, openPostgresTarget } from '../store/open-store.js';
import { QUEUES } from './names.js';
import { JobQueue } from './queue.js';

const url = process.env.PARALLAX_TEST_DATABASE_URL;

describe.skipIf(!url)(`a job queue set up by two processes at once on PostgreSQL${url ? '' : ' (skipped: set PARALLAX_TEST_DATABASE_URL)'}`, { timeout: 120_000 }, () => {
  it('opens in both, and a job one queues is taken by the other (a worker and an add started together)', async () => {
    const schema = `parallax_setup_test_${randomBytes(5).toString('hex')}`;
    const admin = await openPostgresTarget(url!);
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const [adding, working] = [
      await openStoreOnClient(await openPostgresTarget(url!, { schema }), schema),
      await openStoreOnClient(await openPostgresTarget(url!, { schema }), schema),
    ];
    const queueSchemas: string[] = [];
    try {
      // Each round on a queue schema nobody made yet, as on a fresh database.
      for (let round = 0; round < 6; round++) {
        const queueSchema = `${schema}_q${round}`;
        queueSchemas.push(queueSchema);
        const [first, second] = await Promise.all([JobQueue.open(adding, { schema: queueSchema }), JobQueue.open(working, { schema: queueSchema, maintain: true })]);
        try {
          const [id] = await first.sendMany(QUEUES.article, [{ input: `round-${round}` }]);
          const taken = await second.boss.fetch(QUEUES.article);
          expect(taken.map((j) => j.id)).toEqual([id]);
        } finally {
          await first.stop();
          await second.stop();
        }
      }
    } finally {
      await adding.close();
      await working.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE; ${queueSchemas.map((q) => `DROP SCHEMA IF EXISTS ${q} CASCADE;`).join(' ')}`);
      await admin.close();
    }
  });
});
