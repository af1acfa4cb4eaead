import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forEachFeature, readSparseModel, type SparseRows } from '../shared/sparse-model.js';
import { findMarkedSpans } from './marks.js';
import { splitSentences, tokenize } from './segment.js';
import { shippedWeights, tagTokens, tagTokensPlain, TAGS } from './tagger.js';
import { findQuotes } from './index.js';

// Fictional text written for these tests.
const TEXT = [
  'Harbour workers want a shorter week, a survey by the dockers’ union shows.',
  'Mayor Ines Kovac said the bridge would reopen in May. “Nobody will lose their home,” she told reporters.',
  'The council supports the plan, according to minutes seen by the Westbay Courier.',
].join('\n\n');

const weights = shippedWeights();

describe.skipIf(!weights)('attribution tagger (models/quote-tagger.json)', () => {
  const input = { text: TEXT, toks: tokenize(TEXT), sentences: splitSentences(TEXT), marks: findMarkedSpans(TEXT) };

  it('tags the same labels through the cached scorer as through the plain feature lists', () => {
    expect(tagTokens(weights!, input)).toEqual(tagTokensPlain(weights!, input));
  });

  it('tags the same labels with weights given by name only (no interned index) as with the shipped ones', () => {
    const byName = { get: (feature: string) => weights!.get(feature) };
    expect(tagTokens(byName, input)).toEqual(tagTokens(weights!, input));
  });

  it('finds every feature of the model file by its name, with the weights the file gives it', () => {
    const file = readSparseModel(readFileSync(fileURLToPath(new URL('../../../models/quote-tagger.json', import.meta.url))), [['features']]) as {
      scale: number; features: SparseRows;
    };
    const expected = new Float32Array(TAGS.length);
    let checked = 0;
    let wrong: string | undefined;
    forEachFeature(file.features, (name, _row, numbers, from, to) => {
      expected.fill(0);
      for (let k = from; k < to; k += 2) expected[numbers[k]!] = numbers[k + 1]! / file.scale;
      const row = weights!.get(name);
      if (!row || row.length !== TAGS.length || Array.from(row).some((w, t) => w !== expected[t])) wrong ??= name;
      checked++;
    });
    expect(wrong).toBeUndefined();
    expect(checked).toBe(file.features.names.length);
    expect(checked).toBeGreaterThan(100_000);
    for (const absent of ['pw=nonesuchword|said', 'wn=said|nonesuchword', 'p1=nonesuchword', 'w=nonesuchword', 't1w=O|nonesuchword', 'clw=said|9', 'nonesuch']) {
      expect(weights!.get(absent)).toBeUndefined();
    }
  });

  it('labels the speech cue "said" as a cue and its subject as a source', () => {
    const tags = tagTokens(weights!, input);
    const at = (w: string): string => tags[input.toks.findIndex((t) => t.text === w)]!;
    expect(at('said')).toBe('B-CUE');
    expect(at('Kovac')).toMatch(/-SRC$/);
  });

  it('adds an attribution whose cue is not a speech verb ("calls for"), which the rules alone miss', () => {
    const t = 'The union calls for a shorter working week for all harbour staff.';
    const q = findQuotes(t).find((x) => t.slice(x.start, x.end).includes('shorter working week'));
    expect(q && q.cue && t.slice(q.cue.start, q.cue.end)).toBe('calls for');
    expect(q && q.speakerSpan && t.slice(q.speakerSpan.start, q.speakerSpan.end)).toBe('The union');
    expect(findQuotes(t, { tagger: false })).toEqual([]);
  });

  it('gives a partial quote inside reported speech the whole attributed clause as its content, keeping the marked words as its span', () => {
    const t = 'Governor Lisa Moreau said the flooding was a “slow disaster” for the valley.';
    const q = findQuotes(t).find((x) => x.direct)!;
    expect(t.slice(q.start, q.end)).toBe('slow disaster');
    expect(q.content && t.slice(q.content.start, q.content.end)).toBe('the flooding was a “slow disaster” for the valley');
  });

  it('finds two attributions in one sentence, each with its own source', () => {
    const t = 'The mayor said the bridge would reopen in May, while the union argued that the tolls were too high.';
    const qs = findQuotes(t);
    const sources = qs.map((q) => q.speakerSpan && t.slice(q.speakerSpan.start, q.speakerSpan.end));
    expect(sources).toEqual(['The mayor', 'the union']);
    const contents = qs.map((q) => { const c = q.content ?? q; return t.slice(c.start, c.end); });
    expect(contents[0]).toBe('the bridge would reopen in May');
    expect(contents[1]).toContain('the tolls were too high');
  });
});
