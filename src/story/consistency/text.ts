import type { Doc, Span } from '../../core/index.js';
import { boundedMemo } from '../memo.js';

/** Function words and reporting verbs that say nothing about what a sentence is about. */
const STOPWORDS = new Set(
  ('a an the and or but if of in on at to for from by with without into onto over under about as is are was were be been being ' +
    'it its this that these those there their they them he him his she her we our us you your i me my not no nor so than then ' +
    'also just only very more most less much many some any all each every both either neither such own same other another ' +
    'has have had having do does did will would shall should can could may might must said says say told tells according ' +
    'who whom whose which what when where why how while after before since until during per up down out off again further ' +
    'once here now even still yet already one two three mr mrs ms dr').split(' '),
);

/** Words of at least this many letters count as content words (shorter ones are mostly noise). */
const MIN_CONTENT_WORD = 3;

/** Lower case, no diacritics, curly apostrophes straightened. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").toLowerCase();
}

/** Distinct words whose stems are remembered (a story's vocabulary is some tens of thousands). */
const MAX_CACHED_STEMS = 100_000;

/** Crude English stem: enough to match "guarantee"/"guaranteed", "farmer"/"farmers". */
export const stem: (word: string) => string = boundedMemo(MAX_CACHED_STEMS, (word) => word
  .replace(/'s$/, '')
  .replace(/(?:ies)$/, 'y')
  .replace(/(?:ing|ed|es|s)$/, '')
  .replace(/e$/, ''));

/** The word tokens of a text, folded. */
export function words(text: string): string[] {
  return fold(text).match(/\p{L}+(?:'\p{L}+)?|\p{N}+(?:[.,]\p{N}+)*/gu) ?? [];
}

/** Stemmed content words of a text, in order, stop words and short words dropped. */
export function contentWords(text: string): string[] {
  return contentWordsOf(words(text));
}

/** `contentWords` of a text whose `words` are already read. */
export function contentWordsOf(tokens: readonly string[]): string[] {
  return tokens
    .filter((w) => /\p{L}/u.test(w) && w.length >= MIN_CONTENT_WORD && !STOPWORDS.has(w))
    .map(stem);
}

/** The sentence span holding an offset: from the sentences layer, else the text between sentence punctuation. */
export function sentenceAt(doc: Doc, offset: number): Span {
  const sentences = doc.layers.sentences;
  if (sentences) {
    const hit = sentences.find((s) => s.start <= offset && offset < s.end);
    if (hit) return hit;
  }
  let start = offset;
  while (start > 0 && !/[.!?\n]/.test(doc.text[start - 1]!)) start--;
  let end = offset;
  while (end < doc.text.length && !/[.!?\n]/.test(doc.text[end]!)) end++;
  if (end < doc.text.length) end++;
  while (start < end && /\s/.test(doc.text[start]!)) start++;
  return { start, end };
}

/** Levenshtein distance, for spelling variants of one name. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Name words shorter than this are not compared by spelling (initials, particles). */
const MIN_FUZZY_NAME_WORD = 4;

function nameWords(name: string): string[] {
  return fold(name).replace(/[^\p{L}\s-]/gu, '').split(/[\s-]+/).filter(Boolean);
}

/** Letters that transliterations of one name swap freely (b/p, v/w, k/q/c, z/s), vowels dropped. */
function soundKey(word: string): string {
  return word
    .replace(/[bp]/g, 'p')
    .replace(/[vw]/g, 'v')
    .replace(/[kqc]/g, 'k')
    .replace(/[zs]/g, 's')
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** A sound key shorter than this matches too many unrelated names to be trusted. */
const MIN_SOUND_KEY = 3;

/**
 * Whether two person names plausibly name the same person: equal after folding, one is the
 * other's surname, or the same number of words each spelled within one letter or with the same
 * consonant skeleton (transliteration: "Elena Bashkova" ~ "Ilena Pashkova"). Used when the entity
 * merge kept two spellings apart.
 */
export function samePersonName(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wb.length === 0) return false;
  if (wa.join(' ') === wb.join(' ')) return true;
  if (wa.length === 1 || wb.length === 1) {
    const [single, full] = wa.length === 1 ? [wa[0]!, wb] : [wb[0]!, wa];
    return full.length > 1 && full[full.length - 1] === single;
  }
  if (wa.length !== wb.length) return false;
  let edits = 0;
  for (let i = 0; i < wa.length; i++) {
    const x = wa[i]!;
    const y = wb[i]!;
    if (x === y) continue;
    if (x.length < MIN_FUZZY_NAME_WORD || y.length < MIN_FUZZY_NAME_WORD) return false;
    const d = editDistance(x, y);
    const key = soundKey(x);
    if (d > 1 && !(key.length >= MIN_SOUND_KEY && key === soundKey(y))) return false;
    edits += Math.min(d, 1);
  }
  // Every word may differ by a letter, but not all of a two-word name by more than two in total.
  return edits <= 2;
}

/** The word itself and every spelling with one letter dropped: two words within one edit share one of these. */
function oneDeletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Keys of a name's first word under which `samePersonName` may find it equal to a name of as many words. */
function firstWordKeys(words: readonly string[]): string[] {
  const n = words.length;
  const first = words[0]!;
  const keys = [`${n}|=|${first}`];
  if (first.length >= MIN_FUZZY_NAME_WORD) {
    for (const d of oneDeletions(first)) keys.push(`${n}|-|${d}`);
    const key = soundKey(first);
    if (key.length >= MIN_SOUND_KEY) keys.push(`${n}|~|${key}`);
  }
  return keys;
}

/**
 * Blocking keys for `samePersonName`: two names it calls the same share a key between the
 * `indexKeys` of one and the `queryKeys` of the other (same folded words; a single word and the
 * surname of a full name; or, for names of as many words, a first word equal, within one edit
 * or with the same consonant skeleton). Lets a caller compare a name with the few names that
 * can match instead of all of them.
 */
export function samePersonNameKeys(name: string): { indexKeys: string[]; queryKeys: string[] } {
  const w = nameWords(name);
  if (w.length === 0) return { indexKeys: [], queryKeys: [] };
  const joined = `j|${w.join(' ')}`;
  if (w.length === 1) return { indexKeys: [joined, `one|${w[0]}`], queryKeys: [joined, `last|${w[0]}`] };
  const fuzzy = firstWordKeys(w);
  return { indexKeys: [joined, `last|${w[w.length - 1]}`, ...fuzzy], queryKeys: [joined, `one|${w[w.length - 1]}`, ...fuzzy] };
}

/** The article's publication day (`YYYY-MM-DD` or coarser), or null. */
export function publishedDate(doc: Doc): string | null {
  const value = doc.meta.published?.value;
  const m = value ? /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(value) : null;
  return m ? m[0] : null;
}

/**
 * When an article speaks from: its publication date, else the latest publication date of the
 * story's other articles (articles of one story are written within days of each other), else null.
 */
export function articleTime(doc: Doc, docs: readonly Doc[]): string | null {
  return publishedDate(doc) ?? latestPublished(docs);
}

/** The latest publication date of the story's articles, found once per list of articles (asked for every claim of an undated one). */
const latestOf = new WeakMap<readonly Doc[], string | null>();

function latestPublished(docs: readonly Doc[]): string | null {
  let latest = latestOf.get(docs);
  if (latest === undefined) {
    const dates = docs.map(publishedDate).filter((d): d is string => d !== null).sort();
    latest = dates.length > 0 ? dates[dates.length - 1]! : null;
    latestOf.set(docs, latest);
  }
  return latest;
}

/** Compare two ISO dates of any precision by their common prefix: negative when a is earlier. Null when either is unknown. */
export function compareDates(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The first of each article's items, by article in order of first appearance: one pass, not one search per article. */
export function firstByArticle<T extends { readonly article: string }>(items: readonly T[]): Map<string, T> {
  const firsts = new Map<string, T>();
  for (const item of items) if (!firsts.has(item.article)) firsts.set(item.article, item);
  return firsts;
}
