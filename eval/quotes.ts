/**
 * Quotes and speakers against PolNeAR dev (../shared/eval-data/quotes/README.md).
 *
 * What is scored is the attribution layer (findQuotes): statements and acts attributed to someone
 * ("announced new tariffs", marked `act`), as PolNeAR annotates both. The product's `quotes` layer
 * (what the CLI, the API and the story findings read, what corpus-quotes scores) holds the statements only.
 *
 * Scoring, per component (content, source, cue), micro P/R/F1 over all articles:
 * - overlap: a predicted span matches a gold one when their word-token overlap
 *   covers at least half of each (one-to-one, greedy in text order);
 * - exact: equal spans after trimming whitespace, punctuation, quote marks and a
 *   leading "that" at both ends (PolNeAR contents include the marks and "that").
 * Discontinuous gold parts are compared as their union (tokens) for overlap and
 *   their hull for exact; predicted quotes sharing one cue (a quote split by
 *   "he said") are merged the same way.
 * The content scored is the quote's `content` when it has one (PolNeAR's extent:
 *   a mixed quote's whole clause, reported content as the tagger trims it), else
 *   its main span (the product's convention: the marked words only, no "that").
 * Sources and cues are compared as the sets of distinct spans in the article
 *   (one speaker span answers several quotes). Predicted quotes nested in another
 *   predicted quote (a partial quote inside reported speech) are left out: PolNeAR
 *   annotates that as one mixed attribution.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPipeline, type Doc } from '../src/core/index.js';
import { createArticlePipeline } from '../src/annotate/index.js';
import { findQuotes, type FindQuotesOptions } from '../src/annotate/quotes/index.js';
import type { EvalResult, EvalTask } from './types.js';
import { EVAL_DATA_DIR, missingData } from './paths.js';

interface PSpan { start: number; end: number }
interface Attribution { cue: PSpan[]; sources: PSpan[]; contents: PSpan[]; noSource: boolean }
export interface Article { id: string; text: string; attributions: Attribution[] }

/** One component item: its parts (a discontinuous span has several). */
type Item = PSpan[];
interface Prediction { content: Item; source?: Item; cue?: Item }

const DEV = path.join(EVAL_DATA_DIR, 'quotes', 'polnear-dev.json');
/** Share of each side's tokens an overlap match must cover (the README's criterion). */
const MIN_OVERLAP = 0.5;

function tokenIds(text: string, parts: Item): Set<number> {
  const ids = new Set<number>();
  for (const p of parts) for (const m of text.slice(p.start, p.end).matchAll(/[\p{L}\p{N}]+/gu)) ids.add(p.start + m.index);
  return ids;
}

function normalisedHull(text: string, parts: Item): string {
  const start = Math.min(...parts.map((p) => p.start));
  const end = Math.max(...parts.map((p) => p.end));
  let s = start;
  let e = end;
  const trim = /[\s"“”‘’'«».,;:!?—–-]/;
  for (;;) {
    while (s < e && trim.test(text[s]!)) s++;
    while (e > s && trim.test(text[e - 1]!)) e--;
    if (/^that\b/i.test(text.slice(s, e))) { s += 4; continue; }
    break;
  }
  return `${s}:${e}`;
}

interface Counts { tp: number; predicted: number; gold: number }
const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, predicted: a.predicted + b.predicted, gold: a.gold + b.gold });
const zero = (): Counts => ({ tp: 0, predicted: 0, gold: 0 });

function match(text: string, gold: Item[], predicted: Item[], mode: 'overlap' | 'exact'): Counts {
  const used = new Set<number>();
  let tp = 0;
  const gKeys = gold.map((g) => (mode === 'exact' ? normalisedHull(text, g) : tokenIds(text, g)));
  const pKeys = predicted.map((p) => (mode === 'exact' ? normalisedHull(text, p) : tokenIds(text, p)));
  for (const g of gKeys) {
    for (let i = 0; i < pKeys.length; i++) {
      if (used.has(i)) continue;
      const p = pKeys[i]!;
      let ok: boolean;
      if (typeof g === 'string') ok = g === p;
      else {
        const ps = p as Set<number>;
        let common = 0;
        for (const t of g) if (ps.has(t)) common++;
        ok = g.size > 0 && ps.size > 0 && common >= MIN_OVERLAP * g.size && common >= MIN_OVERLAP * ps.size;
      }
      if (ok) { used.add(i); tp++; break; }
    }
  }
  return { tp, predicted: predicted.length, gold: gold.length };
}

function distinct(items: Item[]): Item[] {
  const seen = new Set<string>();
  return items.filter((it) => {
    const k = it.map((p) => `${p.start}:${p.end}`).join('|');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The article pipeline's stages before quotes (tokens, syntax, entities, references … as main has them). */
const beforeQuotes = (() => {
  const stages = createArticlePipeline().stages;
  return createPipeline(stages.slice(0, stages.findIndex((s) => s.name === 'quotes')));
})();

/** The layers the quotes stage reads, as the article pipeline gives them (untimed: the quotes stage alone is timed). */
export function layersFor(text: string): Omit<FindQuotesOptions, 'tagger'> {
  const doc: Doc = { id: `polnear-${text.length}`, text, meta: {}, source: {}, layers: {}, messages: [] };
  const { layers } = beforeQuotes.run(doc) as Doc & { layers: Record<string, unknown> };
  return layers as Omit<FindQuotesOptions, 'tagger'>;
}

/**
 * Parallax: findQuotes on the layers the pipeline gives it, scored on `content ?? span`
 * (the PolNeAR-style content the quote carries when it differs from its main span), with
 * quotes sharing a cue merged, quotes with the same content counted once, and nested ones dropped.
 */
export function parallax(text: string, options: FindQuotesOptions = {}): Prediction[] {
  const quotes = findQuotes(text, options).map((q) => ({ q, c: q.content ?? { start: q.start, end: q.end } }));
  const seen = new Set<string>();
  const top = quotes.filter(({ c }, i) => {
    const key = `${c.start}:${c.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !quotes.some((o, j) => j !== i && o.c.start <= c.start && o.c.end >= c.end && o.c.end - o.c.start > c.end - c.start);
  });
  const byCue = new Map<string, Prediction>();
  const out: Prediction[] = [];
  for (const { q, c } of top) {
    const key = q.cue ? `${q.cue.start}` : null;
    const existing = key ? byCue.get(key) : undefined;
    if (existing) { existing.content.push({ start: c.start, end: c.end }); continue; }
    const p: Prediction = { content: [{ start: c.start, end: c.end }], source: q.speakerSpan ? [q.speakerSpan] : undefined, cue: q.cue ? [q.cue] : undefined };
    if (key) byCue.set(key, p);
    out.push(p);
  }
  return out;
}

/** Naive baseline: every pair of double quote marks is a quote; the nearest capitalised name in the paragraph is its source. */
function baseline(text: string, _layers?: unknown): Prediction[] {
  const out: Prediction[] = [];
  for (const m of text.matchAll(/[“"]([^”"\n]+)[”"]/g)) {
    const start = m.index + 1;
    const end = start + m[1]!.length;
    const paraStart = text.lastIndexOf('\n', m.index) + 1;
    let paraEnd = text.indexOf('\n', end);
    if (paraEnd < 0) paraEnd = text.length;
    let best: PSpan | undefined;
    let bestDist = Infinity;
    for (const n of text.slice(paraStart, paraEnd).matchAll(/\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*/gu)) {
      const s = paraStart + n.index;
      const e = s + n[0].length;
      if (s >= m.index && e <= end + 1) continue;
      const dist = e <= m.index ? m.index - e : s - end;
      if (dist < bestDist) { bestDist = dist; best = { start: s, end: e }; }
    }
    out.push({ content: [{ start, end }], source: best ? [best] : undefined });
  }
  return out;
}

type Component = 'content' | 'source' | 'cue';
type Scores = Record<`${Component}_${'overlap' | 'exact'}`, Counts>;

export function score(articles: Article[], system: (text: string, layers: Omit<FindQuotesOptions, 'tagger'>) => Prediction[], layers: ReadonlyMap<string, Omit<FindQuotesOptions, 'tagger'>> = new Map()): { scores: Scores; ms: number } {
  const scores = {} as Scores;
  for (const c of ['content', 'source', 'cue'] as const) for (const m of ['overlap', 'exact'] as const) scores[`${c}_${m}`] = zero();
  let ms = 0;
  for (const a of articles) {
    const t0 = performance.now();
    const pred = system(a.text, layers.get(a.id) ?? {});
    ms += performance.now() - t0;
    const gold: Record<Component, Item[]> = {
      content: a.attributions.filter((x) => x.contents.length > 0).map((x) => x.contents),
      source: distinct(a.attributions.filter((x) => x.sources.length > 0).map((x) => x.sources)),
      cue: distinct(a.attributions.filter((x) => x.cue.length > 0).map((x) => x.cue)),
    };
    const predicted: Record<Component, Item[]> = {
      content: pred.map((p) => p.content),
      source: distinct(pred.flatMap((p) => (p.source ? [p.source] : []))),
      cue: distinct(pred.flatMap((p) => (p.cue ? [p.cue] : []))),
    };
    for (const c of ['content', 'source', 'cue'] as const) {
      for (const m of ['overlap', 'exact'] as const) scores[`${c}_${m}`] = add(scores[`${c}_${m}`], match(a.text, gold[c], predicted[c], m));
    }
  }
  return { scores, ms };
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.predicted ? c.tp / c.predicted : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export const task: EvalTask = {
  name: 'quotes',
  async run(): Promise<EvalResult> {
    const missing = missingData(DEV);
    if (missing) return { task: 'quotes', data: 'PolNeAR dev', rows: [], metrics: {}, skipped: missing };
    const articles = JSON.parse(readFileSync(DEV, 'utf8')) as Article[];
    const chars = articles.reduce((n, a) => n + a.text.length, 0);
    const rows: Record<string, string | number | null>[] = [];
    let metrics: Record<string, number> = {};
    type Layers = Omit<FindQuotesOptions, 'tagger'>;
    const systems = [
      ['parallax (tagger + rules)', (t: string, l: Layers) => parallax(t, l)],
      ['rules only', (t: string, l: Layers) => parallax(t, { ...l, tagger: false })],
      ['baseline: quote marks + nearest name', baseline],
    ] as const;
    const layers = new Map(articles.map((a) => [a.id, layersFor(a.text)] as const));
    // Load the tagger's model before timing: throughput is per article, not per process start.
    parallax(articles[0]?.text ?? '');
    for (const [name, system] of systems) {
      const { scores, ms } = score(articles, system, layers);
      for (const [key, counts] of Object.entries(scores)) {
        const { p, r, f1 } = prf(counts);
        rows.push({ system: name, measure: key, P: r3(p), R: r3(r), F1: r3(f1), tp: counts.tp, predicted: counts.predicted, gold: counts.gold });
      }
      rows.push({ system: name, measure: 'throughput', P: null, R: null, F1: null, tp: null, predicted: `${Math.round(articles.length / (ms / 1000))} docs/s`, gold: `${Math.round(chars / 1000 / (ms / 1000))}k chars/s` });
      if (name === systems[0][0]) {
        metrics = {
          content_overlap_f1: r3(prf(scores.content_overlap).f1),
          source_overlap_f1: r3(prf(scores.source_overlap).f1),
          content_exact_f1: r3(prf(scores.content_exact).f1),
          source_exact_f1: r3(prf(scores.source_exact).f1),
          cue_overlap_f1: r3(prf(scores.cue_overlap).f1),
        };
      }
    }
    return { task: 'quotes', data: `${articles.length} articles of PolNeAR dev (../shared/eval-data/quotes/polnear-dev.json), the attribution layer (statements and acts attributed to someone, as PolNeAR annotates both; the product's quotes are its statements) on the article pipeline's layers; content scored as Quote.content ?? span`, rows, metrics };
  },
};

// Run directly: npx tsx eval/quotes.ts
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const result = await task.run();
  console.table(result.rows);
  console.log(result.metrics);
}
