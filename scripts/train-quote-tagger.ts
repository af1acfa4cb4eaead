/**
 * Train the attribution tagger (BIO over SOURCE, CUE, CONTENT) on PolNeAR train
 * and write models/quote-tagger.json: an averaged perceptron, greedy decoding
 * with the two previous tags and the sentence's tag history (a cue, a source
 * seen so far) as features (src/annotate/quotes/tagger.ts).
 *
 *   npm run train:quotes                  # all 840 train articles, EPOCHS epochs
 *   npm run train:quotes -- --holdout     # train on 9/10, report the held-out tenth per epoch
 *
 * Deterministic: articles in file order, paragraphs shuffled with a fixed seed.
 * The model holds weights only, no text of the corpus (PolNeAR has no licence file).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findMarkedSpans } from '../src/annotate/quotes/marks.js';
import { splitSentences, tokenize } from '../src/annotate/quotes/segment.js';
import { nextHistory, START_TAG, staticFeatures, tagFeatures, paragraphUnits, tokenFacts, type TaggerText } from '../src/annotate/quotes/tagger-features.js';
import { allowed, TAGGER_FORMAT, TAGS, type TaggerModelFile } from '../src/annotate/quotes/tagger.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataPath = path.resolve(repoRoot, '../shared/eval-data/quotes/polnear-train.json');
const outPath = path.join(repoRoot, 'models/quote-tagger.json');

/** Passes over the data; the held-out tenth stops improving after about this many (see --holdout). */
const EPOCHS = Number(process.env.EPOCHS ?? 14);
/** Weights are stored as integers of this scale (3 decimals). */
const SCALE = 1000;
/**
 * Averaged weights smaller than this are dropped from the file (they barely move
 * a score; keeps the model small). On PolNeAR dev, content overlap F1 with 10
 * epochs: 0.651 at 0.5 (15.5 MB), against 0.642 for the earlier features at 1.0
 * (9.5 MB); 0.654 with 14 epochs at 0.5 (17.1 MB).
 */
const PRUNE_BELOW = Number(process.env.PRUNE ?? 0.5);
/** Every HOLDOUT_EVERY-th article is held out with --holdout. */
const HOLDOUT_EVERY = 10;
const SEED = 20240601;

interface PSpan { start: number; end: number }
interface Attribution { cue: PSpan[]; sources: PSpan[]; contents: PSpan[] }
interface Article { id: string; text: string; attributions: Attribution[] }

const holdout = process.argv.includes('--holdout');
const started = Date.now();
const articles = JSON.parse(readFileSync(dataPath, 'utf8')) as Article[];
const trainArticles = holdout ? articles.filter((_, i) => i % HOLDOUT_EVERY !== 0) : articles;
const heldArticles = holdout ? articles.filter((_, i) => i % HOLDOUT_EVERY === 0) : [];

const T = TAGS.length;
const tagIndex = new Map<string, number>(TAGS.map((t, i) => [t, i]));

/** Gold BIO tags per token: each part of an attribution labelled; a token keeps its first label. */
function goldTags(input: TaggerText, atts: readonly Attribution[]): number[] {
  const tags = new Array<number>(input.toks.length).fill(0);
  const starts = input.toks.map((t) => t.start);
  const firstAtOrAfter = (pos: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid]! < pos) lo = mid + 1; else hi = mid; }
    return lo;
  };
  for (const a of atts) {
    for (const [parts, label] of [[a.sources, 'SRC'], [a.cue, 'CUE'], [a.contents, 'CON']] as const) {
      for (const p of parts) {
        const from = firstAtOrAfter(p.start);
        const to = firstAtOrAfter(p.end);
        if (from >= to || tags.slice(from, to).some((x) => x !== 0)) continue;
        for (let i = from; i < to; i++) tags[i] = tagIndex.get(`${i === from ? 'B' : 'I'}-${label}`)!;
      }
    }
  }
  return tags;
}

/** A paragraph: static features, words, gold tags, and which tokens start a sentence (the tag history resets there). */
interface Unit { feats: string[][]; lower: string[]; gold: number[]; sentenceStart: boolean[] }

function unitsOf(list: readonly Article[]): Unit[] {
  const out: Unit[] = [];
  for (const a of list) {
    const input: TaggerText = { text: a.text, toks: tokenize(a.text), sentences: splitSentences(a.text), marks: findMarkedSpans(a.text) };
    const facts = tokenFacts(input);
    const gold = goldTags(input, a.attributions);
    for (const [from, to] of paragraphUnits(a.text, input.toks)) {
      const sentenceStart = Array.from({ length: to - from }, (_, k) => facts.sentenceFirst[from + k] === from + k);
      out.push({ feats: staticFeatures(input, facts, from, to), lower: facts.lower.slice(from, to) as string[], gold: gold.slice(from, to), sentenceStart });
    }
  }
  return out;
}

const trainUnits = unitsOf(trainArticles);
const heldUnits = unitsOf(heldArticles);
const tokens = trainUnits.reduce((n, u) => n + u.gold.length, 0);
console.log(`features extracted: ${trainUnits.length} paragraphs, ${tokens} tokens in ${Date.now() - started} ms`);

// Feature ids, assigned as features are met (static ones first, so ids are stable across runs).
const ids = new Map<string, number>();
const idOf = (f: string): number => {
  let k = ids.get(f);
  if (k === undefined) { k = ids.size; ids.set(f, k); }
  return k;
};
const trainIds = trainUnits.map((u) => u.feats.map((fs) => Int32Array.from(fs, idOf)));
let capacity = ids.size * 2 + 1_000_000;
let w = new Float32Array(capacity * T);
let total = new Float64Array(capacity * T);
let stamp = new Int32Array(capacity * T);
let clock = 0;

function ensure(id: number): void {
  if (id < capacity) return;
  const next = capacity * 2;
  const grow = <A extends Float32Array | Float64Array | Int32Array>(a: A, make: (n: number) => A): A => { const b = make(next * T); b.set(a); return b; };
  w = grow(w, (n) => new Float32Array(n));
  total = grow(total, (n) => new Float64Array(n));
  stamp = grow(stamp, (n) => new Int32Array(n));
  capacity = next;
}

function bump(id: number, tag: number, delta: number): void {
  const k = id * T + tag;
  total[k]! += (clock - stamp[k]!) * w[k]!;
  stamp[k] = clock;
  w[k]! += delta;
}

/** Greedy tagging of one unit with the given weights and feature lookup. */
function tagUnit(u: Unit, staticIds: ArrayLike<number>[] | null, weights: Float32Array, lookup: (f: string) => number | undefined, learn: boolean): number[] {
  const out: number[] = [];
  const scores = new Float64Array(T);
  let history = 0;
  for (let i = 0; i < u.gold.length; i++) {
    if (u.sentenceStart[i]) history = 0;
    const p1 = i > 0 ? TAGS[out[i - 1]!]! : START_TAG;
    const p2 = i > 1 ? TAGS[out[i - 2]!]! : START_TAG;
    const dyn: number[] = [];
    for (const f of tagFeatures(p1, p2, u.lower[i]!, history)) {
      const id = learn ? idOf(f) : lookup(f);
      if (id !== undefined) { if (learn) ensure(id); dyn.push(id); }
    }
    const stat: ArrayLike<number> = staticIds ? staticIds[i]! : u.feats[i]!.map(lookup).filter((x): x is number => x !== undefined);
    scores.fill(0);
    for (const list of [stat, dyn]) {
      for (let k = 0; k < list.length; k++) {
        const base = list[k]! * T;
        for (let t = 0; t < T; t++) scores[t]! += weights[base + t]!;
      }
    }
    let best = 0;
    for (let t = 1; t < T; t++) if (allowed(p1, TAGS[t]!) && scores[t]! > scores[best]!) best = t;
    if (learn) {
      clock++;
      // Gold I-X after a predicted tag that cannot precede it: the span starts here (B-X), as the decoder would read it.
      const g = allowed(p1, TAGS[u.gold[i]!]!) ? u.gold[i]! : u.gold[i]! - 1;
      if (best !== g) {
        for (const list of [stat, dyn]) for (let k = 0; k < list.length; k++) { bump(list[k]!, g, 1); bump(list[k]!, best, -1); }
      }
    }
    out.push(best);
    history = nextHistory(history, TAGS[best]!);
  }
  return out;
}

function averaged(): Float32Array {
  const avg = new Float32Array(ids.size * T);
  for (let k = 0; k < avg.length; k++) avg[k] = (total[k]! + (clock - stamp[k]!) * w[k]!) / Math.max(1, clock);
  return avg;
}

/** Exact BIO spans per label on held-out units: micro F1 per label. */
function spanScores(units: readonly Unit[], weights: Float32Array): string {
  const spans = (tags: readonly number[]): Set<string> => {
    const out = new Set<string>();
    let start = -1;
    let label = '';
    tags.forEach((t, i) => {
      const name = TAGS[t]!;
      if (start >= 0 && !(name.startsWith('I-') && name.slice(2) === label)) { out.add(`${label}:${start}:${i}`); start = -1; }
      if (name !== 'O' && (name.startsWith('B-') || start < 0)) { start = i; label = name.slice(2); }
    });
    if (start >= 0) out.add(`${label}:${start}:${tags.length}`);
    return out;
  };
  const c: Record<string, { tp: number; p: number; g: number }> = { SRC: { tp: 0, p: 0, g: 0 }, CUE: { tp: 0, p: 0, g: 0 }, CON: { tp: 0, p: 0, g: 0 } };
  for (const u of units) {
    const pred = spans(tagUnit(u, null, weights, (f) => ids.get(f), false));
    const gold = spans(u.gold);
    for (const s of pred) { const l = s.split(':')[0]!; c[l]!.p++; if (gold.has(s)) c[l]!.tp++; }
    for (const s of gold) c[s.split(':')[0]!]!.g++;
  }
  return Object.entries(c).map(([l, x]) => {
    const p = x.tp / Math.max(1, x.p);
    const r = x.tp / Math.max(1, x.g);
    return `${l} F1 ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)}`;
  }).join(', ');
}

let seed = SEED;
const random = (): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const order = trainUnits.map((_, i) => i);
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
  for (const k of order) tagUnit(trainUnits[k]!, trainIds[k]!, w, (f) => ids.get(f), true);
  const line = `epoch ${epoch}: ${Date.now() - started} ms`;
  console.log(heldUnits.length > 0 ? `${line}; held-out exact spans: ${spanScores(heldUnits, averaged())}` : line);
}

const avg = averaged();
const names = [...ids.keys()];
const features: Record<string, number[]> = {};
let kept = 0;
for (let id = 0; id < names.length; id++) {
  const pairs: number[] = [];
  for (let t = 0; t < T; t++) {
    const v = avg[id * T + t]!;
    if (Math.abs(v) >= PRUNE_BELOW) pairs.push(t, Math.round(v * SCALE));
  }
  if (pairs.length > 0) { features[names[id]!] = pairs; kept++; }
}
if (heldUnits.length > 0) {
  const pruned = new Float32Array(avg.length);
  for (const [name, pairs] of Object.entries(features)) { const id = ids.get(name)!; for (let k = 0; k < pairs.length; k += 2) pruned[id * T + pairs[k]!] = pairs[k + 1]! / SCALE; }
  console.log(`after pruning below ${PRUNE_BELOW}: held-out exact spans: ${spanScores(heldUnits, pruned)}`);
}
const model: TaggerModelFile = {
  format: TAGGER_FORMAT,
  tags: [...TAGS],
  scale: SCALE,
  features,
  trainedOn: `PolNeAR train (../shared/eval-data/quotes/polnear-train.json), ${trainArticles.length} articles${holdout ? ' (every 10th held out)' : ''}; npm run train:quotes`,
  meta: { epochs: EPOCHS, pruneBelow: PRUNE_BELOW, tokens },
};
writeFileSync(outPath, `${JSON.stringify(model)}\n`);
console.log(`trained in ${Date.now() - started} ms; ${kept} of ${names.length} features kept; ${path.relative(repoRoot, outPath)} ${statSync(outPath).size} bytes`);
