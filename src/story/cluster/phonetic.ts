/**
 * Phonetic skeleton keys for names, so that transliteration variants of one
 * name ("Irina Petrenko" / "Irena Betrenko", "Ousmane" / "Usman") tend to get
 * the same key while different names keep different keys.
 */

/** Consonant classes that transliterations swap freely: voiced/unvoiced stops and their spellings. */
const CONSONANT_FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ph/g, 'f'],
  [/[kg]h/g, 'k'],
  [/[sz]h/g, 's'],
  [/[ckgq]/g, 'k'],
  [/b/g, 'p'],
  [/[dt]/g, 't'],
  [/w/g, 'v'],
  [/[zs]/g, 's'],
  [/x/g, 'ks'],
  [/j/g, 'y'],
];
/** Letters treated as vowels: dropped inside a word, folded to one marker at its start. */
const VOWELS = /[aeiouy]/;
/** A skeleton shorter than this says too little to identify anything. */
const MIN_KEY_CHARS = 2;

/** Lower case, diacritics removed, letters only. */
function lettersOnly(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * The skeleton of one word: lower case, diacritics dropped, consonant classes
 * folded (p/b, k/q/g/c, t/d, v/w, s/z), `h` after a consonant dropped, vowels
 * dropped except a leading one (kept as `a`), doubled letters collapsed.
 *
 * @example
 * wordSkeleton('Petrenko') === wordSkeleton('Betrenko') // both 'ptrnk'
 */
export function wordSkeleton(word: string): string {
  let w = lettersOnly(word);
  if (!w) return '';
  for (const [from, to] of CONSONANT_FOLDS) w = w.replace(from, to);
  const initialVowel = VOWELS.test(w[0]!);
  // h only carries sound at the start of a word; elsewhere it is a transliteration mark.
  let body = w.slice(1).replace(/h/g, '').replace(/[aeiouy]/g, '');
  if (!initialVowel) body = w[0] + body;
  let key = initialVowel ? 'a' + body : body;
  key = key.replace(/(.)\1+/g, '$1');
  return key;
}

/**
 * The skeleton key of a whole name, word by word (`_` between words), or null
 * when too short to tell names apart.
 */
export function nameKey(name: string): string | null {
  const words = name.split(/[\s\-‐–]+/).map(wordSkeleton).filter(Boolean);
  const key = words.join('_');
  return key.replace(/_/g, '').length >= MIN_KEY_CHARS ? key : null;
}
