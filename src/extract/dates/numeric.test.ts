import { describe, expect, it } from 'vitest';
import { orderFromNumericDates, readNumericDate } from './numeric.js';

describe('numeric dates whose day and month can swap', () => {
  it('reads a date in the order given, and keeps only the shared year without one', () => {
    expect(readNumericDate('07', '03', '24', 'dmy')).toEqual({ kind: 'date', iso: '2024-03-07' });
    expect(readNumericDate('07', '03', '24', 'mdy')).toEqual({ kind: 'date', iso: '2024-07-03' });
    expect(readNumericDate('07', '03', '24', null)).toEqual({ kind: 'partial', iso: '2024' });
  });

  it('needs no order when only one reading is a date, or both readings are the same day', () => {
    expect(readNumericDate('25', '03', '2031', null)).toEqual({ kind: 'date', iso: '2031-03-25' });
    expect(readNumericDate('03', '25', '2031', 'dmy')).toEqual({ kind: 'date', iso: '2031-03-25' });
    expect(readNumericDate('04', '04', '2031', null)).toEqual({ kind: 'date', iso: '2031-04-04' });
    expect(readNumericDate('2031', '04', '03', 'mdy')).toEqual({ kind: 'date', iso: '2031-04-03' });
    expect(readNumericDate('31', '31', '2031', null)).toEqual({ kind: 'none' });
  });

  it('learns the page order from a numeric date on it with a part above 12, and not from conflicting ones', () => {
    expect(orderFromNumericDates('Posted 25.03.2031 · 07.03.2031')).toBe('dmy');
    expect(orderFromNumericDates('03/25/2031 and 07/03/2031')).toBe('mdy');
    expect(orderFromNumericDates('25.03.2031 and 03/25/2031')).toBeNull();
    expect(orderFromNumericDates('07.03.2031 only')).toBeNull();
    expect(orderFromNumericDates('version 1.2.3 of the tool')).toBeNull();
  });
});
