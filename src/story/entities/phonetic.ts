/**
 * A phonetic key for romanised names, so that two transliterations of one name from
 * Persian, Arabic, Russian, Chinese and other scripts compare equal or nearly so.
 *
 * Each letter or digraph becomes one symbol of an equivalence class (b/p, q/gh/k/c,
 * kh/h/x, j/dj/zh, ph/f, th/t, v/w); vowels fold into three classes (a; e/i/y; o/u/w)
 * and runs of one symbol collapse, which absorbs doubled letters, "ou"/"oo"/"u" and the
 * -ei/-ai/-ee/-ey endings. Every symbol keeps the letters it came from, so a match can
 * be explained ("b/p", "q/gh").
 */

/** One symbol of a phonetic key and the letters of the name it stands for. */
export interface PhoneticSymbol {
  readonly symbol: string;
  readonly source: string;
  readonly vowel: boolean;
}

/** Consonant digraphs and trigraphs, longest first: each is one sound in the romanisations it comes from. */
const MULTI_LETTER: readonly (readonly [string, string])[] = [
  ['dzh', 'J'], ['tch', 'C'], ['sch', 'S'],
  ['kh', 'H'], ['gh', 'K'], ['ph', 'F'], ['th', 'T'], ['dh', 'D'], ['sh', 'S'], ['ch', 'C'],
  ['zh', 'J'], ['dj', 'J'], ['ck', 'K'],
];

/** Single consonants folded into one class: letters that romanisations of one sound use in turn. */
const CONSONANT_CLASS: Readonly<Record<string, string>> = {
  b: 'P', p: 'P', // Persian and Arabic names: b/p (Arabic script has no p; writers swap them)
  q: 'K', k: 'K', c: 'K', // qaf/kaf: q, k, c (and gh, above)
  x: 'H', h: 'H', // kh/h/x: the Persian and Russian velar fricative
  j: 'J', // j/dj/zh
  f: 'F', // ph/f
  v: 'V', w: 'V', // v/w: Russian and German romanisations
};

/** Vowel classes: a; e/i/y; o/u. The a/e and o/a differences of unstressed syllables are left to the distance. */
const VOWEL_CLASS: Readonly<Record<string, string>> = { a: 'a', e: 'i', i: 'i', y: 'i', o: 'u', u: 'u' };

const isVowelLetter = (c: string | undefined): boolean => c !== undefined && 'aeiouy'.includes(c);

/** Lower-case ASCII letters of a word: accents, apostrophes, ayn and hamza dropped. */
export function foldLetters(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * The phonetic key of one word of a name.
 *
 * @example
 * phoneticKey('Zaqaei').map((s) => s.symbol).join('') // "ZaKai"
 */
export function phoneticKey(word: string): PhoneticSymbol[] {
  const w = foldLetters(word);
  const out: PhoneticSymbol[] = [];
  const push = (symbol: string, source: string, vowel: boolean): void => {
    const last = out[out.length - 1];
    // Doubled letters and runs of one vowel class ("ee", "ou", "ei" → one symbol).
    if (last && last.symbol === symbol) out[out.length - 1] = { symbol, source: last.source + source, vowel };
    else out.push({ symbol, source, vowel });
  };
  let i = 0;
  while (i < w.length) {
    const rest = w.slice(i);
    const multi = MULTI_LETTER.find(([letters]) => rest.startsWith(letters));
    if (multi) {
      push(multi[1], multi[0], false);
      i += multi[0].length;
      continue;
    }
    const c = w[i]!;
    if (c === 'y' && i === 0 && isVowelLetter(w[1])) push('Y', c, false); // initial y before a vowel is a consonant
    else if (c === 'w' && w[i - 1] === 'o' && i + 1 < w.length && !isVowelLetter(w[i + 1])) push('u', c, true); // "Rowhani": "ow" before a consonant is the vowel of "ou"
    else if (VOWEL_CLASS[c]) push(VOWEL_CLASS[c]!, c, true);
    else push(CONSONANT_CLASS[c] ?? c.toUpperCase(), c, false);
    i++;
  }
  return out;
}

/** The key as a string, e.g. "PizisKian". */
export const keyString = (key: readonly PhoneticSymbol[]): string => key.map((s) => s.symbol).join('');

/** Cost of one vowel written differently or left out inside a word (the o/a of an unstressed syllable). */
const VOWEL_EDIT_COST = 0.5;
/** Anything else: a consonant changed, or a vowel added at either end ("Pashkov" / "Pashkova" are two people). */
const HARD_EDIT_COST = 1;

/** One step of the cheapest alignment of two keys. */
export interface AlignedPair { readonly a?: PhoneticSymbol; readonly b?: PhoneticSymbol }

/**
 * Weighted edit distance between two phonetic keys, with its alignment: changing,
 * adding or dropping a vowel inside the word costs half a consonant edit.
 */
export function phoneticDistance(a: readonly PhoneticSymbol[], b: readonly PhoneticSymbol[]): { cost: number; alignment: AlignedPair[] } {
  const n = a.length;
  const m = b.length;
  const indel = (s: PhoneticSymbol, at: number, len: number): number => (s.vowel && at > 0 && at < len - 1 ? VOWEL_EDIT_COST : HARD_EDIT_COST);
  const sub = (x: PhoneticSymbol, y: PhoneticSymbol): number => (x.symbol === y.symbol ? 0 : x.vowel && y.vowel ? VOWEL_EDIT_COST : HARD_EDIT_COST);
  const d: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) d[i]![0] = d[i - 1]![0]! + indel(a[i - 1]!, i - 1, n);
  for (let j = 1; j <= m; j++) d[0]![j] = d[0]![j - 1]! + indel(b[j - 1]!, j - 1, m);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j - 1]! + sub(a[i - 1]!, b[j - 1]!),
        d[i - 1]![j]! + indel(a[i - 1]!, i - 1, n),
        d[i]![j - 1]! + indel(b[j - 1]!, j - 1, m),
      );
    }
  }
  const alignment: AlignedPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + sub(a[i - 1]!, b[j - 1]!)) {
      alignment.push({ a: a[i - 1], b: b[j - 1] });
      i--; j--;
    } else if (i > 0 && d[i]![j] === d[i - 1]![j]! + indel(a[i - 1]!, i - 1, n)) {
      alignment.push({ a: a[i - 1] });
      i--;
    } else {
      alignment.push({ b: b[j - 1] });
      j--;
    }
  }
  return { cost: d[n]![m]!, alignment: alignment.reverse() };
}

/**
 * A cheap lower bound of `phoneticDistance(a, b).cost`: each sound one key has more costs at
 * least a vowel edit, and keys whose consonants differ need a consonant edit.
 */
export function phoneticDistanceLowerBound(a: readonly PhoneticSymbol[], b: readonly PhoneticSymbol[]): number {
  return Math.max(Math.abs(a.length - b.length) * VOWEL_EDIT_COST, consonantsOf(a) === consonantsOf(b) ? 0 : HARD_EDIT_COST);
}

/** The consonant symbols of a key, remembered per key (keys are cached per word by their callers). */
const consonantCache = new WeakMap<readonly PhoneticSymbol[], string>();
function consonantsOf(key: readonly PhoneticSymbol[]): string {
  let out = consonantCache.get(key);
  if (out === undefined) {
    out = key.filter((s) => !s.vowel).map((s) => s.symbol).join('');
    consonantCache.set(key, out);
  }
  return out;
}

/** Jaro-Winkler similarity of two strings (0–1), with the usual prefix scale of 0.1 over up to 4 letters. */
export function jaroWinkler(s: string, t: string): number {
  if (s === t) return 1;
  if (!s.length || !t.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1);
  const sMatched = new Array<boolean>(s.length).fill(false);
  const tMatched = new Array<boolean>(t.length).fill(false);
  let matches = 0;
  for (let i = 0; i < s.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(t.length, i + window + 1); j++) {
      if (tMatched[j] || s[i] !== t[j]) continue;
      sMatched[i] = tMatched[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    if (!sMatched[i]) continue;
    while (!tMatched[k]) k++;
    if (s[i] !== t[k]) transpositions++;
    k++;
  }
  const jaro = (matches / s.length + matches / t.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, s.length, t.length) && s[prefix] === t[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
