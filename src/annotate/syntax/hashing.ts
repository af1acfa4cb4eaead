/**
 * Integer features. A feature is a template number and up to three atoms
 * (a word's hash, a tag id, a label id, a distance…) mixed into one 32-bit
 * key, so the tagger and the parser build no strings per token and the model
 * needs no vocabulary: a word is its hash. Collisions between 32-bit keys are
 * a few in a million features and cost nothing measurable.
 */

/** FNV-1a over UTF-16 code units; never 0 (0 is "no atom"). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h === 0 ? 1 : h | 0;
}

/** One round of murmur3's mixing: folds `k` into `h`. */
function round(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** The key of template `template` over atoms a, b, c (0 when unused); never 0. */
export function featureKey(template: number, a: number, b: number, c: number): number {
  let h = round(round(round(template, a), b), c);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

const DIGIT = /\d/g;
const CURLY_SINGLE = /[‘’‚‛′]/g;
const CURLY_DOUBLE = /[“”„‟″«»]/g;
const DASHES = /[–—―]/g;

/**
 * The form a word's features use: lower case, digits as 0, typographic quotes
 * and dashes as the ASCII ones the treebanks mostly write.
 */
export function normaliseWord(form: string): string {
  return form.toLowerCase().replace(DIGIT, '0').replace(CURLY_SINGLE, "'").replace(CURLY_DOUBLE, '"').replace(DASHES, '--');
}
