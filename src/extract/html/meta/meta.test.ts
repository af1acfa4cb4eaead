import { describe, expect, it } from 'vitest';
import { toIsoDate } from './iso-date.js';
import { findDateline } from './dateline.js';
import { parseByline } from './authors.js';
import { splitTitle } from './title.js';
import { kindFromUrl, kindFromSection } from './kind.js';

describe('toIsoDate', () => {
  it('keeps the precision and the offset the string gives', () => {
    expect(toIsoDate('2025-03-12')).toBe('2025-03-12');
    expect(toIsoDate('2025-03-12T14:58:00.000+0300')).toBe('2025-03-12T14:58:00+03:00');
    expect(toIsoDate('2025-03-12 14:58')).toBe('2025-03-12T14:58');
    expect(toIsoDate('Nov. 18, 2019 8:22 AM EST')).toBe('2019-11-18T08:22:00-05:00');
  });

  it("reads a numeric date in the order of the outlet's country, and not at all when day and month could swap", () => {
    expect(toIsoDate('07/03/2025 13:46', 'dmy')).toBe('2025-03-07T13:46');
    expect(toIsoDate('07/03/2025', 'mdy')).toBe('2025-07-03');
    expect(toIsoDate('07/03/2025')).toBeNull();
    expect(toIsoDate('25/03/2025')).toBe('2025-03-25');
  });

  it('returns null without a full calendar date', () => {
    expect(toIsoDate('November 2019')).toBeNull();
    expect(toIsoDate('yesterday')).toBeNull();
    expect(toIsoDate('')).toBeNull();
  });
});

describe('findDateline', () => {
  it.each([
    ['TEHRAN, March 5 (Reuters) - Officials said', 'TEHRAN'],
    ['Tehran, IRNA – The minister said', 'Tehran'],
    ['DOHA, June 14. /TASS/. Talks resumed', 'DOHA'],
    ['NEW YORK (AP) — Stocks fell', 'NEW YORK'],
  ])('finds the place in %j', (text, place) => {
    expect(findDateline(text)?.place).toBe(place);
  });

  it('ignores an ordinary sentence with a dash', () => {
    expect(findDateline('Some residents - most of them farmers - left early.')).toBeNull();
    expect(findDateline('Mayor Jones - who took office in May - said no.')).toBeNull();
  });
});

describe('parseByline', () => {
  it('strips "By", dates and splits several names', () => {
    expect(parseByline('By Jane Roe and John Doe - 11/18/19 11:04 PM EST')).toEqual(['Jane Roe', 'John Doe']);
    expect(parseByline('https://example.org/people/jane-roe')).toEqual([]);
  });
});

describe('splitTitle', () => {
  it('removes a site suffix', () => {
    expect(splitTitle('Storm closes the ferry | Island Post').headline).toBe('Storm closes the ferry');
    expect(splitTitle('Storm closes the ferry - Island Post', { outlet: 'Island Post' })).toEqual({ headline: 'Storm closes the ferry', site: 'Island Post' });
  });
  it('leaves a title without a site name alone', () => {
    expect(splitTitle('Why the ferry - and the harbour - matter').headline).toBe('Why the ferry - and the harbour - matter');
  });
});

describe('kind', () => {
  it('reads explicit path segments and sections only', () => {
    expect(kindFromUrl('https://x.example/commentisfree/2030/jan/01/slug')?.kind).toBe('opinion');
    expect(kindFromUrl('https://x.example/analysis/slug')?.kind).toBe('analysis');
    expect(kindFromUrl('https://x.example/2030/01/opinion-polls-close')).toBeNull();
    expect(kindFromSection('Opinion')).toBe('opinion');
    expect(kindFromSection('Sport')).toBeNull();
  });
});
