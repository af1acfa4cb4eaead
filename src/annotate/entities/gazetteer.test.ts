import { describe, expect, it } from 'vitest';
import { Gazetteer } from './gazetteer.js';

// Fictional names written for these tests.
describe('gazetteer matching', () => {
  const g = new Gazetteer();
  g.add('Velda City', 'GPE');
  g.add('Velda', 'GPE');
  g.add('velda', 'GPE'); // another casing: a second entry, so a second tag
  g.add('Velda', 'GPE'); // the same phrase and kind again: ignored
  g.add('Velda', 'FIRST');
  g.add('VCU', 'ORG');
  g.add('Port  of   Orsk', 'LOC');
  g.add('Lina', 'FIRST');
  g.add('Harbour Union of Orsk', 'ORG');

  it('tags every phrase that starts at a word, in the order added, duplicates of another casing included', () => {
    expect(g.tag(['Velda', 'City', 'is', 'far'])).toEqual([['B-GPE', 'B-GPE', 'B-GPE', 'B-FIRST'], ['I-GPE'], [], []]);
  });

  it('matches multiword phrases whatever their case, each word whole', () => {
    expect(g.tag(['the', 'PORT', 'of', 'orsk'])).toEqual([[], ['B-LOC'], ['I-LOC'], ['I-LOC']]);
    expect(g.tag(['Port', 'of', 'Orskville'])).toEqual([[], [], []]);
    expect(g.tag(['Port', 'of'])).toEqual([[], []]);
    expect(g.tag(['harbour', 'union', 'of', 'orsk'])).toEqual([['B-ORG'], ['I-ORG'], ['I-ORG'], ['I-ORG']]);
  });

  it('matches acronyms only as written and names of people only with a capital', () => {
    expect(g.tag(['VCU', 'vcu', 'Vcu'])).toEqual([['B-ORG'], [], []]);
    expect(g.tag(['lina', 'Lina'])).toEqual([[], ['B-FIRST']]);
    expect(g.tag(['velda'])).toEqual([['B-GPE', 'B-GPE']]);
  });

  it('reads the lower-cased words when given', () => {
    const words = ['Velda', 'CITY'];
    expect(g.tag(words, words.map((w) => w.toLowerCase()))).toEqual(g.tag(words));
  });
});
