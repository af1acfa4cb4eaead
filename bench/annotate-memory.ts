/**
 * Memory of one analysis thread: heap, array buffers and RSS after a forced
 * collection, before the models load, after they load (each model's share
 * measured as it loads), and after annotating N articles (PARALLAX_BENCH_ARTICLES,
 * default 800) of the seeded synthetic stream, a share of its sentences real
 * news prose read at run time from ../shared (never stored here).
 * Run: npm run bench -- annotate-memory
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { contentId, type Doc } from '../src/core/index.js';
import { createArticlePipeline } from '../src/annotate/index.js';
import { loadTagger } from '../src/annotate/entities/model.js';
import { shippedWeights } from '../src/annotate/quotes/tagger.js';
import { loadSyntaxModel } from '../src/annotate/syntax/index.js';
import { EVAL_DATA_DIR } from '../eval/paths.js';
import { syntheticNews } from './synthetic-news.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MB = 1024 * 1024;

interface Snapshot { heap: number; buffers: number; rss: number }

function snapshot(): Snapshot {
  for (let k = 0; k < 3; k++) gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed / MB, buffers: m.arrayBuffers / MB, rss: m.rss / MB };
}

function realSentences(): string[] {
  const file = path.join(EVAL_DATA_DIR, 'quotes', 'polnear-train.json');
  if (!existsSync(file)) return [];
  const articles = JSON.parse(readFileSync(file, 'utf8')) as { text: string }[];
  return articles.flatMap((a) => a.text.split(/(?<=[.!?]["\u201D]?)\s+(?=["\u201C]?[A-Z])/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => { const n = s.split(' ').length; return n >= 6 && n <= 50; });
}

function doc(text: string, published: string): Doc {
  return { id: contentId(text), text, meta: { published: { value: published, evidence: { source: 'meta', at: 'published' } } }, source: {}, layers: {}, messages: [] } as Doc;
}

export async function benchAnnotateMemory(): Promise<Record<string, number | string>> {
  const articles = Number(process.env.PARALLAX_BENCH_ARTICLES ?? 800);
  const sentences = realSentences();
  // made one at a time and dropped after its analysis, as a worker does: what stays is what the analysis keeps
  const stream = syntheticNews({ seed: 2031, articles: articles + 1, realSentences: sentences });
  const next = (): Doc => { const a = stream.next().value!; return doc(a.text, a.published); };
  const figures: Record<string, number | string> = {};
  const put = (at: string, s: Snapshot): void => {
    figures[`heapMb_${at}`] = s.heap;
    figures[`buffersMb_${at}`] = s.buffers;
    figures[`rssMb_${at}`] = s.rss;
  };
  const start = snapshot();
  put('start', start);
  // each model's share: heap + array buffers after it loads, less before
  let last = start;
  for (const [name, load] of [['parser', () => loadSyntaxModel()], ['quoteTagger', () => shippedWeights()], ['ner', () => loadTagger()]] as const) {
    load();
    const now = snapshot();
    figures[`loadMb_${name}`] = now.heap + now.buffers - last.heap - last.buffers;
    last = now;
  }
  const pipeline = createArticlePipeline();
  pipeline.run(next()); // the rest of the models and lexicons
  const loaded = snapshot();
  figures.loadMb_rest = loaded.heap + loaded.buffers - last.heap - last.buffers;
  put('loaded', loaded);
  let peakRss = loaded.rss;
  const started = performance.now();
  for (let i = 1; i <= articles; i++) {
    pipeline.run(next());
    if (i % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss / MB);
  }
  figures.articlesPerSecond = articles / ((performance.now() - started) / 1000);
  const after = snapshot();
  put(`after${articles}`, after);
  figures.peakRssMb = Math.max(peakRss, after.rss);
  figures.articles = articles;
  return figures;
}
