import { afterEach, describe, expect, it } from 'vitest';
import { HARBOUR_FOLLOWUP_TEXT, HARBOUR_TEXT, RIVER_TEXT } from '../api/test-helpers/articles.js';
import { latestBuild } from '../workflow/index.js';
import { QUEUES, Worker, type ArticleOutcome } from './index.js';
import { pgliteJobs, postgresJobs, QUICK_RETRIES, textPage, type JobsUnderTest } from './test-helpers.js';

const url = process.env.PARALLAX_TEST_DATABASE_URL;
const engines: [string, (options?: Parameters<typeof pgliteJobs>[0]) => Promise<JobsUnderTest>, string | undefined][] = [
  ['PGlite', pgliteJobs, undefined],
  ['PostgreSQL', (options) => postgresJobs(url!, options), url ? undefined : 'set PARALLAX_TEST_DATABASE_URL'],
];

const HARBOUR = { input: 'harbour.txt', page: textPage(HARBOUR_TEXT, { title: 'Veltria opens new harbour talks' }) };
const FOLLOWUP = { input: 'followup.txt', page: textPage(HARBOUR_FOLLOWUP_TEXT) };
const RIVER = { input: 'river.txt', page: textPage(RIVER_TEXT) };
/** The harbour story once more, from a third outlet. */
const THIRD = { input: 'third.txt', page: textPage(`Harbour union accepts Veltria timetable

The Orsk Shipping Union accepted the harbour timetable offered by the Veltria harbour minister, Mara Quillon, on Friday. Union chair Ivo Brask said the dock workers in Port Aven would read the draft contract over the weekend.

"The timetable is fair," Brask said. Quillon said the harbour talks would end with a signed agreement this month.`) };

for (const [engine, open, skip] of engines) {
  // Opening PGlite and its queue and loading the annotation models take a while on a busy machine.
  describe.skipIf(Boolean(skip))(`jobs on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 180_000 }, () => {
    let jobs: JobsUnderTest | undefined;
    let worker: Worker | undefined;
    afterEach(async () => {
      await worker?.stop();
      worker = undefined;
      await jobs?.close();
      jobs = undefined;
    });
    const outcomes = async (ids: string[]) => [...(await jobs!.queue.status(ids)).values()].map((s) => s.output as unknown as ArticleOutcome);

    it('stores, annotates and places each article and builds its story; a job run twice stores nothing twice', async () => {
      jobs = await open();
      const ids = await jobs.queue.sendMany(QUEUES.article, [HARBOUR, FOLLOWUP, RIVER]);
      worker = await Worker.start(jobs.store, jobs.queue, { pollMs: 50, log: () => {} });
      await worker.untilIdle();
      const [harbour, followup, river] = await outcomes(ids);
      expect([harbour!.status, followup!.status, river!.status]).toEqual(['added', 'added', 'added']);
      if (harbour!.status !== 'added' || followup!.status !== 'added' || river!.status !== 'added') return;
      expect(followup!.storyId).toBe(harbour!.storyId);
      expect(river!.storyId).not.toBe(harbour!.storyId);
      for (const id of [harbour!.id, followup!.id, river!.id]) {
        const stored = (await jobs.store.getArticle(id))!;
        expect(stored.doc.layers.entities?.length).toBeGreaterThan(0);
        expect(stored.doc.layers.events).toBeDefined();
      }
      const built = (await latestBuild(jobs.store, harbour!.storyId))!;
      expect(built.story.articles).toEqual([harbour!.id, followup!.id]);
      expect(built.build.stale).toBe(false);

      const again = await jobs.queue.sendMany(QUEUES.article, [{ ...HARBOUR, input: 'harbour-again.txt' }]);
      await worker.untilIdle();
      expect((await outcomes(again))[0]).toMatchObject({ status: 'duplicate', id: harbour!.id });
      expect(await jobs.store.countArticles()).toBe(3);
      expect((await latestBuild(jobs.store, harbour!.storyId))!.build.version).toBe(built.build.version);
    });

    it('takes a job this process queues at once, however long its idle poll, and stops without waiting the poll out', async () => {
      jobs = await open();
      // A ten-minute poll: only the wake-up on queueing can have the job taken within the test's time.
      worker = await Worker.start(jobs.store, jobs.queue, { pollMs: 600_000, queues: ['article'], log: () => {} });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const ids = await jobs.queue.sendMany(QUEUES.article, [RIVER]);
      const statuses = await jobs.queue.waitFor(ids);
      expect(statuses.get(ids[0]!)?.state).toBe('completed');
      expect((await outcomes(ids))[0]?.status).toBe('added');
      await worker.stop();
      worker = undefined;
    });

    it('rebuilds only the story an article joins, and readers get the latest build at once, marked stale, meanwhile', async () => {
      jobs = await open();
      const first = await jobs.queue.sendMany(QUEUES.article, [HARBOUR, FOLLOWUP, RIVER]);
      worker = await Worker.start(jobs.store, jobs.queue, { pollMs: 50, log: () => {} });
      await worker.untilIdle();
      await worker.stop();
      const [harbour, , river] = await outcomes(first);
      if (harbour!.status !== 'added' || river!.status !== 'added') throw new Error('setup failed');
      const harbourBuilt = (await latestBuild(jobs.store, harbour.storyId))!;
      const riverBuilt = (await latestBuild(jobs.store, river.storyId))!;

      // The article is stored and placed, but no worker rebuilds its story yet.
      worker = await Worker.start(jobs.store, jobs.queue, { pollMs: 50, queues: ['article'], log: () => {} });
      const [third] = await jobs.queue.sendMany(QUEUES.article, [THIRD]);
      await jobs.queue.waitFor([third!]);
      await worker.stop();
      expect((await outcomes([third!]))[0]).toMatchObject({ status: 'added', storyId: harbour.storyId });
      const meanwhile = (await latestBuild(jobs.store, harbour.storyId))!;
      expect(meanwhile.build).toMatchObject({ version: harbourBuilt.build.version, builtAt: harbourBuilt.build.builtAt, stale: true });
      expect(meanwhile.story.articles).toHaveLength(2);

      worker = await Worker.start(jobs.store, jobs.queue, { pollMs: 50, log: () => {} });
      await worker.untilIdle();
      const rebuilt = (await latestBuild(jobs.store, harbour.storyId))!;
      expect(rebuilt.build).toMatchObject({ version: harbourBuilt.build.version + 1, stale: false });
      expect(rebuilt.story.articles).toHaveLength(3);
      expect((await latestBuild(jobs.store, river.storyId))!.build).toEqual(riverBuilt.build);
    });

    it('retries a failing job with backoff, then dead-letters it with the reason', async () => {
      jobs = await open({ retry: QUICK_RETRIES });
      const id = (await jobs.queue.send(QUEUES.place, { articleId: 'a_00000000000000ff' }, { singletonKey: 'a_00000000000000ff' }))!;
      const started = Date.now();
      worker = await Worker.start(jobs.store, jobs.queue, { pollMs: 50, log: () => {} });
      const status = (await jobs.queue.waitFor([id], { timeoutMs: 60_000 })).get(id)!;
      expect(status.state).toBe('failed');
      // Two retries after the first attempt, the second waiting longer than the first (1 s, then 2 s or more).
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
      const { rows } = await jobs.store.sql.query<{ retry_count: number }>(`SELECT retry_count FROM ${jobs.queue.schema}.job WHERE id = $1`, [id]);
      expect(rows[0]!.retry_count).toBe(QUICK_RETRIES.limit);
      const dead = await jobs.queue.deadLetters();
      expect(dead).toHaveLength(1);
      expect(dead[0]!.data).toEqual({ articleId: 'a_00000000000000ff' });
      expect(dead[0]!.reason).toMatch(/no article a_00000000000000ff/);
    });

    it('reports an input that holds no article once, without retrying it', async () => {
      jobs = await open({ retry: QUICK_RETRIES });
      const [id] = await jobs.queue.sendMany(QUEUES.article, [{ input: 'blank.txt', page: textPage('   \n\n  ') }]);
      worker = await Worker.start(jobs.store, jobs.queue, { pollMs: 50, log: () => {} });
      const status = (await jobs.queue.waitFor([id!])).get(id!)!;
      expect(status.state).toBe('completed');
      expect(status.output).toMatchObject({ input: 'blank.txt', status: 'failed' });
      expect(await jobs.queue.deadLetters()).toEqual([]);
    });
  });
}
