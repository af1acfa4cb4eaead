import { normaliseForIdentity } from '../core/index.js';

/**
 * MinHash signatures over word shingles, and LSH band keys for finding
 * near-duplicate articles with an index lookup instead of a scan.
 *
 * Stored signatures and band keys depend on every constant below and on the
 * seeds: changing any of them needs a migration that recomputes them.
 */

/** Words per shingle: a one-word edit changes only this many shingles, yet four-word runs rarely repeat across different articles. */
export const SHINGLE_WORDS = 4;
/** Rows (hash values) per LSH band. */
export const LSH_ROWS_PER_BAND = 6;
/** LSH bands. With 6 rows, a pair at Jaccard 0.8 shares a band with probability 0.998, a pair at 0.5 with 0.27, at 0.3 with 0.015. */
export const LSH_BANDS = 20;
/** Hash functions in a signature: bands × rows. Standard error of the Jaccard estimate at 0.8 is about 0.037. */
export const MINHASH_PERMUTATIONS = LSH_BANDS * LSH_ROWS_PER_BAND;
/**
 * Estimated Jaccard similarity of shingle sets at or above which an article is
 * a near-duplicate: syndicated copies with a line of boilerplate, an edited
 * sentence or different whitespace score 0.85–0.99 on news-length text, while
 * different articles sharing a paragraph stay well below.
 */
export const NEAR_DUPLICATE_JACCARD = 0.8;
/** Below this many words, one edited word moves the Jaccard score too far to judge: short texts only match exactly. */
export const MIN_WORDS_FOR_NEAR_DUPLICATE = 25;

/** A MinHash signature: MINHASH_PERMUTATIONS signed 32-bit integers (they fit a PostgreSQL `integer[]`). */
export type MinHashSignature = readonly number[];

/** Deterministic seeds (splitmix32 from a fixed start) so signatures are stable across processes and releases. */
const PERMUTATION_SEEDS: readonly number[] = (() => {
  const seeds: number[] = [];
  let state = 0x9e3779b9;
  for (let i = 0; i < MINHASH_PERMUTATIONS; i++) {
    state = (state + 0x9e3779b9) | 0;
    seeds.push(mix32(state));
  }
  return seeds;
})();

/** MurmurHash3's 32-bit finaliser: a cheap bijective mix that spreads every input bit. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** FNV-1a over UTF-16 code units, mixed: a 32-bit hash of one shingle. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** The words of a text after identity normalisation (case, quotes, dashes, whitespace folded); punctuation dropped. */
export function shingleWords(text: string): string[] {
  return normaliseForIdentity(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Hashes of the distinct word shingles of a text. */
function shingleHashes(words: readonly string[]): Set<number> {
  const hashes = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) hashes.add(hashString(words.join(' ')));
    return hashes;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    hashes.add(hashString(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  return hashes;
}

/**
 * The MinHash signature of a text, or null when it is too short for
 * near-duplicate detection (see MIN_WORDS_FOR_NEAR_DUPLICATE).
 */
export function minHashSignature(text: string): MinHashSignature | null {
  const words = shingleWords(text);
  if (words.length < MIN_WORDS_FOR_NEAR_DUPLICATE) return null;
  const signature = new Array<number>(MINHASH_PERMUTATIONS).fill(0x7fffffff);
  for (const shingle of shingleHashes(words)) {
    for (let p = 0; p < MINHASH_PERMUTATIONS; p++) {
      const value = mix32(shingle ^ PERMUTATION_SEEDS[p]!);
      if (value < signature[p]!) signature[p] = value;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the two shingle sets: the share of positions where the signatures agree. */
export function estimateJaccard(a: MinHashSignature, b: MinHashSignature): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Band index lives above bit 32 so keys of different bands never collide; stays below 2^53, a safe JS integer and a PostgreSQL bigint. */
const BAND_KEY_STRIDE = 2 ** 32;

/**
 * One key per LSH band: the band index and a hash of its rows. Two articles
 * are candidates when they share any key.
 */
export function lshBandKeys(signature: MinHashSignature): number[] {
  const keys: number[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let row = 0; row < LSH_ROWS_PER_BAND; row++) {
      h = mix32(Math.imul(h ^ signature[band * LSH_ROWS_PER_BAND + row]!, 0x01000193));
    }
    keys.push(band * BAND_KEY_STRIDE + (h >>> 0));
  }
  return keys;
}
