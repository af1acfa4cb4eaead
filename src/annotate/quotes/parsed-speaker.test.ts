import { describe, expect, it } from 'vitest';
import type { Doc } from '../../core/index.js';
import { createArticlePipeline } from '../index.js';
import type { Quote } from './index.js';

// Fictional sentences written for these tests; run through the whole article pipeline (parse, entities, references).
function run(text: string): { doc: Doc; quotes: Quote[] } {
  const doc = createArticlePipeline().run({ id: 'fiction', text, meta: {}, source: {}, layers: {}, messages: [] });
  return { doc, quotes: doc.layers.quotes ?? [] };
}
const words = (text: string, s: { start: number; end: number } | undefined): string | undefined => (s ? text.slice(s.start, s.end) : undefined);

describe('speakers read from the parse', () => {
  it('gives a reported statement to the subject of its cue, not to a name before it in the sentence', () => {
    const t = 'Amid conflicting reports on the number of victims, the Veskarian Red Cross said the toll had risen to 400.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('toll had risen'));
    expect(q).toBeDefined();
    expect(words(t, q!.speakerSpan)).toContain('Red Cross');
  });

  it('keeps the relayed source of "X reported, citing Y, that …" as the speaker', () => {
    const t = 'The Daily Ledger reported, citing a source in the port authority, that the ferries would stop on Monday.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('ferries would stop'));
    expect(q).toBeDefined();
    expect(words(t, q!.speakerSpan)).toMatch(/^a source/);
    expect(q!.speakerText).not.toContain('Ledger');
  });

  it('does not treat the "by" phrase of an active cue as its speaker', () => {
    const t = 'Lena Ortiz, the agency\'s director, told the Daily Ledger by phone that 300 families had been moved.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('300 families'));
    expect(q).toBeDefined();
    expect(words(t, q!.speakerSpan)).toMatch(/^Lena Ortiz/);
  });
});

describe('pronoun speakers read against the sentence before', () => {
  it('gives "he said" to who spoke in the sentence before ("…, X told reporters."), not to the first person it names', () => {
    const t = 'Port Minister Jon Hale started a meeting with a trade delegation in Corvel, ministry spokesman Tomas Vell told reporters.\n\n“The meeting has begun,” he said.';
    const { doc, quotes } = run(t);
    const q = quotes.find((x) => x.direct && words(t, x)?.includes('meeting has begun'));
    const vell = doc.layers.entities?.find((e) => words(t, e) === 'Tomas Vell');
    expect(q).toBeDefined();
    expect(vell).toBeDefined();
    expect(q!.speaker).toBe(vell!.entity);
  });
});

describe('records that are not statements', () => {
  it('emits no reported record for the object of a verb that is not speech ("unveiled a plan")', () => {
    const t = 'On Monday, Mayor Ines Kovac unveiled a sweeping new housing plan for the harbour district.';
    expect(run(t).quotes.filter((q) => !q.direct)).toEqual([]);
  });

  it('keeps the said object of a speech verb ("stressed the need …")', () => {
    const t = 'Mayor Ines Kovac stressed the need for new housing in the harbour district.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('the need for new housing'));
    expect(q).toBeDefined();
    expect(words(t, q!.speakerSpan)).toBe('Mayor Ines Kovac');
  });
});
