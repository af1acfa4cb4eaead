/**
 * One behaviour suite for every Store engine (PGlite in memory, PGlite in a
 * folder, PostgreSQL). Each engine's test file calls
 * `defineStoreConformanceTests` with a harness that hands out empty stores.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contentId, StoreError, type Doc } from '../core/index.js';
import type { Store } from './types.js';
import { ORIGINAL_MAX_BYTES } from './originals.js';
import { StoryIndex } from '../story/cluster/index.js';
import {
  FERRY_TEXT,
  FERRY_TITLE,
  makeDoc,
  ORCHARD_TEXT,
  ORCHARD_TITLE,
  SEAWALL_SECOND_COPY_TEXT,
  SEAWALL_SYNDICATED_TEXT,
  SEAWALL_FOLLOWUP_TEXT,
  SEAWALL_EARLIER_PLAN_TEXT,
  SEAWALL_TEXT,
  SEAWALL_TITLE,
  UNICODE_TEXT,
} from './test-helpers/articles.js';

/** A store with no articles for one test, plus raw SQL on the same database for setting up failures. */
export interface StoreUnderTest {
  readonly store: Store;
  sql<R = Record<string, unknown>>(statement: string): Promise<R[]>;
  dispose(): Promise<void>;
}

export interface StoreHarness {
  /** Once per file: open the engine. */
  setup(): Promise<void>;
  /** Once per test: an empty store. */
  fresh(): Promise<StoreUnderTest>;
  /** Once per file: close everything. */
  teardown(): Promise<void>;
}

async function expectStoreError(promise: Promise<unknown>, code: string): Promise<StoreError> {
  const err = await promise.then(
    () => {
      throw new Error(`expected StoreError ${code}, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  expect((err as StoreError).code).toBe(code);
  expect((err as StoreError).message).not.toContain('\n');
  return err as StoreError;
}

/** Two texts whose ids share the first six hex digits, found by trying numbered notes (deterministic). */
function twoTextsWithSharedIdPrefix(): [string, string] {
  const seen = new Map<string, string>();
  for (let i = 0; ; i++) {
    const text = `Fictional council note number ${i} about parking permits.`;
    const prefix = contentId(text).slice(0, 8);
    const other = seen.get(prefix);
    if (other !== undefined) return [other, text];
    seen.set(prefix, text);
  }
}

/** Define the store behaviour tests for one engine; `skip` names why they cannot run here. */
export function defineStoreConformanceTests(engine: string, harness: StoreHarness, options: { skip?: string } = {}): void {
  const title = options.skip ? `${engine} store conformance (skipped: ${options.skip})` : `${engine} store conformance`;
  describe.skipIf(Boolean(options.skip))(title, () => {
    let sut: StoreUnderTest;
    let store: Store;
    const fresh = async (): Promise<Store> => {
      sut = await harness.fresh();
      store = sut.store;
      return store;
    };

    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());
    afterEach(async () => {
      await sut?.dispose();
    });

    it('adds, gets and lists articles in the order they were added', async () => {
      await fresh();
      const seawall = makeDoc(SEAWALL_TEXT, { title: SEAWALL_TITLE, outlet: 'Harbour Gazette', published: '2031-04-02', source: { url: 'https://gazette.example/seawall' } });
      const ferry = makeDoc(FERRY_TEXT, { title: FERRY_TITLE, source: { path: 'inbox/ferry.html' } });

      expect(await store.addDoc(seawall)).toEqual({ status: 'added', id: seawall.id });
      expect(await store.addDoc(ferry)).toEqual({ status: 'added', id: ferry.id });

      const got = await store.getArticle(seawall.id);
      expect(got?.doc).toEqual(seawall);
      expect(got?.duplicateOf).toBeNull();
      expect(got?.sources).toEqual([{ url: 'https://gazette.example/seawall' }]);
      expect(Number.isNaN(Date.parse(got!.addedAt))).toBe(false);

      expect((await store.listArticles()).map((a) => a.doc.id)).toEqual([seawall.id, ferry.id]);
      expect((await store.listArticles({ limit: 1, offset: 1 })).map((a) => a.doc.id)).toEqual([ferry.id]);
      expect(await store.countArticles()).toBe(2);
      expect(await store.getArticle(contentId('an article nobody stored'))).toBeNull();
    });

    it('stores the same article once and records every source it came from', async () => {
      await fresh();
      const first = makeDoc(SEAWALL_TEXT, { source: { path: 'feeds/a.xml', item: '3' } });
      // Re-wrapped lines and typographic quotes: same normalised content, same id.
      const rewrapped = makeDoc(SEAWALL_TEXT.replace(/\n\n/g, '\n').replace(/ the /g, ' the\n'), { source: { url: 'https://mirror.example/s' } });
      expect(rewrapped.id).toBe(first.id);

      expect(await store.addDoc(first)).toEqual({ status: 'added', id: first.id });
      expect(await store.addDoc(rewrapped)).toEqual({ status: 'duplicate', id: first.id });
      expect(await store.addDoc(first)).toEqual({ status: 'duplicate', id: first.id });

      const got = await store.getArticle(first.id);
      expect(got?.doc.text).toBe(SEAWALL_TEXT);
      expect(got?.doc.source).toEqual({ path: 'feeds/a.xml', item: '3' });
      expect(got?.sources).toEqual([{ path: 'feeds/a.xml', item: '3' }, { url: 'https://mirror.example/s' }]);
      expect(await store.countArticles({ includeDuplicates: true })).toBe(1);
    });

    it('links a near-duplicate to the first article but keeps a different article that shares a paragraph', async () => {
      await fresh();
      const original = makeDoc(SEAWALL_TEXT, { title: SEAWALL_TITLE, source: { url: 'https://gazette.example/seawall' } });
      const syndicated = makeDoc(SEAWALL_SYNDICATED_TEXT, { title: SEAWALL_TITLE, source: { url: 'https://partner.example/seawall' } });
      const secondCopy = makeDoc(SEAWALL_SECOND_COPY_TEXT, { source: { url: 'https://third.example/wall' } });
      const ferry = makeDoc(FERRY_TEXT, { title: FERRY_TITLE });

      await store.addDoc(original);
      const outcome = await store.addDoc(syndicated);
      expect(outcome).toMatchObject({ status: 'near-duplicate', id: syndicated.id, duplicateOf: original.id });
      expect(outcome.status === 'near-duplicate' && outcome.similarity).toBeGreaterThanOrEqual(0.8);
      // A copy of a copy still points at the first article.
      expect(await store.addDoc(secondCopy)).toMatchObject({ status: 'near-duplicate', duplicateOf: original.id });
      expect(await store.addDoc(ferry)).toEqual({ status: 'added', id: ferry.id });

      expect((await store.getArticle(syndicated.id))?.duplicateOf).toBe(original.id);
      expect((await store.getArticle(syndicated.id))?.doc.text).toBe(SEAWALL_SYNDICATED_TEXT);
      expect((await store.listArticles()).map((a) => a.doc.id)).toEqual([original.id, ferry.id]);
      expect((await store.listArticles({ includeDuplicates: true })).map((a) => a.doc.id)).toEqual([
        original.id,
        syndicated.id,
        secondCopy.id,
        ferry.id,
      ]);
      expect(await store.countArticles()).toBe(2);
      expect(await store.countArticles({ includeDuplicates: true })).toBe(4);
    });

    it('finds an article by a unique id prefix and refuses an ambiguous or too short one', async () => {
      await fresh();
      const doc = makeDoc(ORCHARD_TEXT);
      await store.addDoc(doc);
      expect((await store.getArticle(doc.id.slice(0, 8)))?.doc.id).toBe(doc.id);
      expect((await store.getArticle(doc.id.slice(2, 10).toUpperCase()))?.doc.id).toBe(doc.id);
      await expectStoreError(store.getArticle(doc.id.slice(0, 5)), 'E_ID_PREFIX_TOO_SHORT');

      const [textA, textB] = twoTextsWithSharedIdPrefix();
      const a = makeDoc(textA);
      const b = makeDoc(textB);
      await store.addDoc(a);
      await store.addDoc(b);
      const err = await expectStoreError(store.getArticle(a.id.slice(0, 8)), 'E_AMBIGUOUS_ID');
      expect(err.message).toContain(a.id);
      expect((await store.getArticle(b.id.slice(0, 14)))?.doc.id).toBe(b.id);
      expect(await store.getArticle('a_ffffffffff')).toBeNull();
    });

    it('searches bodies and titles, ranking title matches first and skipping near-duplicates', async () => {
      await fresh();
      const seawall = makeDoc(SEAWALL_TEXT, { title: SEAWALL_TITLE });
      const ferry = makeDoc(FERRY_TEXT, { title: FERRY_TITLE });
      const orchard = makeDoc(ORCHARD_TEXT, { title: ORCHARD_TITLE });
      for (const doc of [seawall, ferry, orchard, makeDoc(SEAWALL_SYNDICATED_TEXT)]) await store.addDoc(doc);

      // Body word, matched through stemming ("boatyards" ← "boatyard").
      const body = await store.search('boatyard');
      expect(body.map((h) => h.id)).toEqual([seawall.id]);
      expect(body[0]!.snippet).toContain('**boatyards**');
      expect(body[0]!.title).toBe(SEAWALL_TITLE);

      // Title-only word.
      expect((await store.search('lighthouse')).map((h) => h.id)).toEqual([orchard.id]);

      // "ferry" is in the ferry title and body, and only in the body of the seawall article.
      const ranked = await store.search('ferry');
      expect(ranked.map((h) => h.id)).toEqual([ferry.id, seawall.id]);
      expect(ranked[0]!.rank).toBeGreaterThan(ranked[1]!.rank);

      expect(await store.search('"evening crossing" -orchard', { limit: 5 })).toHaveLength(1);
      expect(await store.search('submarine')).toEqual([]);
      expect(await store.search('   ')).toEqual([]);
    });

    it('returns unicode text and metadata exactly as given', async () => {
      await fresh();
      const doc: Doc = {
        ...makeDoc(UNICODE_TEXT, { title: 'Ünïcödé — 标题 🚀', source: { path: 'données/été/文章.html' } }),
        layers: { sentences: [{ start: 0, end: 46 }] } as unknown as Doc['layers'],
        messages: [{ level: 'warning', code: 'W_TEST', reason: 'note «ok» 👍', stage: 'extract', place: { start: 3, end: 9 } }],
      };
      await store.addDoc(doc);
      const got = await store.getArticle(doc.id);
      expect(got?.doc).toEqual(doc);
      expect(got?.doc.text).toBe(UNICODE_TEXT);
      expect(got?.doc.text.length).toBe(UNICODE_TEXT.length);
      expect(got?.sources).toEqual([{ path: 'données/été/文章.html' }]);
    });

    it('replaces the annotation layers of a stored article', async () => {
      await fresh();
      const doc = makeDoc(FERRY_TEXT);
      await store.addDoc(doc);
      const layers = { sentences: [{ start: 0, end: 10 }], entities: [{ id: 'ent_1', start: 4, end: 9, label: 'ORG' }] } as unknown as Doc['layers'];
      await store.updateLayers(doc.id, layers);
      expect((await store.getArticle(doc.id))?.doc.layers).toEqual(layers);
      await store.updateLayers(doc.id, {});
      expect((await store.getArticle(doc.id))?.doc.layers).toEqual({});
      await expectStoreError(store.updateLayers(contentId('missing article'), layers), 'E_ARTICLE_NOT_FOUND');
    });

    it('leaves the store as it was when a write fails part-way through an add', async () => {
      await fresh();
      // The source row is written after the article row and its band keys: make that insert fail.
      await sut.sql(`CREATE FUNCTION refuse_source() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.source->>'path' = '/refused' THEN RAISE EXCEPTION 'source refused by test trigger'; END IF;
          RETURN NEW;
        END $$`);
      await sut.sql(`CREATE TRIGGER refuse_source BEFORE INSERT ON article_sources FOR EACH ROW EXECUTE FUNCTION refuse_source()`);
      try {
        const ferry = makeDoc(FERRY_TEXT, { source: { path: 'ok/ferry.html' } });
        await store.addDoc(ferry);
        const refused = makeDoc(SEAWALL_TEXT, { source: { path: '/refused' } });

        const err = await expectStoreError(store.addDoc(refused), 'E_QUERY_FAILED');
        expect(err.message).toContain(refused.id);
        expect(await store.getArticle(refused.id)).toBeNull();
        expect(await store.countArticles({ includeDuplicates: true })).toBe(1);
        const bands = await sut.sql<{ n: number }>(`SELECT count(*)::integer AS n FROM article_lsh_bands WHERE article_id = '${refused.id}'`);
        expect(bands[0]!.n).toBe(0);

        // A duplicate add whose source is refused keeps the sources already stored.
        await expectStoreError(store.addDoc({ ...ferry, source: { path: '/refused' } }), 'E_QUERY_FAILED');
        expect((await store.getArticle(ferry.id))?.sources).toEqual([{ path: 'ok/ferry.html' }]);

        // Nothing half-written blocks the same article from being added properly.
        expect(await store.addDoc(makeDoc(SEAWALL_TEXT, { source: { path: 'ok/seawall.html' } }))).toEqual({ status: 'added', id: refused.id });
        expect(await store.addDoc(makeDoc(SEAWALL_SYNDICATED_TEXT))).toMatchObject({ status: 'near-duplicate', duplicateOf: refused.id });
      } finally {
        await sut.sql('DROP TRIGGER refuse_source ON article_sources');
        await sut.sql('DROP FUNCTION refuse_source()');
      }
    });

    it('accepts concurrent adds of the same article without error', async () => {
      await fresh();
      const docs = [1, 2, 3, 4].map((n) => makeDoc(ORCHARD_TEXT, { source: { url: `https://copy${n}.example/` } }));
      const outcomes = await Promise.all(docs.map((d) => store.addDoc(d)));
      expect(outcomes.filter((o) => o.status === 'added')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(3);
      expect((await store.getArticle(docs[0]!.id))?.sources).toHaveLength(4);
    });

    it('refuses documents it cannot store faithfully', async () => {
      await fresh();
      await expectStoreError(store.addDoc(makeDoc('A fictional line with a NUL \u0000 character in it.')), 'E_UNSTORABLE_TEXT');
      await expectStoreError(store.addDoc({ ...makeDoc(ORCHARD_TEXT), id: 'a_0000000000000000' }), 'E_DOC_ID_MISMATCH');
      expect(await store.countArticles({ includeDuplicates: true })).toBe(0);
    });

    it('places each new article in a story in the article\'s transaction, as the in-memory index would', async () => {
      await fresh();
      const docs = [SEAWALL_TEXT, FERRY_TEXT, ORCHARD_TEXT, SEAWALL_FOLLOWUP_TEXT].map((t) => makeDoc(t));
      const outcomes = [];
      for (const d of docs) outcomes.push(await store.addDoc(d, { place: true }));
      const index = new StoryIndex();
      for (const d of docs) index.addDoc(d);
      expect(await store.listStories()).toEqual(index.stories());
      expect(outcomes.map((o) => (o.status === 'added' ? o.story?.storyId : null))).toEqual(docs.map((d) => index.storyOf(d.id)));
      const seawallStory = index.storyOf(docs[0]!.id)!;
      expect(index.storyOf(docs[3]!.id)).toBe(seawallStory);
      expect(await store.storyOfArticle(docs[3]!.id)).toBe(seawallStory);
      // The store holds the story the index makes (which articles share it is the linking's business, tested in src/story/cluster).
      const seawallArticles = index.stories().find((st) => st.id === seawallStory)!.articles;
      expect(seawallArticles).toEqual(expect.arrayContaining([docs[0]!.id, docs[3]!.id]));
      expect(await store.storyArticleIds(seawallStory)).toEqual(seawallArticles);
      expect(await store.storyRecord(seawallStory)).toMatchObject({ id: seawallStory, size: seawallArticles.length, stale: true, mergedInto: null });
      // Placing again changes nothing; a near-duplicate is not placed.
      expect(await store.placeArticle(docs[3]!.id)).toMatchObject({ storyId: seawallStory, already: true });
      await store.addDoc(makeDoc(SEAWALL_SYNDICATED_TEXT), { place: true });
      expect(await store.unplacedArticles(10)).toEqual([]);
      expect((await store.changesSince(0, 100)).filter((c) => c.kind === 'article-added').map((c) => c.articleId)).toEqual(docs.map((d) => d.id));
      await expectStoreError(store.placeArticle(contentId('never stored')), 'E_ARTICLE_NOT_FOUND');
    });

    it('places an undated article where its story stands in time, as the in-memory index would', async () => {
      await fresh();
      // The follow-up has no date: it joins the seawall story; a report from years before, linking to it, stays out.
      const docs = [
        makeDoc(SEAWALL_TEXT, { published: '2031-04-02' }),
        makeDoc(SEAWALL_FOLLOWUP_TEXT),
        makeDoc(SEAWALL_EARLIER_PLAN_TEXT, { published: '2027-03-11' }),
      ];
      for (const d of docs) await store.addDoc(d, { place: true });
      const index = new StoryIndex();
      for (const d of docs) index.addDoc(d);
      expect(await store.listStories()).toEqual(index.stories());
      expect(index.storyOf(docs[1]!.id)).toBe(index.storyOf(docs[0]!.id));
      expect(index.storyOf(docs[2]!.id)).not.toBe(index.storyOf(docs[0]!.id));
    });

    it('places articles stored without a story later, and keeps the latest builds of a story', async () => {
      await fresh();
      const [a, b] = [SEAWALL_TEXT, SEAWALL_FOLLOWUP_TEXT].map((t) => makeDoc(t));
      await store.addDoc(a!);
      await store.addDoc(b!);
      expect(await store.unplacedArticles(10)).toEqual([a!.id, b!.id]);
      const first = await store.placeArticle(a!.id);
      const second = await store.placeArticle(b!.id);
      expect(second.storyId).toBe(first.storyId);
      const record = (await store.storyRecord(first.storyId))!;
      expect(await store.latestStoryBuild(first.storyId)).toBeNull();
      for (const n of [1, 2, 3, 4]) {
        await store.saveStoryBuild({ storyId: first.storyId, coversSeq: record.changedSeq, articleCount: 2, buildMs: 5, format: 1, data: JSON.stringify({ n }), title: `Title ${n}` });
      }
      const latest = (await store.latestStoryBuild(first.storyId))!;
      expect(latest).toMatchObject({ version: 4, coversSeq: record.changedSeq, data: '{"n":4}' });
      expect(await store.storyRecord(first.storyId)).toMatchObject({ stale: false, title: 'Title 4' });
      expect(await store.staleStories(10)).toEqual([]);
      await store.touchStory(first.storyId);
      expect((await store.staleStories(10)).map((s) => s.id)).toEqual([first.storyId]);
      const versions = await sut.sql<{ n: number }>(`SELECT count(*)::integer AS n FROM story_builds`);
      expect(versions[0]!.n).toBe(3);
    });

    it('keeps analyst entity overrides per story, global ones for every story', async () => {
      await fresh();
      await store.addEntityOverride({ storyId: 'story_harbour', kind: 'unmerge', a: 'Lena Varga', b: 'Lina Varga' });
      await store.addEntityOverride({ storyId: null, kind: 'merge', a: 'Harbour Board', b: 'Port Authority' });
      await store.addEntityOverride({ storyId: 'story_orchard', kind: 'unmerge', a: 'Saltvik', b: 'Saltvík' });
      const harbour = await store.listEntityOverrides('story_harbour');
      expect(harbour.map((o) => [o.storyId, o.kind, o.a, o.b])).toEqual([
        ['story_harbour', 'unmerge', 'Lena Varga', 'Lina Varga'],
        [null, 'merge', 'Harbour Board', 'Port Authority'],
      ]);
      expect(harbour.every((o) => !Number.isNaN(Date.parse(o.createdAt ?? '')))).toBe(true);
    });
    it('keeps the original page of a new article, exactly as given, and not that of a later duplicate', async () => {
      await fresh();
      const html = `<!doctype html><html><head><meta charset="windows-1256"><title>${UNICODE_TEXT.slice(0, 40)}</title></head>\n<body><nav>Home · Région · 中文</nav>\n<p>${UNICODE_TEXT}</p></body></html>`;
      const doc = makeDoc(UNICODE_TEXT, { source: { url: 'https://gazette.example/unicode' } });
      const outcome = await store.addDoc(doc, {
        original: { content: html, contentType: 'text/html; charset=windows-1256', encoding: 'windows-1256', format: 'html', fetchedAt: '2031-04-02T10:15:00.000Z' },
      });
      expect(outcome).toEqual({ status: 'added', id: doc.id });
      expect(await store.getOriginal(doc.id)).toEqual({
        articleId: doc.id, content: html, contentType: 'text/html; charset=windows-1256', encoding: 'windows-1256', format: 'html',
        fetchedAt: '2031-04-02T10:15:00.000Z', truncated: false,
      });

      // The same text read again from another page: the first page stays the original.
      expect(await store.addDoc({ ...doc, source: { path: 'copy.txt' } }, { original: { content: 'another page', format: 'text' } })).toEqual({ status: 'duplicate', id: doc.id });
      expect((await store.getOriginal(doc.id))?.content).toBe(html);

      const ferry = makeDoc(FERRY_TEXT);
      await store.addDoc(ferry);
      expect(await store.getOriginal(ferry.id)).toBeNull();
      // Set afterwards, with an unreadable timestamp left out rather than refused.
      expect(await store.setOriginal(ferry.id, { content: `MENU\n\n${FERRY_TEXT}\n\u0000end`, format: 'text', fetchedAt: 'yesterday' })).toEqual({ truncated: false });
      const stored = await store.getOriginal(ferry.id);
      expect(stored?.content).toBe(`MENU\n\n${FERRY_TEXT}\n\uFFFDend`);
      expect(stored?.fetchedAt).toBeNull();
      expect(stored?.contentType).toBeNull();
      await expectStoreError(store.setOriginal(contentId('never stored'), { content: 'x' }), 'E_ARTICLE_NOT_FOUND');
    });

    it('cuts an original page longer than the cap between characters and says so', async () => {
      await fresh();
      const doc = makeDoc(ORCHARD_TEXT);
      await store.addDoc(doc);
      // Four-byte emoji straddle the cap: the cut must not split one.
      const head = 'a'.repeat(ORIGINAL_MAX_BYTES - 2);
      const page = head + '🍎'.repeat(1000);
      expect(await store.setOriginal(doc.id, { content: page, format: 'text' })).toEqual({ truncated: true });
      const stored = await store.getOriginal(doc.id);
      expect(stored?.truncated).toBe(true);
      expect(stored?.content).toBe(head);
      expect(Buffer.byteLength(stored!.content, 'utf8')).toBeLessThanOrEqual(ORIGINAL_MAX_BYTES);

      const exact = 'b'.repeat(ORIGINAL_MAX_BYTES - 4) + '🍐';
      await store.setOriginal(doc.id, { content: exact });
      expect(await store.getOriginal(doc.id)).toMatchObject({ content: exact, truncated: false });
    });

    it('deletes the original page with its article', async () => {
      await fresh();
      const doc = makeDoc(SEAWALL_TEXT);
      await store.addDoc(doc, { original: { content: `<p>${SEAWALL_TEXT}</p>`, format: 'html' } });
      expect(await store.getOriginal(doc.id)).not.toBeNull();
      await sut.sql(`DELETE FROM articles WHERE id = '${doc.id}'`);
      expect(await store.getOriginal(doc.id)).toBeNull();
      const left = await sut.sql<{ n: number }>('SELECT count(*)::integer AS n FROM article_originals');
      expect(left[0]!.n).toBe(0);
    });

    it('stores the article even when its original page is refused', async () => {
      await fresh();
      await sut.sql(`CREATE FUNCTION refuse_original() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'original refused by test trigger'; END $$`);
      await sut.sql('CREATE TRIGGER refuse_original BEFORE INSERT ON article_originals FOR EACH ROW EXECUTE FUNCTION refuse_original()');
      try {
        const doc = makeDoc(FERRY_TEXT, { source: { path: 'ok/ferry.txt' } });
        const outcome = await store.addDoc(doc, { original: { content: FERRY_TEXT, format: 'text' } });
        expect(outcome).toMatchObject({ status: 'added', id: doc.id });
        expect(outcome.status === 'added' && outcome.originalError).toContain('original refused by test trigger');
        expect((await store.getArticle(doc.id))?.sources).toEqual([{ path: 'ok/ferry.txt' }]);
        expect(await store.getOriginal(doc.id)).toBeNull();
      } finally {
        await sut.sql('DROP TRIGGER refuse_original ON article_originals');
        await sut.sql('DROP FUNCTION refuse_original()');
      }
    });
  });
}
