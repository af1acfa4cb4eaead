/**
 * Deciding whether two spellings of a word, or two full names, are one name written
 * in two transliterations, and saying why in words a journalist can check.
 */
import { jaroWinkler, keyString, phoneticDistance, phoneticDistanceLowerBound, phoneticKey, type AlignedPair, type PhoneticSymbol } from './phonetic.js';

/** How close two words must be. */
export type Strictness =
  /** A surname, or a name standing alone: vowel differences only in long words. */
  | 'strict'
  /** A given name next to a matching surname: a vowel may differ in any word of four sounds or more. */
  | 'given';

/** A word of this many sounds or more may differ by one vowel and still be the same surname ("Pashkovani"/"Bashkovani"); shorter pairs such as Karimi/Karami are often two names. */
const MIN_SOUNDS_FOR_VOWEL_VARIANT = 7;
/** Given names next to a matching surname: "Yusuf"/"Yousef" (5 sounds) are one; "Ali"/"Ola" (3) are not. */
const MIN_SOUNDS_FOR_GIVEN_VARIANT = 4;
/** The most a variant may cost: one vowel (0.5). A changed consonant is never a transliteration variant. */
const MAX_VARIANT_COST = 0.5;
/** Jaro-Winkler similarity of the keys a variant must also reach, so a vowel change in a short key is not enough. */
const MIN_KEY_SIMILARITY = 0.8;
/**
 * A given name next to a matching surname with this many consonant sounds or more may have any of its
 * vowels written differently ("Abdulmenam"/"Abdelmoneim"): Arabic script leaves short vowels out, so
 * romanisations of one name agree on the consonants and differ on the vowels. A vowel added or dropped
 * still counts as a change ("Mahmoud"/"Muhammad" are two names).
 */
const MIN_CONSONANTS_FOR_VOWEL_SPELLING = 4;

export interface WordMatch {
  /** The letters written differently, e.g. ["b/p", "a/e"]; empty when only case or accents differ. */
  readonly differences: string[];
}

/** Bound on the memo of phonetic keys, so a long-running process does not grow without end. */
const MAX_CACHED_KEYS = 50_000;
const keyCache = new Map<string, PhoneticSymbol[]>();
function cachedKey(word: string): PhoneticSymbol[] {
  let key = keyCache.get(word);
  if (!key) {
    if (keyCache.size > MAX_CACHED_KEYS) keyCache.clear();
    key = phoneticKey(word);
    keyCache.set(word, key);
  }
  return key;
}

/** The first two sounds of a word, vowels as one class: a blocking key under which its variants file. */
export function blockingKey(word: string): string {
  return cachedKey(word).slice(0, 2).map((s) => (s.vowel ? 'V' : s.symbol)).join('');
}

/**
 * A finer blocking key for words compared strictly (surnames): the blocking key and the
 * consonant sounds. A strict match allows one vowel edit at most, never a consonant one, so
 * two words that match always share it.
 */
export function strictBlockingKey(word: string): string {
  return `${blockingKey(word)}|${cachedKey(word).filter((s) => !s.vowel).map((s) => s.symbol).join('')}`;
}

/** Whether two words (already lower-case) are one name in two spellings, and the letters that differ. */
export function matchWord(a: string, b: string, strictness: Strictness): WordMatch | undefined {
  if (a === b) return { differences: [] };
  return compareWords(a, b, strictness);
}

function compareWords(a: string, b: string, strictness: Strictness): WordMatch | undefined {
  const ka = cachedKey(a);
  const kb = cachedKey(b);
  // Keys differ, so the cost is above 0: words too short for a variant, or surely too far apart, need no alignment.
  if (keyString(ka) !== keyString(kb)) {
    const minSounds = strictness === 'strict' ? MIN_SOUNDS_FOR_VOWEL_VARIANT : MIN_SOUNDS_FOR_GIVEN_VARIANT;
    if (Math.max(ka.length, kb.length) < minSounds || phoneticDistanceLowerBound(ka, kb) > MAX_VARIANT_COST) return undefined;
  }
  const { cost, alignment } = phoneticDistance(ka, kb);
  if (cost > MAX_VARIANT_COST && strictness === 'given' && vowelSpellingOnly(ka, kb)) return { differences: differencesOf(alignment) };
  if (cost > 0) {
    const sounds = Math.max(ka.length, kb.length);
    const minSounds = strictness === 'strict' ? MIN_SOUNDS_FOR_VOWEL_VARIANT : MIN_SOUNDS_FOR_GIVEN_VARIANT;
    if (cost > MAX_VARIANT_COST || sounds < minSounds) return undefined;
    if (jaroWinkler(keyString(ka), keyString(kb)) < MIN_KEY_SIMILARITY) return undefined;
  }
  return { differences: differencesOf(alignment) };
}

/** Two keys with the same sounds in the same places, only vowels written differently, and enough consonants to tell a name. */
function vowelSpellingOnly(a: readonly PhoneticSymbol[], b: readonly PhoneticSymbol[]): boolean {
  if (a.length !== b.length) return false;
  let consonants = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.vowel !== y.vowel) return false;
    if (!x.vowel) {
      if (x.symbol !== y.symbol) return false;
      consonants++;
    }
  }
  return consonants >= MIN_CONSONANTS_FOR_VOWEL_SPELLING;
}

/** The letters written differently along an alignment, e.g. ["b/p", "a/e"]. */
function differencesOf(alignment: readonly AlignedPair[]): string[] {
  const differences: string[] = [];
  for (const pair of alignment) {
    const x = pair.a?.source ?? '';
    const y = pair.b?.source ?? '';
    if (x === y) continue;
    const label = [x || '–', y || '–'].sort().join('/');
    if (!differences.includes(label)) differences.push(label);
  }
  return differences;
}

/** How two full names correspond, word by word. */
export interface NameMatch {
  /** Letters written differently in the surname(s). */
  readonly surnameDifferences: string[];
  /** Letters written differently in the given name(s). */
  readonly givenDifferences: string[];
  /** Given names one form has and the other leaves out ("Mohammad" of "Mohammad Javad Zarif"). */
  readonly omittedGiven: string[];
  /** The two forms differ only in hyphens and spaces ("Salehi-Isfahani" / "Salehi Isfahani"). */
  readonly spacingOnly: boolean;
}

/**
 * Match two multi-word person names: the last words (surname) must match strictly;
 * the first given names must match as given names. Middle names may be left out by
 * one form. Two people who share only a first name, or only a surname, never match.
 */
export function matchPersonNames(a: readonly string[], b: readonly string[]): NameMatch | undefined {
  if (a.length < 2 || b.length < 2) return undefined;
  if (a.join('') === b.join('') && a.join(' ') !== b.join(' ')) return { surnameDifferences: [], givenDifferences: [], omittedGiven: [], spacingOnly: true };
  const surname = matchWord(a[a.length - 1]!, b[b.length - 1]!, 'strict');
  if (!surname) return undefined;
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const longGiven = long.slice(0, -1);
  const shortGiven = short.slice(0, -1);
  const givenDifferences: string[] = [];
  // Align the short form's given names to the long form's, in order; the long form may have extra ones.
  let j = 0;
  const matched: boolean[] = longGiven.map(() => false);
  for (const word of shortGiven) {
    let found = false;
    while (j < longGiven.length) {
      const m = matchWord(word, longGiven[j]!, 'given');
      j++;
      if (m) {
        matched[j - 1] = true;
        givenDifferences.push(...m.differences.filter((d) => !givenDifferences.includes(d)));
        found = true;
        break;
      }
    }
    if (!found) return compoundGivenMatch(surname.differences, longGiven, shortGiven);
  }
  // The first given name may be dropped ("Javad Zarif"), or the middle ones ("Mohammad Zarif"), not both the first and last kept ones changed.
  const omittedGiven = longGiven.filter((_, i) => !matched[i]);
  return { surnameDifferences: surname.differences, givenDifferences, omittedGiven, spacingOnly: false };
}

/**
 * A compound given name written as one word in one form and as two in the other
 * ("Abdulmenam" / "Abdel-Moneim", "Abdelrahman" / "Abd al-Rahman"): the given names compared joined.
 */
function compoundGivenMatch(surnameDifferences: string[], longGiven: readonly string[], shortGiven: readonly string[]): NameMatch | undefined {
  if (longGiven.length === shortGiven.length) return undefined;
  const joined = matchWord(shortGiven.join(''), longGiven.join(''), 'given');
  if (!joined) return undefined;
  return { surnameDifferences, givenDifferences: joined.differences, omittedGiven: [], spacingOnly: false };
}

/** Match two names word by word (same number of words), each word strictly: places, organisations, one-word names. */
export function matchWordByWord(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.join('') === b.join('')) return [];
  if (a.length !== b.length) {
    // "Salehi-Isfahani" written as one word somewhere: compare the whole name.
    const whole = matchWord(a.join(''), b.join(''), 'strict');
    return whole?.differences;
  }
  const differences: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const m = matchWord(a[i]!, b[i]!, 'strict');
    if (!m) return undefined;
    differences.push(...m.differences.filter((d) => !differences.includes(d)));
  }
  return differences;
}
