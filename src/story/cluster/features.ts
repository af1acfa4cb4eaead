import porterStem from 'wink-porter2-stemmer';
import type { Doc } from '../../core/index.js';
import { nameKey, wordSkeleton } from './phonetic.js';
import { STOPWORDS } from './stopwords.js';

/** What clustering looks at in one article. */
export interface StoryFeatures {
  /** Phonetic skeleton keys of the article's main entities (surnames for persons). */
  readonly entities: string[];
  /** Key content words and bigrams (light-stemmed, lower case, bigrams joined by a space). */
  readonly terms: string[];
  /** Publication day `YYYY-MM-DD`, or null when unknown. */
  readonly date: string | null;
}

export interface StoryFeaturesOptions {
  /**
   * Inverse document frequency of a term in the collection seen so far (see
   * `StoryIndex.termWeight`); without it terms are ranked by frequency alone.
   */
  readonly termWeight?: (term: string) => number;
}

/** Entities kept per article: the main actors, not every passing mention. */
const MAX_ENTITIES = 25;
/** Terms kept per article: enough to describe the subject, few enough to keep index cost flat. */
const MAX_TERMS = 30;
/** Candidate terms ranked by frequency before the rarity re-ranking. */
const TERM_POOL = 120;
/** Shortest content word worth keeping ("war" and "tax" stay). */
const MIN_WORD_CHARS = 3;
/** A title word is worth this many body occurrences: the headline says what the story is. */
const TITLE_BOOST = 3;
/** Bigrams are more specific than single words, so one bigram counts for this many words. */
const BIGRAM_BOOST = 1.5;
/** Words that begin a capitalised phrase without being part of the name. */
const NAME_LEAD_WORDS: ReadonlySet<string> = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'As', 'If', 'When', 'While', 'After', 'Before', 'For', 'Mr', 'Mrs', 'Ms', 'Dr', 'President', 'Prime', 'Minister', 'Sen', 'Senator', 'Rep', 'Gov', 'Governor']);
/** Shortest skeleton of a one-word name that still tells names apart. */
const MIN_SINGLE_KEY_CHARS = 3;
/** Name suffixes that are not the surname. */
const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * Porter2 stemming (wink-porter2-stemmer), so outlets' different forms of a word meet:
 * "flooding"/"floods", "collapsed"/"collapse", "negotiations"/"negotiating".
 */
export function stem(word: string): string {
  let out = stems.get(word);
  if (out === undefined) {
    // The stemmer runs a dozen regular expressions per word; news reuses a small vocabulary.
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    out = porterStem(word);
    stems.set(word, out);
  }
  return out;
}

/** Bound on the memo of stems, so a long-running process does not grow without end. */
const MAX_CACHED_STEMS = 100_000;
const stems = new Map<string, string>();

/** Web addresses in a text (a page dump's "URL:" line, links): their slugs are not the article's words. */
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)\S+/gi;

/** Lower-case words of a text in order, with `null` where a sentence or clause breaks. */
function wordStream(text: string): (string | null)[] {
  const out: (string | null)[] = [];
  const folded = text.replace(WEB_ADDRESS, '\n').normalize('NFKD').replace(/\p{M}/gu, '').replace(/[\u2018\u2019]/g, "'");
  for (const m of folded.matchAll(/[A-Za-z][A-Za-z'-]*|[.,;:!?()"\u201C\u201D\n]|\d+/g)) {
    const t = m[0];
    if (!/^[A-Za-z]/.test(t) || /^\d/.test(t)) { out.push(null); continue; }
    out.push(t.toLowerCase().replace(/'s?$/, ''));
  }
  return out;
}

/** Term frequencies of content words and bigrams of adjacent content words. */
function termCounts(text: string, weight: number, counts: Map<string, number>): void {
  let previous: string | null = null;
  for (const raw of wordStream(text)) {
    const word = raw && raw.length >= MIN_WORD_CHARS && !STOPWORDS.has(raw) ? stem(raw) : null;
    if (word) {
      counts.set(word, (counts.get(word) ?? 0) + weight);
      if (previous) {
        const bigram = `${previous} ${word}`;
        counts.set(bigram, (counts.get(bigram) ?? 0) + weight * BIGRAM_BOOST);
      }
    }
    previous = word;
  }
}

/**
 * The TERM_POOL most frequent content words and bigrams of an article, with their counts:
 * the candidates its key terms are picked from.
 */
export function termPool(doc: Doc): [string, number][] {
  const counts = new Map<string, number>();
  termCounts(doc.text, 1, counts);
  const title = doc.meta.title?.value;
  if (title) termCounts(title, TITLE_BOOST, counts);
  // A bigram seen once is usually chance adjacency, not a phrase of the story.
  for (const [term, n] of counts) if (term.includes(' ') && n < 2 * BIGRAM_BOOST) counts.delete(term);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TERM_POOL);
}

/** The top terms of a pool: by frequency × rarity when the index's weights are given, else by frequency. */
export function keyTerms(pool: readonly (readonly [string, number])[], options: StoryFeaturesOptions = {}): string[] {
  const weight = options.termWeight ?? (() => 1);
  return pool
    .map(([term, n]) => [term, n * weight(term)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_TERMS)
    .map(([term]) => term);
}

/** The key of a person: the skeleton of the surname (the last word that is not a suffix). */
function surnameKey(name: string): string | null {
  const words = name.split(/\s+/).filter((w) => !NAME_SUFFIXES.has(w.toLowerCase().replace(/\./g, '')));
  const last = words[words.length - 1];
  if (!last) return null;
  const key = wordSkeleton(last);
  return key.length >= 2 ? key : null;
}

/** Keys of the annotated entities, most mentioned first. */
function annotatedEntities(doc: Doc): string[] {
  const index = doc.layers.entityIndex ?? [];
  const mentions = new Map<string, number>();
  for (const m of doc.layers.entities ?? []) mentions.set(m.entity, (mentions.get(m.entity) ?? 0) + 1);
  const scored = new Map<string, number>();
  for (const e of index) {
    const name = e.name.replace(/^the\s+/i, '').replace(/['\u2019]s$/, '');
    const key = e.type === 'PERSON' && name.includes(' ') ? surnameKey(name) : placeOrBodyKey(name, e.type);
    if (!key || !distinctiveKey(key)) continue;
    scored.set(key, (scored.get(key) ?? 0) + (mentions.get(e.id) ?? 1));
  }
  return rankKeys(scored);
}

/** Capitalised phrases of a text without entity annotations: "Tomas Brandt", "Senate", not sentence-initial "After". */
function textEntities(doc: Doc): string[] {
  const phrases: string[][] = [];
  const standalone = new Set<string>();
  const phrase = /[A-Z][\p{L}'\u2019-]+(?:\s+(?:(?:of|de|al|bin|van|von|der)\s+)?[A-Z][\p{L}'\u2019-]+)*/gu;
  for (const m of doc.text.matchAll(phrase)) {
    let words = m[0].replace(/['\u2019]s$/, '').split(/\s+/);
    while (words.length && NAME_LEAD_WORDS.has(words[0]!)) words = words.slice(1);
    if (!words.length) continue;
    const before = doc.text.slice(Math.max(0, m.index - 3), m.index);
    const sentenceStart = m.index === 0 || /[.!?"\u201C:]\s*$|\n\s*$/.test(before);
    // A single capitalised word opening a sentence is usually an ordinary word.
    if (words.length === 1 && (sentenceStart || STOPWORDS.has(words[0]!.toLowerCase()))) continue;
    if (words.length === 1 && words[0]!.length < MIN_WORD_CHARS) continue;
    if (words.length === 1) standalone.add(words[0]!);
    phrases.push(words);
  }
  const scored = new Map<string, number>();
  for (const words of phrases) {
    const keys = [nameKey(words.join(' '))];
    // "Tomas Brandt" and a later "Brandt" should meet: a two-word name whose last word also
    // stands alone in the text ("Brandt", not the "Island" of "Tessaly Island") counts under it too.
    if (words.length === 2 && standalone.has(words[1]!)) keys.push(surnameKey(words.join(' ')));
    for (const key of keys) if (key && distinctiveKey(key)) scored.set(key, (scored.get(key) ?? 0) + 1);
  }
  return rankKeys(scored);
}

/** Shortest place or organisation name kept whole when its skeleton is too short ("Lova" → "lv"). */
const MIN_WHOLE_NAME_CHARS = 4;

/**
 * The key of a place or organisation: its phonetic skeleton, or, when that is too short to tell
 * names apart ("Lova", "Kell"), the whole name in plain letters: a tagged place is not a
 * transliterated surname, so spelling it out loses nothing.
 */
function placeOrBodyKey(name: string, type: string): string | null {
  const key = nameKey(name);
  if (type === 'PERSON' || (key && distinctiveKey(key))) return key;
  const letters = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
  return letters.length >= MIN_WHOLE_NAME_CHARS ? `=${letters}` : key;
}

/** Single-word skeletons of one or two consonants ("kn" for Kano, Kuhn, Koen…) collide too often to count. */
function distinctiveKey(key: string): boolean {
  return key.includes('_') || key.startsWith('=') || key.length >= MIN_SINGLE_KEY_CHARS;
}

function rankKeys(scored: ReadonlyMap<string, number>): string[] {
  return [...scored].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_ENTITIES).map(([k]) => k);
}

/** The publication day of an article, when its metadata gives at least a full date. */
function publicationDay(doc: Doc): string | null {
  const value = doc.meta.published?.value;
  const day = value ? /^\d{4}-\d{2}-\d{2}/.exec(value) : null;
  return day ? day[0] : null;
}

/** What clustering needs of an article before the index's rarity weights pick its key terms. */
export interface StoryFeatureCandidates {
  readonly entities: string[];
  /** The frequent terms with their counts, most frequent first (see `termPool`). */
  readonly termPool: [string, number][];
  readonly date: string | null;
}

/** Entity keys, the term pool and the publication day of an article: everything but the choice of key terms. */
export function storyFeatureCandidates(doc: Doc): StoryFeatureCandidates {
  const entities = doc.layers.entityIndex ? annotatedEntities(doc) : textEntities(doc);
  return { entities, termPool: termPool(doc), date: publicationDay(doc) };
}

/**
 * What clustering looks at in one article: entity keys from the annotated
 * layers when present (else capitalised phrases of the text), key terms, and
 * the publication day.
 *
 * @example
 * const index = new StoryIndex();
 * index.add(doc.id, storyFeatures(doc, { termWeight: (t) => index.termWeight(t) }));
 */
export function storyFeatures(doc: Doc, options: StoryFeaturesOptions = {}): StoryFeatures {
  const candidates = storyFeatureCandidates(doc);
  return { entities: candidates.entities, terms: keyTerms(candidates.termPool, options), date: candidates.date };
}
