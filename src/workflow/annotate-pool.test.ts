import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractError, contentId, type Doc } from '../core/index.js';
import { createArticlePipeline } from '../annotate/index.js';
import type { IngestedPage } from '../ingest/index.js';
import { fictionalText } from '../../test/helpers/fictional-text.js';
import { HARBOUR_PARAGRAPHS } from '../../test/helpers/fictional-pages.js';
import { annotateArticle, buildStoryOffThread, configureAnnotationPool, stopAnnotationPool } from './annotate-pool.js';
import { runStoryBuildJob } from './story-build-job.js';

// One worker thread, whatever PARALLAX_WORKERS says: the worker is what these tests are about.
beforeAll(() => configureAnnotationPool({ workers: 1 }));
afterAll(() => stopAnnotationPool());

function docOf(text: string): Doc {
  return { id: contentId(text), text, meta: {}, source: { path: 'fictional.txt' }, layers: {}, messages: [] };
}

const PAGE: IngestedPage = {
  source: { path: 'harbour.html' },
  format: 'html',
  content: `<html><body><article><h1>Pier closes</h1><p>${fictionalText(1200, { seed: 3 })}</p></article></body></html>`,
  encoding: 'utf-8',
  fetchedAt: '2025-04-08T10:00:00.000Z',
  warnings: [{ code: 'W_CHARSET_MISMATCH', reason: 'harbour.html: declared charset was wrong' }],
};

describe('annotateArticle: analysis on a worker thread', () => {
  it('gives what the pipeline gives on this thread', async () => {
    const doc = docOf(fictionalText(4000, { seed: 5 }));
    const here = createArticlePipeline().run(doc);
    const there = await annotateArticle(doc);
    expect(there).toEqual(here);
  }, 300_000); // the first job waits for the worker to load its code and models

  it('extracts a read page first, keeping what ingestion warned about', async () => {
    const doc = await annotateArticle(PAGE);
    expect(doc.text).toMatch(/^Pier closes/);
    expect(doc.layers.entities?.length).toBeGreaterThan(0);
    expect(doc.messages[0]).toMatchObject({ level: 'warning', code: 'W_CHARSET_MISMATCH', stage: 'ingest' });
  });

  it('rebuilds the extraction error with its class and code', async () => {
    const empty: IngestedPage = { ...PAGE, content: '<html><body><nav>Home</nav></body></html>', warnings: [] };
    const error = await annotateArticle(empty).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect(error).toMatchObject({ code: 'E_NO_ARTICLE' });
  });

  it('stops a job past its deadline, keeps the event loop free meanwhile, and serves the next job', async () => {
    // Without the budget, 600,000 characters take the stages ~30 s: long enough to be stopped.
    const heavy = docOf(fictionalText(600_000, { seed: 9 }));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const error = await annotateArticle(heavy, {
      budget: { maxChars: 10_000_000, maxSentences: 1_000_000, maxMentions: 1_000_000 },
      signal: AbortSignal.timeout(1500),
    }).catch((e: unknown) => e);
    clearInterval(timer);
    expect(error).toMatchObject({ code: 'E_DEADLINE', message: expect.stringMatching(/^fictional\.txt: analysis stopped after \d+\.\d s/) });
    expect(ticks).toBeGreaterThan(10);
    const next = await annotateArticle(docOf(fictionalText(2000, { seed: 2 })));
    expect(next.layers.sentences?.length).toBeGreaterThan(0);
  }, 300_000); // the replacement worker loads its code and models again
});

describe('buildStoryOffThread: a story built on a worker thread', () => {
  it('gives the build this thread gives, with the analyst\'s overrides, while the event loop keeps turning', async () => {
    const pipeline = createArticlePipeline();
    const docs = [
      docOf(`Veldmark closes old ferry pier\n\n${HARBOUR_PARAGRAPHS.join('\n\n')}`),
      docOf(`Ferry pier in Veldmark to shut\n\n${[...HARBOUR_PARAGRAPHS].reverse().join('\n\n')}\n\n${fictionalText(3000, { seed: 4 })}`),
    ].map((d) => pipeline.run(d));
    const input = { storyId: 's_harbour', docs, overrides: { merges: [], unmerges: [] } };
    const here = runStoryBuildJob(input);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const there = await buildStoryOffThread(input);
    clearInterval(timer);
    expect(there).toEqual(here);
    expect(there.story.articles).toHaveLength(2);
    expect(Object.keys(there.entities)).toEqual(docs.map((d) => d.id));
    expect(ticks).toBeGreaterThan(0);
  }, 300_000);
});
