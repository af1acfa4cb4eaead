import { describe, expect, it } from 'vitest';
import { forEachFeature, readSparseModel, type SparseFeatures } from './sparse-model.js';

/** The features as an object again, to compare with what JSON.parse gives. */
function asObject(features: SparseFeatures): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  forEachFeature(features, (name, _row, numbers, from, to) => { out[name] = Array.from({ length: to - from }, (_, i) => numbers[from + i]!); });
  return out;
}

describe('readSparseModel', () => {
  const file = {
    format: 'test-model/1',
    tags: ['O', 'B-X'],
    scale: 1000,
    features: { 'w=harbour': [0, 1520, 1, -32], 'w="quoted" \\ é': [1, 7], 'empty': [], 'big': [0, 12345678901234567, 1, 2.5e-3, 0, -0.75] },
    secondPass: { tags: ['O'], scale: 10, features: { 'p=<s>': [0, -4] } },
    lexicon: { CITY: ['Nordhavn', 'Ostrava'], EMPTY: [] },
    meta: { note: 'features: {"w=x":[1]}', epochs: 6, flag: true, none: null },
  };

  it('reads what JSON.parse reads, the sparse objects as rows', () => {
    for (const text of [JSON.stringify(file), JSON.stringify(file, null, 2)]) {
      const read = readSparseModel(Buffer.from(text), [['features'], ['secondPass', 'features']]) as typeof file & { features: SparseFeatures; secondPass: { features: SparseFeatures } };
      expect(asObject(read.features)).toEqual(file.features);
      expect(asObject(read.secondPass.features)).toEqual(file.secondPass.features);
      expect(Object.keys(asObject(read.features))).toEqual(Object.keys(file.features));
      expect({ ...read, features: null, secondPass: { ...read.secondPass, features: null } }).toEqual({ ...file, features: null, secondPass: { ...file.secondPass, features: null } });
    }
  });

  it('reads a file without the sparse objects unchanged', () => {
    const plain = { format: 'x', tags: [], meta: { a: [1, { b: '}' }] } };
    expect(readSparseModel(Buffer.from(JSON.stringify(plain)), [['features']])).toEqual(plain);
  });

  it('refuses a malformed file', () => {
    expect(() => readSparseModel(Buffer.from('{"features":{"a":[1,2}'), [['features']])).toThrow(SyntaxError);
    expect(() => readSparseModel(Buffer.from('{"features":{"a":[1,x]}}'), [['features']])).toThrow(SyntaxError);
    expect(() => readSparseModel(Buffer.from('{"features":{}} trailing'), [['features']])).toThrow(SyntaxError);
  });
});
