import { describe, expect, it } from 'vitest';
import { withoutPartsOfLongerReports, withoutUnsourcedWrappers } from './nested.js';
import type { Quote } from './types.js';

// A fictional sentence and records placed on it by hand: what the product shows once the records are read.
const T = 'In this context, Ilse Brandt, a harbour pilot, stated on Monday that the guild should keep the pay deal, despite the strike.';
const at = (part: string): { start: number; end: number } => ({ start: T.indexOf(part), end: T.indexOf(part) + part.length });
const record = (part: string, extra: Partial<Quote> = {}): Quote => ({ ...at(part), direct: false, ...extra }) as Quote;

describe('records shown once', () => {
  const sourced = record('the guild should keep the pay deal, despite the strike', { speaker: 'e1', speakerSpan: at('Ilse Brandt, a harbour pilot') });

  it('drops a record with no speaker that holds another record\'s speaker and the start of its words', () => {
    const wrapper = record('In this context, Ilse Brandt, a harbour pilot, stated on Monday that the guild should keep the pay deal');
    expect(withoutUnsourcedWrappers([wrapper, sourced])).toEqual([sourced]);
  });

  it('keeps a record with no speaker that holds no other record\'s speaker', () => {
    const other = record('despite the strike');
    expect(withoutUnsourcedWrappers([sourced, other])).toEqual([sourced, other]);
  });

  it('drops a part of a longer report of the same speaker, and keeps a part another speaker reports', () => {
    const part = record('the guild should keep the pay deal', { speaker: 'e1' });
    const others = record('the guild should keep the pay deal', { speaker: 'e2' });
    expect(withoutPartsOfLongerReports([sourced, part])).toEqual([sourced]);
    expect(withoutPartsOfLongerReports([sourced, others])).toEqual([sourced, others]);
  });
});
