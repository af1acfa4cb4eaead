/**
 * Throughput of the whole per-article pipeline (tokens, parse, entities, references, times,
 * quotes, events) on real news texts (PolNeAR, US political news), one core:
 * - `benchPipeline`: PolNeAR dev after a warm-up pass over it, three timed passes. Articles per
 *   second are also given normalised to 800-word articles, and each stage's mean milliseconds per
 *   article (`ms.<stage>`), timed separately after. The passes repeat the same 84 articles, so
 *   every word is in the per-word caches: this is the pipeline's speed on words it has met.
 * - `benchPipelineStream`: then the first STREAM_ARTICLES articles of PolNeAR train, each once,
 *   as a worker that has run a while meets new articles: its caches hold the dev articles' words,
 *   and many of the stream's are new to them. Plan capacity on this one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contentId, type AnyStage, type Doc } from '../src/core/index.js';
import { createArticlePipeline } from '../src/annotate/index.js';
import { EVAL_DATA_DIR } from '../eval/paths.js';

/** The article length the throughput target is stated for. */
const REFERENCE_WORDS = 800;
const TIMED_PASSES = 3;

/** Articles of the stream part, each analysed once. */
const STREAM_ARTICLES = 400;

function newsDocs(split: 'dev' | 'train', limit = Infinity): Doc[] {
  const file = path.join(EVAL_DATA_DIR, 'quotes', `polnear-${split}.json`);
  if (!existsSync(file)) return [];
  const articles = JSON.parse(readFileSync(file, 'utf8')) as { text: string; publication_date?: string }[];
  return articles.slice(0, limit).map((a) => ({
    id: contentId(a.text),
    text: a.text,
    meta: a.publication_date ? { published: { value: a.publication_date.slice(0, 10), evidence: { source: 'meta', at: 'publication_date' } } } : {},
    source: {},
    layers: {},
    messages: [],
  }));
}

/** Mean milliseconds per article of each stage, each stage fed the layers of the stages before it. */
function stageMilliseconds(stages: readonly AnyStage[], docs: readonly Doc[]): Record<string, number> {
  const spent = new Map<string, number>(stages.map((s) => [s.name, 0]));
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    for (const doc of docs) {
      let current = doc;
      for (const stage of stages) {
        const started = performance.now();
        const added = stage.run(current, {});
        spent.set(stage.name, spent.get(stage.name)! + performance.now() - started);
        current = { ...current, layers: { ...current.layers, ...added } };
      }
    }
  }
  const runs = docs.length * TIMED_PASSES;
  return Object.fromEntries([...spent].map(([name, ms]) => [`ms.${name}`, Number((ms / runs).toFixed(2))]));
}

export async function benchPipeline(): Promise<Record<string, number | string>> {
  const docs = newsDocs('dev');
  if (docs.length === 0) return { skipped: '../shared/eval-data/quotes is absent' };
  const pipeline = createArticlePipeline();
  for (const doc of docs) pipeline.run(doc); // warm-up: model loading, JIT
  let tokens = 0;
  let words = 0;
  const started = performance.now();
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    for (const doc of docs) {
      const out = pipeline.run(doc);
      tokens += out.layers.tokens?.length ?? 0;
      words += doc.text.split(/\s+/).length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const articles = docs.length * TIMED_PASSES;
  return {
    ...stageMilliseconds(pipeline.stages, docs),
    articles: docs.length,
    meanWords: Math.round(words / articles),
    articlesPerSecond: articles / seconds,
    articlesPerSecondAt800Words: words / REFERENCE_WORDS / seconds,
    tokensPerSecond: tokens / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Each article of the stream analysed once (models and caches as the dev part left them, loaded again only when it was skipped). */
export async function benchPipelineStream(): Promise<Record<string, number | string>> {
  const docs = newsDocs('train', STREAM_ARTICLES);
  if (docs.length === 0) return { skipped: '../shared/eval-data/quotes is absent' };
  const pipeline = createArticlePipeline();
  for (const doc of newsDocs('dev', 5)) pipeline.run(doc); // model loading, JIT: not the stream's words
  let words = 0;
  const started = performance.now();
  for (const doc of docs) {
    pipeline.run(doc);
    words += doc.text.split(/\s+/).length;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    articles: docs.length,
    meanWords: Math.round(words / docs.length),
    articlesPerSecond: docs.length / seconds,
    articlesPerSecondAt800Words: words / REFERENCE_WORDS / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
