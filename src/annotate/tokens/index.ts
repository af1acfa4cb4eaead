import type { Doc, Span, Stage } from '../../core/index.js';
import { winkTokens } from './wink.js';
import { capSentenceLength, repairSentences } from './boundaries.js';

declare module '../../core/layers.js' {
  interface LayerMap {
    sentences: Span[];
    tokens: Token[];
  }
}

/** One token: a span of the text, its part of speech (Universal POS from wink-nlp), and its sentence index. */
export interface Token extends Span {
  readonly pos?: string;
  readonly sentence: number;
}

export interface TokensOptions {
  /**
   * How a single line break is read. `'break'` (default) ends a sentence at every
   * line break unless the next line starts in lower case (a hard-wrapped line);
   * `'paragraph-only'` ends sentences only at blank lines and lets wink decide elsewhere.
   */
  readonly lineBreaks?: 'break' | 'paragraph-only';
}

/** A block of text that always ends a sentence: a paragraph, or a line. */
interface Block extends Span {}

/** Blank lines always end a paragraph. */
const PARAGRAPH_BREAK = /\n[ \t\r]*\n\s*/g;

/** Split the text into blocks that sentences never cross. */
export function splitBlocks(text: string, options: TokensOptions = {}): Block[] {
  const byLine = (options.lineBreaks ?? 'break') === 'break';
  const blocks: Block[] = [];
  const push = (start: number, end: number): void => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) blocks.push({ start, end });
  };
  let cursor = 0;
  const addParagraph = (start: number, end: number): void => {
    if (!byLine) return push(start, end);
    let lineStart = start;
    for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
      const next = text.slice(i + 1, end).trimStart();
      if (/^\p{Ll}/u.test(next)) continue; // a hard-wrapped line goes on
      push(lineStart, i);
      lineStart = i + 1;
    }
    push(lineStart, end);
  };
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    addParagraph(cursor, m.index);
    cursor = m.index + m[0].length;
  }
  addParagraph(cursor, text.length);
  return blocks;
}

/** Nothing but whitespace (what `trim()` removes). */
const BLANK = /^\s*$/;
const SPACES = /\s*/y;

/** The first offset at or after `from` that is not whitespace. */
function skipSpaces(text: string, from: number): number {
  SPACES.lastIndex = from;
  SPACES.test(text);
  return SPACES.lastIndex;
}

/**
 * Initialisms the tokeniser split ("S.C." as "S" "." "C.", as in "(R-S.C.)"): the index of each first piece
 * mapped to the end offset of the whole, and each later piece to -1.
 */
function brokenInitialisms(located: readonly { start: number; end: number; text: string }[]): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i + 2 < located.length; i++) {
    const [a, dot, b] = [located[i]!, located[i + 1]!, located[i + 2]!];
    if (!/^\p{Lu}$/u.test(a.text) || dot.text !== '.' || !/^\p{Lu}\.$/u.test(b.text) || a.end !== dot.start || dot.end !== b.start) continue;
    out.set(i, b.end);
    out.set(i + 1, -1);
    out.set(i + 2, -1);
    i += 2;
  }
  return out;
}

/** A clitic "'s" closing a word ("Vell's", "it's"); the word before it holds a letter. */
const POSSESSIVE_CLITIC = /(?<=\p{L}[\p{L}\p{N}.-]*)['’][sS]$/u;

/** Words whose "'s" is "is" or "has" ("it's", "that's"), as wink tags it: AUX; after any other word it is the possessive (PART). */
const CONTRACTED_IS = /^(?:it|that|he|she|there|here|what|who|where|how|this|everyone|nobody|everything|nothing)$/i;

/** Sentences and tokens of a whole text: the work of the `tokens()` stage, callable on its own. */
export function tokenize(text: string, options: TokensOptions = {}): { sentences: Span[]; tokens: Token[] } {
  const sentences: Span[] = [];
  const tokens: Token[] = [];
  for (const block of splitBlocks(text, options)) {
    const blockText = text.slice(block.start, block.end);
    const located: { start: number; end: number; pos: string; text: string }[] = [];
    const winkSentences: number[][] = [];
    let cursor = 0;
    const wink = winkTokens(blockText);
    for (let k = 0; k < wink.values.length; k++) {
      const value = wink.values[k]!;
      if (BLANK.test(value)) continue;
      // Tokens follow each other with only whitespace between; looking only there keeps this linear.
      const at = skipSpaces(blockText, cursor);
      // wink returns the surface form; a token it normalised cannot be placed, so it is skipped
      if (!blockText.startsWith(value, at)) continue;
      cursor = at + value.length;
      (winkSentences[wink.sentence[k]!] ??= []).push(located.length);
      // Most tokens do not end in "s": the regular expression (a look-behind) runs only on those that do.
      const last = value.charCodeAt(value.length - 1);
      const clitic = last === 115 || last === 83 ? POSSESSIVE_CLITIC.exec(value) : null;
      if (clitic) {
        // wink leaves "Vell's" whole before a full stop and then keeps the word whole wherever it meets it again
        // (its lexicon learns it), so the same text would tokenize differently in a process that read other
        // articles first: the clitic is split here, always, as the models were trained on it ("Vell" "'s").
        const base = value.length - clitic[0].length;
        located.push({ start: block.start + at, end: block.start + at + base, pos: wink.pos[k] ?? 'X', text: value.slice(0, base) });
        winkSentences[wink.sentence[k]!]!.push(located.length);
        located.push({ start: block.start + at + base, end: block.start + cursor, pos: CONTRACTED_IS.test(value.slice(0, base)) ? 'AUX' : 'PART', text: clitic[0] });
        continue;
      }
      located.push({ start: block.start + at, end: block.start + cursor, pos: wink.pos[k] ?? 'X', text: value });
    }
    const joinedEnd = brokenInitialisms(located);
    for (const sentence of capSentenceLength(located, repairSentences(located, winkSentences.filter(Boolean)))) {
      const index = sentences.length;
      const first = located[sentence[0]!]!;
      const last = located[sentence[sentence.length - 1]!]!;
      sentences.push({ start: first.start, end: last.end });
      for (const i of sentence) {
        const t = located[i]!;
        const end = joinedEnd.get(i);
        if (end === -1) continue; // a piece of the initialism the token before holds
        tokens.push(end === undefined ? { start: t.start, end: t.end, pos: t.pos, sentence: index } : { start: t.start, end, pos: 'PROPN', sentence: index });
      }
    }
  }
  return { sentences, tokens };
}

/**
 * The sentences-and-tokens stage: wink-nlp's tokeniser and sentence splitter,
 * repaired for news (datelines, abbreviations, quotes across sentences,
 * paragraphs). Offsets are JS string indices into `doc.text`.
 *
 * @example
 * const doc2 = createPipeline([tokens()]).run(doc);
 * doc2.layers.sentences?.map((s) => doc.text.slice(s.start, s.end));
 */
export function tokens(options: TokensOptions = {}): Stage<never, 'sentences' | 'tokens'> {
  return {
    name: 'tokens',
    requires: [],
    provides: ['sentences', 'tokens'],
    run(doc: Doc) {
      return tokenize(doc.text, options);
    },
  };
}
