import { describe, expect, it } from 'vitest';
import { compareWording } from './wording.js';
import { findWordingContradictions } from './wording-conflicts.js';
import type { QuoteVariant } from '../types.js';

describe('compareWording', () => {
  it('shows the words one rendering adds, and is never 100% for different words', () => {
    const w = compareWording('Do whatever you want.', 'I will not bend. Do whatever the hell you want.');
    expect(w.pieces).toEqual([{ op: 'same', text: 'Do whatever' }, { op: 'dropped', text: 'the hell' }, { op: 'same', text: 'you want.' }]);
    expect(w.similarity).toBeLessThan(1);
    expect(w.similarity).toBeGreaterThan(0.7);
  });

  it('gives 100% only for the very same words, and less for a partial quote', () => {
    expect(compareWording('The port stays open.', 'The port stays open.').similarity).toBe(1);
    expect(compareWording('stays open', 'The port stays open.').similarity).toBeLessThan(1);
  });
});

describe('findWordingContradictions', () => {
  const form = (article: string, text: string): QuoteVariant['forms'][number] => ({ article, text, evidence: text, start: 0, end: text.length });

  it('finds one statement rendered as agreeing in one outlet and as talking in another', () => {
    const found = findWordingContradictions([{ speaker: 'Tilda Vance', similarity: 0.6, forms: [
      form('a', 'As a result, we have agreed to a swap of ferries. We are working on the details.'),
      form('b', 'We talked about a swap of ferries. We are also working on the details.'),
    ] }]);
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('who-said-what');
    expect(found[0]!.sides.map((s) => [s.value, s.articles])).toEqual([['agreed', ['a']], ['talked about', ['b']]]);
  });

  it('finds nothing when the renderings say the same thing', () => {
    expect(findWordingContradictions([{ speaker: 'Tilda Vance', similarity: 0.8, forms: [
      form('a', 'We talked about a swap of ferries.'), form('b', 'We discussed a swap of ferries.'),
    ] }])).toEqual([]);
  });
});
