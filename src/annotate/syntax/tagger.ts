/**
 * The part-of-speech tagger the parser reads: a greedy left-to-right averaged
 * perceptron over Universal POS (Honnibal's "good POS tagger in 200 lines"
 * design: the word, its affixes and shape, the words around it and the two
 * tags before it), with a tag dictionary for frequent unambiguous words.
 *
 * Training scores every template by key. Tagging gets the same sums faster:
 * the templates that read only one word are summed once per distinct word and
 * cached, those over the previous tags alone are dense tables, and only the
 * three that mix a tag with a word are hashed per token.
 */
import { featureKey, hashString, normaliseWord } from './hashing.js';
import type { SparseWeights } from './weights.js';
import { BoundedCache } from '../shared/bounded-cache.js';
import { sumRows } from '../shared/row-sum.js';

/** The 17 Universal POS tags, in the order the models number them. */
export const UPOS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
] as const;
export const UPOS_ID: ReadonlyMap<string, number> = new Map(UPOS.map((t, i) => [t, i]));
const TAGS = UPOS.length;
/** The tag atom before the sentence start. */
const START = TAGS;

/** Per-word atoms: hashes of the word and its parts. */
const WORD = 0, CASED = 1, SUFFIX3 = 2, SUFFIX2 = 3, PREFIX1 = 4, SHAPE = 5;
const WORD_ATOMS = 6;

/**
 * Templates that read one word, by its offset from the tagged word: each is
 * [template number, atom]. The bias (template 0) sits with offset 0.
 */
const LEXICAL: readonly (readonly (readonly [number, number])[])[] = [
  [[1, WORD], [2, CASED], [3, SUFFIX3], [4, SUFFIX2], [5, PREFIX1], [6, SHAPE]], // the word itself
  [[7, WORD], [8, SUFFIX3]], // one before
  [[9, WORD]], // two before
  [[10, WORD], [11, SUFFIX3]], // one after
  [[12, WORD]], // two after
];
const OFFSETS = [0, -1, -2, 1, 2];
const LEXICAL_FEATURES = LEXICAL.reduce((sum, templates) => sum + templates.length, 0);
const BIAS = 0, PREV = 13, PREV_PAIR = 14, PREV_WORD = 15, PREV_SUFFIX = 16, SHAPE_PAIR = 17;
/** Features per token (the templates of `taggerFeatures`). */
export const TAGGER_FEATURES = 18;

/** A coarse word shape: runs of upper case, lower case, digits and other characters, each written once ("Xx", "d.d", "X.X."). */
export function wordShape(form: string): string {
  let out = '';
  let last = '';
  for (const ch of form) {
    const c = shapeOf(ch);
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** A character's class in a word shape; ASCII without the regular expressions, which give the same there (A–Z, a–z, 0–9). */
function shapeOf(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return 'X';
    if (code >= 0x61 && code <= 0x7a) return 'x';
    return code >= 0x30 && code <= 0x39 ? 'd' : ch;
  }
  return /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
}

/** The key the tag dictionary uses for a word: as written, digits as 0. */
export function dictionaryKey(form: string): string {
  return form.replace(/\d/g, '0');
}

/** The atoms of one word. */
function wordAtoms(form: string, out: Int32Array, at: number): void {
  const lower = normaliseWord(form);
  out[at + WORD] = hashString(lower);
  out[at + CASED] = hashString(dictionaryKey(form));
  out[at + SUFFIX3] = hashString(lower.slice(-3));
  out[at + SUFFIX2] = hashString(lower.slice(-2));
  out[at + PREFIX1] = hashString(form.slice(0, 1));
  out[at + SHAPE] = hashString(wordShape(form));
}

/** The atoms of a sentence's words, `WORD_ATOMS` per word (training reads them). */
export interface TaggerContext {
  readonly length: number;
  readonly atoms: Int32Array;
}

export function taggerContext(forms: readonly string[]): TaggerContext {
  const atoms = new Int32Array(forms.length * WORD_ATOMS);
  forms.forEach((form, i) => wordAtoms(form, atoms, i * WORD_ATOMS));
  return { length: forms.length, atoms };
}

/**
 * The feature keys of token `i` given the two tags before it (written to `out`,
 * which holds `TAGGER_FEATURES`). Words past the sentence ends have atoms 0.
 */
export function taggerFeatures(ctx: TaggerContext, i: number, prev: number, prev2: number, out: Int32Array): void {
  const n = ctx.length;
  const atom = (k: number, which: number): number => (k >= 0 && k < n ? ctx.atoms[k * WORD_ATOMS + which]! : 0);
  const p1 = i > 0 ? prev : START;
  const p2 = i > 1 ? prev2 : START;
  out[BIAS] = featureKey(BIAS, 0, 0, 0);
  LEXICAL.forEach((templates, r) => {
    for (const [t, which] of templates) out[t] = featureKey(t, atom(i + OFFSETS[r]!, which), 0, 0);
  });
  out[PREV] = featureKey(PREV, p1, 0, 0);
  out[PREV_PAIR] = featureKey(PREV_PAIR, p1, p2, 0);
  out[PREV_WORD] = featureKey(PREV_WORD, p1, atom(i, WORD), 0);
  out[PREV_SUFFIX] = featureKey(PREV_SUFFIX, p1, atom(i, SUFFIX3), 0);
  out[SHAPE_PAIR] = featureKey(SHAPE_PAIR, atom(i, SHAPE), atom(i + 1, SHAPE), 0);
}

/** What the tagger keeps per distinct word. */
interface WordEntry {
  readonly atoms: Int32Array;
  /** The lexical templates' sums at each offset (`OFFSETS`), `TAGS` floats each. */
  readonly sums: Float32Array;
  /** The dictionary's tag of the word, or -1. */
  readonly known: number;
}

/** Words kept per cache generation (see BoundedCache). */
const MAX_CACHED = 6_000;

/** A trained tagger. */
export class PosTagger {
  private readonly cache = new BoundedCache<string, WordEntry>(MAX_CACHED);
  private readonly none: WordEntry;
  /** Scores of the tag before (`PREV`) and of the two before (`PREV_PAIR`), by tag atoms. */
  private readonly previous: Float32Array;
  private readonly previousPair: Float32Array;
  private readonly scores = new Float32Array(TAGS);
  /** The word sums a token adds, one per offset (see `tag`), and where each offset's sums sit in a word's row. */
  private readonly picked: Float32Array[] = [];
  private readonly offsets = Int32Array.from(OFFSETS, (_, r) => r * TAGS);
  /** The keys of a word's lexical templates and the bias, where in its sums each one's weights go, and where they are in the weights. */
  private readonly entryKeys = new Int32Array(LEXICAL_FEATURES + 1);
  private readonly entryAt = new Int32Array(LEXICAL_FEATURES + 1);
  private readonly entryFound = new Int32Array(LEXICAL_FEATURES + 1);
  /** The keys of the three templates hashed per token, and where their weights are. */
  private readonly keys = new Int32Array(3);
  private readonly found = new Int32Array(3);

  constructor(
    private readonly weights: SparseWeights,
    /** Words (see `dictionaryKey`) that always take one tag in the training data. */
    private readonly dictionary: ReadonlyMap<string, number>,
  ) {
    this.none = this.entryOf(new Int32Array(WORD_ATOMS), -1);
    this.previous = new Float32Array((START + 1) * TAGS);
    this.previousPair = new Float32Array((START + 1) * (START + 1) * TAGS);
    for (let p1 = 0; p1 <= START; p1++) {
      weights.add(featureKey(PREV, p1, 0, 0), this.previous, p1 * TAGS);
      for (let p2 = 0; p2 <= START; p2++) weights.add(featureKey(PREV_PAIR, p1, p2, 0), this.previousPair, (p1 * (START + 1) + p2) * TAGS);
    }
  }

  private entryOf(atoms: Int32Array, known: number): WordEntry {
    const sums = new Float32Array(OFFSETS.length * TAGS);
    // the keys are looked up together (see `SparseWeights.locate`), then added in template order, the bias last
    const keys = this.entryKeys;
    const at = this.entryAt;
    let f = 0;
    LEXICAL.forEach((templates, r) => {
      for (const [t, which] of templates) {
        keys[f] = featureKey(t, atoms[which]!, 0, 0);
        at[f++] = r * TAGS;
      }
    });
    keys[f] = featureKey(BIAS, 0, 0, 0);
    at[f++] = 0;
    this.weights.locate(keys, f, this.entryFound);
    for (let e = 0; e < f; e++) this.weights.addRow(this.entryFound[e]!, sums, at[e]!);
    return { atoms, sums, known };
  }

  private entry(form: string): WordEntry {
    let hit = this.cache.get(form);
    if (hit) return hit;
    const atoms = new Int32Array(WORD_ATOMS);
    wordAtoms(form, atoms, 0);
    hit = this.entryOf(atoms, this.dictionary.get(dictionaryKey(form)) ?? -1);
    this.cache.set(form, hit);
    return hit;
  }

  /** The UPOS ids (indices into `UPOS`) of a sentence's words; `words` receives each word's hash (see `parserInput`). */
  tag(forms: readonly string[], words?: Int32Array): Uint8Array {
    const n = forms.length;
    const entries = new Array<WordEntry>(n);
    for (let i = 0; i < n; i++) entries[i] = this.entry(forms[i]!);
    if (words) for (let i = 0; i < n; i++) words[i] = entries[i]!.atoms[WORD]!;
    const tags = new Uint8Array(n);
    const scores = this.scores;
    const picked = this.picked;
    const keys = this.keys;
    const found = this.found;
    let p1: number = START;
    let p2: number = START;
    for (let i = 0; i < n; i++) {
      const own = entries[i]!;
      let tag = own.known;
      if (tag < 0) {
        // the hashed keys are looked up together, and their memory reads overlap the sum of the words' rows
        const next = i + 1 < n ? entries[i + 1]!.atoms[SHAPE]! : 0;
        keys[0] = featureKey(PREV_WORD, p1, own.atoms[WORD]!, 0);
        keys[1] = featureKey(PREV_SUFFIX, p1, own.atoms[SUFFIX3]!, 0);
        keys[2] = featureKey(SHAPE_PAIR, own.atoms[SHAPE]!, next, 0);
        this.weights.locate(keys, 3, found);
        for (let r = 0; r < OFFSETS.length; r++) {
          const k = i + OFFSETS[r]!;
          picked[r] = (k >= 0 && k < n ? entries[k]! : this.none).sums;
        }
        sumRows(picked, this.offsets, OFFSETS.length, TAGS, scores, 0);
        const o1 = p1 * TAGS;
        const o2 = (p1 * (START + 1) + p2) * TAGS;
        for (let c = 0; c < TAGS; c++) scores[c]! += this.previous[o1 + c]! + this.previousPair[o2 + c]!;
        for (let f = 0; f < 3; f++) this.weights.addRow(found[f]!, scores, 0);
        tag = argmax(scores);
      }
      tags[i] = tag;
      p2 = p1;
      p1 = tag;
    }
    return tags;
  }
}

export function argmax(scores: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
  return best;
}
