/**
 * Throughput of the whole per-article pipeline (tokens, entities, times, quotes, events)
 * on real news texts (PolNeAR dev, US political news), one core, after a warm-up pass.
 * Articles per second are also given normalised to 800-word articles, and each
 * stage's mean milliseconds per article (`ms.<stage>`), timed separately after.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contentId, type AnyStage, type Doc } from '../src/core/index.js';
import { createArticlePipeline } from '../src/annotate/index.js';
import { EVAL_DATA_DIR } from '../eval/paths.js';

/** The article length the throughput target is stated for. */
const REFERENCE_WORDS = 800;
const TIMED_PASSES = 3;

function newsDocs(): Doc[] {
  const file = path.join(EVAL_DATA_DIR, 'quotes', 'polnear-dev.json');
  if (!existsSync(file)) return [];
  const articles = JSON.parse(readFileSync(file, 'utf8')) as { text: string; publication_date?: string }[];
  return articles.map((a) => ({
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
  const docs = newsDocs();
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
