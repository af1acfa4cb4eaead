import type { Span } from '../../core/index.js';
import type { MarkedSpan } from './marks.js';
import type { Token } from './segment.js';
import { learnedCueRate as cueRate, isPronoun, isSourceHead } from './lexicon.js';

/**
 * Features of the attribution tagger, shared by training
 * (scripts/train-quote-tagger.ts) and tagging: one list of strings per token.
 * The tagger reads a paragraph at a time, so content running over several
 * sentences stays one span.
 */

/** What the features read: the text's tokens, sentences and quote-mark spans. */
export interface TaggerText {
  readonly text: string;
  readonly toks: readonly Token[];
  readonly sentences: readonly Span[];
  readonly marks: readonly MarkedSpan[];
}

/** Per-token facts computed once per text. */
export interface TokenFacts {
  /** Lower-cased words. */
  readonly lower: readonly string[];
  /** 0 outside quote marks, 1 inside, 2 the mark itself. */
  readonly quoted: Uint8Array;
  /** Index of the sentence holding each token. */
  readonly sentence: Int32Array;
  /** Index of the first token of each token's sentence. */
  readonly sentenceFirst: Int32Array;
  /** Index of the last token of each token's sentence. */
  readonly sentenceLast: Int32Array;
  /** Nearest cue word at or before / after each token in its sentence (token index, -1 when none). */
  readonly cueLeft: Int32Array;
  readonly cueRight: Int32Array;
}

/** Cue rate at or above which a cue word counts as a cue for the distance features (below it, words like "called" mislead). */
const CUE_WORD_MIN_RATE = 0.3;

const BOS = '<s>';
const EOS = '</s>';

/** Word shape with runs collapsed: "Oresk" → "Xx", "U.S." → "X.X.", "2016" → "d". */
function shape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/**
 * Paragraphs as token ranges [from, to): the units the tagger reads. All of
 * them: tagging only paragraphs with a quote mark or a cue word would be about
 * a third faster but loses 55 of PolNeAR dev's 2,192 contents (content overlap
 * F1 0.651 → 0.640).
 */
export function paragraphUnits(text: string, toks: readonly Token[]): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  let from = 0;
  for (let i = 1; i <= toks.length; i++) {
    if (i === toks.length || hasLineBreak(text, toks[i - 1]!.end, toks[i]!.start)) {
      if (i > from) out.push([from, i]);
      from = i;
    }
  }
  return out;
}

/** True when text[from, to) holds a line break (the gap between two tokens: short, so scanned, not sliced). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** Facts about every token of the text that the features read. */
export function tokenFacts(input: TaggerText): TokenFacts {
  const { toks, sentences, marks } = input;
  const n = toks.length;
  const lower = toks.map((t) => t.text.toLowerCase());
  const quoted = new Uint8Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    while (m < marks.length && marks[m]!.close <= t.start) m++;
    const mark = marks[m];
    if (!mark || t.start < mark.open) continue;
    quoted[i] = t.start === mark.open || (t.end === mark.close && !mark.unclosed) ? 2 : 1;
  }
  const sentence = new Int32Array(n);
  const sentenceFirst = new Int32Array(n);
  const sentenceLast = new Int32Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    while (s + 1 < sentences.length && sentences[s + 1]!.start <= toks[i]!.start) s++;
    sentence[i] = s;
  }
  for (let i = 0; i < n; i++) sentenceFirst[i] = i > 0 && sentence[i - 1] === sentence[i] ? sentenceFirst[i - 1]! : i;
  for (let i = n - 1; i >= 0; i--) sentenceLast[i] = i < n - 1 && sentence[i + 1] === sentence[i] ? sentenceLast[i + 1]! : i;
  const isCue = lower.map((w, i) => quoted[i] === 0 && cueRate(w) >= CUE_WORD_MIN_RATE);
  const cueLeft = new Int32Array(n).fill(-1);
  const cueRight = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (isCue[i]) cueLeft[i] = i;
    else if (i > 0 && sentence[i - 1] === sentence[i]) cueLeft[i] = cueLeft[i - 1]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    if (isCue[i]) cueRight[i] = i;
    else if (i < n - 1 && sentence[i + 1] === sentence[i]) cueRight[i] = cueRight[i + 1]!;
  }
  return { lower, quoted, sentence, sentenceFirst, sentenceLast, cueLeft, cueRight };
}

/** Features of a word on its own, whatever its context (the tagger caches their summed weights per word). */
export function wordFeatures(raw: string, lower: string): string[] {
  const f = [`w=${lower}`, `s3=${lower.slice(-3)}`, `s2=${lower.slice(-2)}`, `sh=${shape(raw)}`];
  const rate = cueRate(lower);
  if (rate > 0) f.push(`cue=${Math.round(rate * 5)}`);
  if (isSourceHead(lower)) f.push('src');
  if (isPronoun(lower)) f.push('pro');
  return f;
}

/** Templates of a neighbouring word at a fixed offset. */
export const NEIGHBOUR_TEMPLATES = [['p2=', -2], ['p1=', -1], ['n1=', 1], ['n2=', 2]] as const;

/** Bucket labels of token distances, in order (index 0: no such token). */
export const BUCKETS = ['none', '0', '1', '2', '3', '4-6', '7-12', '13+'] as const;

export function bucketIndex(d: number): number {
  if (d < 0) return 0;
  if (d <= 3) return d + 1;
  if (d <= 6) return 5;
  if (d <= 12) return 6;
  return 7;
}

/** The values the context features of one token are made of (see {@link contextFeatures}). */
export interface ContextValues {
  readonly word: string;
  readonly prev: string;
  readonly next: string;
  /** Quote state of the token, and of the tokens before and after (9 past the paragraph). */
  readonly q: number;
  readonly qPrev: number;
  readonly qNext: number;
  /** Bucketed distances from the sentence start and to the sentence end. */
  readonly fromStart: number;
  readonly toEnd: number;
  /** Bucketed distances to the nearest cue word left and right (0: none). */
  readonly cueLeft: number;
  readonly cueRight: number;
  /** The nearest cue words, when not the token itself. */
  readonly cueLeftWord?: string;
  readonly cueRightWord?: string;
  readonly sentenceFirst: boolean;
}

export function contextValues(facts: TokenFacts, from: number, to: number, i: number): ContextValues {
  const { lower, quoted, sentenceFirst, sentenceLast, cueLeft, cueRight } = facts;
  const l = cueLeft[i]!;
  const r = cueRight[i]!;
  return {
    word: lower[i]!,
    prev: i - 1 < from ? BOS : lower[i - 1]!,
    next: i + 1 >= to ? EOS : lower[i + 1]!,
    q: quoted[i]!,
    qPrev: i > from ? quoted[i - 1]! : 9,
    qNext: i + 1 < to ? quoted[i + 1]! : 9,
    fromStart: bucketIndex(i - sentenceFirst[i]!),
    toEnd: bucketIndex(sentenceLast[i]! - i),
    cueLeft: l < 0 ? 0 : bucketIndex(i - l),
    cueRight: r < 0 ? 0 : bucketIndex(r - i),
    ...(l >= 0 && l !== i ? { cueLeftWord: lower[l]! } : {}),
    ...(r >= 0 && r !== i ? { cueRightWord: lower[r]! } : {}),
    sentenceFirst: i === sentenceFirst[i],
  };
}

/** Features of a token that read its neighbours, quote marks, sentence and nearest cue words. */
export function contextFeatures(v: ContextValues): string[] {
  const dl = BUCKETS[v.cueLeft]!;
  const dr = BUCKETS[v.cueRight]!;
  const f = [
    'b',
    `pw=${v.prev}|${v.word}`,
    `wn=${v.word}|${v.next}`,
    `q=${v.q}`,
    `qp=${v.qPrev}|${v.q}|${v.qNext}`,
    `sp=${BUCKETS[v.fromStart]}`,
    `se=${BUCKETS[v.toEnd]}`,
    `cl=${dl}`,
    `cr=${dr}`,
    `clr=${dl}|${dr}`,
  ];
  if (v.sentenceFirst) f.push(`first|${v.word}`);
  if (v.cueLeftWord !== undefined) f.push(`clw=${v.cueLeftWord}|${dl}`);
  if (v.cueRightWord !== undefined) f.push(`crw=${v.cueRightWord}|${dr}`);
  return f;
}

/** The word at offset `d` from token i inside [from, to), or the boundary symbol. */
export function neighbour(facts: TokenFacts, from: number, to: number, i: number, d: number): string {
  const k = i + d;
  return k < from ? BOS : k >= to ? EOS : facts.lower[k]!;
}

/** Features that do not depend on the tags already chosen, for tokens [from, to). */
export function staticFeatures(input: TaggerText, facts: TokenFacts, from: number, to: number): string[][] {
  const out: string[][] = [];
  for (let i = from; i < to; i++) {
    const f = wordFeatures(input.toks[i]!.text, facts.lower[i]!);
    for (const [name, d] of NEIGHBOUR_TEMPLATES) f.push(name + neighbour(facts, from, to, i, d));
    f.push(...contextFeatures(contextValues(facts, from, to, i)));
    out.push(f);
  }
  return out;
}

/**
 * What the tags chosen so far in the sentence hold, as a code 0–3 (bit 1: a
 * cue, bit 2: a source), after tagging a token with `tag`. Content after a cue
 * in the same sentence is likely; a second source before any cue is not.
 */
export function nextHistory(history: number, tag: string): number {
  if (tag.endsWith('CUE')) return history | 1;
  if (tag.endsWith('SRC')) return history | 2;
  return history;
}

/** Features of the tags already chosen: the two tokens before, and what the sentence so far holds. */
export function tagFeatures(prev1: string, prev2: string, word: string, history = 0): string[] {
  return [`t1=${prev1}`, `t12=${prev2}|${prev1}`, `t1w=${prev1}|${word}`, `h=${history}|${prev1}`];
}

export const START_TAG = BOS;
