import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forEachFeature, readSparseModel, type SparseRows } from '../shared/sparse-model.js';
import { DEFAULT_MODEL_PATH, loadTagger } from './model.js';
import { PAD, wordFeatures } from './features.js';
import { WordFeatureRows } from './word-rows.js';

describe('word-feature rows found without names', () => {
  it('gives the rows of wordFeatures, slot by slot and in order, on the shipped model', () => {
    const file = readSparseModel(readFileSync(DEFAULT_MODEL_PATH), [['features']]) as { features: SparseRows };
    const clusters = loadTagger().model.clusters;
    const all = new Map<string, number>();
    const rest = new Map<string, number>();
    const rows = new WordFeatureRows((name) => rest.get(name) ?? -1, clusters);
    forEachFeature(file.features, (name, row) => {
      all.set(name, row);
      if (!rows.take(name, row)) rest.set(name, row);
    });
    const words = [
      ...'The Foreign Minister , Ali Oresk-Velda , told NATO on 12 March 1998 that U.S. troops would leave Kabul ’s airport .'.split(' '),
      'a', 'I', 'İstanbul', 'naïve', 'ÉCOLE', 'x=y', '😀', '$', '3.5', 'McDonald', 'nonesuchword', 'Zzyzx', PAD,
    ];
    for (const word of words) {
      const { rows: found, ends } = rows.rowsOf(word);
      const got = Array.from(ends, (end, slot) => Array.from(found.subarray(slot > 0 ? ends[slot - 1]! : 0, end)));
      const expected = wordFeatures(word, clusters).map((names) => names.map((name) => all.get(name) ?? -1).filter((row) => row >= 0));
      expect({ word, rows: got }).toEqual({ word, rows: expected });
      for (const name of wordFeatures(word, clusters).flat()) expect(rows.rowOf(name) ?? rest.get(name) ?? -1).toBe(all.get(name) ?? -1);
    }
  });
});
