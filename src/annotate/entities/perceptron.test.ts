import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forEachFeature, readSparseModel, type SparseRows } from '../shared/sparse-model.js';
import { DEFAULT_MODEL_PATH, loadTagger } from './model.js';
import { TaggerModel, toBilou } from './perceptron.js';
import { sentenceFeatures, type SentenceInput } from './features.js';
import { runsFromBio } from './bio.js';

const TAGS = ['O', 'B-PER', 'I-PER', 'L-PER', 'U-PER', 'B-LOC', 'I-LOC', 'L-LOC', 'U-LOC'];

/** A model whose every feature of `inputs` has a distinct pseudo-random weight per tag. */
function modelFor(inputs: readonly SentenceInput[], clusters: ReadonlyMap<string, string>): { model: TaggerModel; index: Map<string, number>; weights: Float32Array } {
  const index = new Map<string, number>();
  for (const input of inputs) for (const token of sentenceFeatures(input, clusters)) for (const f of token) if (!index.has(f)) index.set(f, index.size);
  for (const prev of [...TAGS, '<s>']) index.set('t-1=' + prev, index.size);
  const weights = Float32Array.from({ length: index.size * TAGS.length }, (_, k) => ((k * 7919) % 201) / 100 - 1);
  return { model: new TaggerModel(TAGS, index, weights, clusters), index, weights };
}

describe('entity tagger decoding', () => {
  const inputs: SentenceInput[] = [
    {
      words: ['Lina', 'Ortez', 'flew', 'to', 'Velda', 'City', 'on', 'Monday', '.'],
      gazetteer: [['B-FIRST'], [], [], [], ['B-GPE'], ['I-GPE'], [], [], []],
      pos: ['PROPN', 'PROPN', 'VERB', 'ADP', 'PROPN', 'PROPN', 'ADP', 'PROPN', 'PUNCT'],
      document: ['C', '-', 'L', 'L', 'C', '-', 'L', '-', '-'],
      labels: ['PER', 'PER', 'O', 'O', 'LOC', '-', 'O', '-', '-'],
      context: ['NF', 'NL', 'Nl', 'Nl', 'N-', 'N-', 'Nl', 'N-', 'N-'],
    },
    { words: ['Ortez', 'said', 'so', '.'], gazetteer: [[], [], [], []] },
  ];
  const clusters = new Map([['lina', '3a1'], ['velda', '0b2']]);
  const { model, index, weights } = modelFor(inputs, clusters);

  it('scores each token with exactly the weights of its training features (cached sums agree)', () => {
    for (const input of inputs) {
      // twice: the second call reads the caches
      for (let pass = 0; pass < 2; pass++) {
        const emissions = model.emissions(input);
        sentenceFeatures(input, clusters).forEach((features, i) => {
          for (let t = 0; t < TAGS.length; t++) {
            const expected = features.reduce((sum, f) => sum + weights[index.get(f)! * TAGS.length + t]!, 0);
            expect(emissions[i * TAGS.length + t]).toBeCloseTo(expected, 3);
          }
        });
      }
    }
  });

  it('only ever decodes well-formed BILOU sequences', () => {
    for (const input of inputs) {
      const tags = model.decode(input);
      expect(tags).toHaveLength(input.words.length);
      expect(toBilou(runsFromBio(tags).reduce((bio, r) => {
        for (let i = r.start; i < r.end; i++) bio[i] = (i === r.start ? 'B-' : 'I-') + r.type;
        return bio;
      }, tags.map(() => 'O')))).toEqual(tags);
    }
  });
});

describe('the shipped entity model (models/ner-perceptron.json)', () => {
  it('finds every feature of the model file by its name, word pairs too, with the weights the file gives it', () => {
    const file = readSparseModel(readFileSync(DEFAULT_MODEL_PATH), [['features'], ['secondPass', 'features']]) as {
      tags: string[]; scale: number; features: SparseRows; secondPass?: { tags: string[]; scale: number; features: SparseRows };
    };
    const loaded = loadTagger();
    const passes = [{ stored: file, model: loaded.model }, ...(file.secondPass ? [{ stored: file.secondPass, model: loaded.second! }] : [])];
    for (const { stored, model } of passes) {
      const expected = new Float32Array(stored.tags.length);
      let checked = 0;
      let wrong: string | undefined;
      forEachFeature(stored.features, (name, _row, numbers, from, to) => {
        expected.fill(0);
        for (let k = from; k < to; k += 2) expected[numbers[k]!] = numbers[k + 1]! / stored.scale;
        const got = model.weightsOf(name);
        if (!got || got.length !== expected.length || got.some((w, t) => w !== expected[t])) wrong ??= name;
        checked++;
      });
      expect(wrong).toBeUndefined();
      expect(checked).toBeGreaterThan(50_000);
      for (const absent of ['w-1w=nonesuchword said', 'ww+1=said nonesuchword', 'w=nonesuchword', 'nonesuch']) expect(model.weightsOf(absent)).toBeUndefined();
    }
  });

  it('finds every word cluster of the model file', () => {
    const file = JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8')) as { clusters?: Record<string, string> };
    const { model } = loadTagger();
    const entries = Object.entries(file.clusters ?? {});
    expect(entries.length).toBeGreaterThan(10_000);
    expect(entries.filter(([word, path]) => model.clusters?.get(word) !== path)).toEqual([]);
    expect(model.clusters?.get('nonesuchword')).toBeUndefined();
  });
});

describe('BILOU conversion', () => {
  it('marks single-token names U- and last tokens L-', () => {
    expect(toBilou(['B-PER', 'I-PER', 'O', 'B-LOC', 'I-ORG', 'I-ORG'])).toEqual(['B-PER', 'L-PER', 'O', 'U-LOC', 'B-ORG', 'L-ORG']);
    expect(runsFromBio(['B-PER', 'L-PER', 'U-LOC', 'U-LOC', 'O'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'LOC' },
      { start: 3, end: 4, type: 'LOC' },
    ]);
  });
});
