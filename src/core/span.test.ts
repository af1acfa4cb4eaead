import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstStartingFrom, SpanIndex, type Span } from './span.js';

const span = fc.tuple(fc.nat(200), fc.nat(40)).map(([start, length]): Span => ({ start, end: start + length }));

describe('SpanIndex', () => {
  it('finds exactly the spans a scan of the whole layer finds, in layer order', () => {
    fc.assert(fc.property(fc.array(span, { maxLength: 60 }), span, (spans, range) => {
      const layer = [...spans].sort((a, b) => a.start - b.start);
      const index = new SpanIndex(layer);
      expect(index.overlapping(range)).toEqual(layer.filter((s) => s.start < range.end && range.start < s.end));
      expect(index.within(range)).toEqual(layer.filter((s) => s.start >= range.start && s.end <= range.end));
    }));
  });

  it('answers for a layer given out of order as for the same layer sorted', () => {
    const layer = [{ start: 30, end: 40 }, { start: 0, end: 100 }, { start: 5, end: 8 }];
    expect(new SpanIndex(layer).overlapping({ start: 35, end: 36 })).toEqual([{ start: 0, end: 100 }, { start: 30, end: 40 }]);
  });

  it('sees a long span that starts far before the range', () => {
    const layer = [{ start: 0, end: 1000 }, ...Array.from({ length: 50 }, (_, i) => ({ start: 10 + i * 10, end: 15 + i * 10 }))];
    expect(new SpanIndex(layer).overlapping({ start: 900, end: 901 })).toEqual([{ start: 0, end: 1000 }]);
  });
});

describe('firstStartingFrom', () => {
  it('is the first span starting at or after a position, or the length when none does', () => {
    const spans = [{ start: 0, end: 2 }, { start: 3, end: 5 }, { start: 3, end: 4 }, { start: 9, end: 9 }];
    expect(firstStartingFrom(spans, 3)).toBe(1);
    expect(firstStartingFrom(spans, 4)).toBe(3);
    expect(firstStartingFrom(spans, 10)).toBe(4);
    expect(firstStartingFrom([], 0)).toBe(0);
  });
});
