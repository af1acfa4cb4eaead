import type { Span } from '../../core/index.js';
import type { Token } from '../tokens/index.js';
import type { EntityMention } from '../entities/index.js';
import { personNounGender } from './lexicon.js';

/** One dependency of the `syntax` layer (see /interfaces: one per token, head -1 for a root). Read structurally, so this stage runs without it. */
export interface DependencyLike {
  readonly head: number;
  readonly rel: string;
  readonly upos?: string;
}

/** A named mention of the `entities` layer, placed on tokens. */
export interface NamedMention extends Span {
  readonly entity: string;
  readonly type: EntityMention['type'];
  /** How the entities stage found it: a name, or a title it resolved itself ("the president"). */
  readonly form: EntityMention['form'];
  readonly first: number;
  readonly last: number;
}

/** What every step of the reference stage reads: the text's tokens with their words, sentences, quotes and named mentions. */
export interface TextContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Token words as written and lower-cased. */
  readonly words: readonly string[];
  readonly lower: readonly string[];
  readonly sentences: readonly Span[];
  /** First token of each sentence. */
  readonly sentenceFirst: readonly number[];
  readonly syntax?: readonly DependencyLike[];
  /** Index into `named` of the mention covering each token, or -1. */
  readonly namedAt: Int32Array;
  readonly named: readonly NamedMention[];
  /** 1 for a token inside quotation marks. */
  readonly quoted: Uint8Array;
  /**
   * Running counts of common nouns for a person that are not a named person's title or apposition
   * ("his wife", "a police officer"), by gender: [male, female, either] before each token (length tokens + 1).
   */
  readonly personNouns: readonly [Int32Array, Int32Array, Int32Array];
}

/** Opening and closing quotation marks; a straight double quote toggles. */
const OPEN_QUOTE = new Set(['“', '«', '„']);
const CLOSE_QUOTE = new Set(['”', '»']);
const PARAGRAPH_GAP = /\n[ \t\r]*\n/;

/** Marks every token that lies inside quotation marks; a paragraph break closes any quote left open. */
function quotedTokens(text: string, tokens: readonly Token[], words: readonly string[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  let inside = false;
  let lastEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // the gap between two tokens is only whitespace: a blank line in it is a paragraph break
    if (inside && t.start - lastEnd > 1 && PARAGRAPH_GAP.test(text.slice(lastEnd, t.start))) inside = false;
    lastEnd = t.end;
    const w = words[i]!;
    if (w.length === 1 && (OPEN_QUOTE.has(w) || CLOSE_QUOTE.has(w) || w === '"')) {
      inside = OPEN_QUOTE.has(w) ? true : CLOSE_QUOTE.has(w) ? false : !inside;
    } else if (inside) out[i] = 1;
  }
  return out;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that']);

/** Counts of person nouns before each token, leaving out titles and appositions of names (they are the named person). */
function personNounCounts(tokens: readonly Token[], lower: readonly string[], namedAt: Int32Array): [Int32Array, Int32Array, Int32Array] {
  const n = tokens.length;
  const counts: [Int32Array, Int32Array, Int32Array] = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  for (let i = 0; i < n; i++) {
    for (const c of counts) c[i + 1] = c[i]!;
    if (namedAt[i] !== -1 || tokens[i]!.pos !== 'NOUN') continue;
    const g = personNounGender(lower[i]!);
    if (g === undefined) continue;
    if (i + 1 < n && (namedAt[i + 1] !== -1 || (lower[i + 1] === ',' && i + 2 < n && namedAt[i + 2] !== -1))) continue;
    let s = i;
    while (s - 1 >= 0 && i - s < 5 && namedAt[s - 1] === -1 && (tokens[s - 1]!.pos === 'ADJ' || tokens[s - 1]!.pos === 'NOUN' || DETERMINERS.has(lower[s - 1]!))) s--;
    if (s >= 2 && lower[s - 1] === ',' && namedAt[s - 2] !== -1) continue;
    counts[g === 'male' ? 0 : g === 'female' ? 1 : 2][i + 1]!++;
  }
  return counts;
}

/**
 * Build the context once per article: token words, the first token of each
 * sentence, which named mention covers each token, and the quoted tokens.
 */
export function buildContext(
  text: string,
  layers: { sentences: readonly Span[]; tokens: readonly Token[]; entities: readonly EntityMention[]; syntax?: readonly DependencyLike[] },
): TextContext {
  const { tokens, sentences } = layers;
  const words = tokens.map((t) => text.slice(t.start, t.end));
  const lower = words.map((w) => w.toLowerCase());
  const sentenceFirst: number[] = new Array<number>(sentences.length).fill(-1);
  tokens.forEach((t, i) => {
    if (sentenceFirst[t.sentence] === -1) sentenceFirst[t.sentence] = i;
  });
  const namedAt = new Int32Array(tokens.length).fill(-1);
  const named: NamedMention[] = [];
  const sorted = [...layers.entities].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const m of sorted) {
    while (k < tokens.length && tokens[k]!.end <= m.start) k++;
    let last = -1;
    for (let j = k; j < tokens.length && tokens[j]!.start < m.end; j++) last = j;
    if (last < k) continue;
    if (named.length && named[named.length - 1]!.last >= k) continue; // overlapping mentions: the first one stays
    for (let j = k; j <= last; j++) namedAt[j] = named.length;
    named.push({ start: m.start, end: m.end, entity: m.entity, type: m.type, form: m.form, first: k, last });
  }
  const syntax = layers.syntax && layers.syntax.length === tokens.length ? layers.syntax : undefined;
  return { text, tokens, words, lower, sentences, sentenceFirst, syntax, namedAt, named, quoted: quotedTokens(text, tokens, words), personNouns: personNounCounts(tokens, lower, namedAt) };
}

const CLOSING_MARKS = new Set(['”', '"', '’', "'", '»']);

/** True when token i follows a closing quotation mark, with at most a comma between ('…," he said', '…”, he said'). */
export function afterQuote(ctx: TextContext, i: number): boolean {
  for (let j = i - 1; j >= 0 && i - j <= 2; j--) {
    if (CLOSING_MARKS.has(ctx.lower[j]!) && ctx.quoted[j] === 0 && (j === 0 || ctx.quoted[j - 1] === 1)) return true;
    if (ctx.lower[j] !== ',') return false;
  }
  return false;
}
