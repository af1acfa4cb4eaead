import { describe, expect, it } from 'vitest';
import { estimateJaccard, lshBandKeys, LSH_BANDS, minHashSignature, MINHASH_PERMUTATIONS, NEAR_DUPLICATE_JACCARD } from './minhash.js';
import { FERRY_TEXT, ORCHARD_TEXT, SEAWALL_SECOND_COPY_TEXT, SEAWALL_SYNDICATED_TEXT, SEAWALL_TEXT } from './test-helpers/articles.js';

describe('minHashSignature', () => {
  it('gives identical signatures to texts differing only in case, whitespace and typography', () => {
    const a = minHashSignature(SEAWALL_TEXT)!;
    const b = minHashSignature(SEAWALL_TEXT.toUpperCase().replace(/ /g, '\n  ').replace(/'/g, '\u2019'))!;
    expect(a).toHaveLength(MINHASH_PERMUTATIONS);
    expect(estimateJaccard(a, b)).toBe(1);
  });

  it('scores syndicated copies above the threshold and a different article with a shared paragraph far below', () => {
    const original = minHashSignature(SEAWALL_TEXT)!;
    expect(estimateJaccard(original, minHashSignature(SEAWALL_SYNDICATED_TEXT)!)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_JACCARD);
    expect(estimateJaccard(original, minHashSignature(SEAWALL_SECOND_COPY_TEXT)!)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_JACCARD);
    expect(estimateJaccard(original, minHashSignature(FERRY_TEXT)!)).toBeLessThan(0.3);
    expect(estimateJaccard(original, minHashSignature(ORCHARD_TEXT)!)).toBeLessThan(0.1);
  });

  it('leaves texts too short to judge to exact matching', () => {
    expect(minHashSignature('Storm closes the harbour road for a day.')).toBeNull();
  });
});

describe('lshBandKeys', () => {
  it('gives near-duplicates shared band keys and unrelated articles none', () => {
    const keys = new Set(lshBandKeys(minHashSignature(SEAWALL_TEXT)!));
    expect(keys.size).toBe(LSH_BANDS);
    expect(lshBandKeys(minHashSignature(SEAWALL_SYNDICATED_TEXT)!).some((k) => keys.has(k))).toBe(true);
    expect(lshBandKeys(minHashSignature(ORCHARD_TEXT)!).some((k) => keys.has(k))).toBe(false);
    for (const key of keys) expect(Number.isSafeInteger(key)).toBe(true);
  });
});
