/** English words for calendar units, months, weekdays and numbers, as regex sources and lookups. */

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Full month names, or abbreviations with their period ("Sept."), which alone are unambiguous. */
export const MONTH_RE = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)`;

export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};
export const WEEKDAY_RE = String.raw`(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)`;

/** Day of month with an optional ordinal suffix. */
export const DAY_NUM_RE = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
/** Years a news text plausibly means by four digits. */
export const YEAR_RE = String.raw`(?:1[89]\d\d|20\d\d|2100)`;

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'fortnight' | 'month' | 'quarter' | 'year' | 'decade' | 'century';
export const UNIT_RE = String.raw`(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries)`;

/** The singular unit a word names ("centuries" → century). */
export function unitOf(word: string): Unit {
  const w = word.toLowerCase();
  if (w.startsWith('centur')) return 'century';
  return w.replace(/s$/, '') as Unit;
}

const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12, half: 0.5, couple: 2,
};
const NUMBER_WORD_RE = Object.keys(SMALL_NUMBERS).filter((w) => w !== 'a' && w !== 'an' && w !== 'half' && w !== 'couple').join('|');

/** A count: digits, number words ("twenty four", "twenty-four"), "a", "a couple of", or a vague quantity ("several", "a few"). */
export const COUNT_RE = String.raw`(?:\d+(?:\.\d+)?|(?:${NUMBER_WORD_RE})(?:[- ](?:${NUMBER_WORD_RE}))?|an?|a couple of|a few|several|few|many|some|a dozen)`;

/** Vague counts give an unknown quantity: "several years" = PXY. */
const VAGUE = new Set(['a few', 'several', 'few', 'many', 'some']);

/** The number a count phrase names, or null when it is vague. */
export function countValue(phrase: string): number | null {
  const p = phrase.toLowerCase().trim();
  if (VAGUE.has(p)) return null;
  if (/^\d/.test(p)) return Number(p);
  if (p === 'a couple of') return 2;
  if (p === 'a dozen') return 12;
  let total = 0;
  for (const word of p.split(/[- ]+/)) {
    const n = SMALL_NUMBERS[word];
    if (n === undefined) return null;
    total = n === 100 ? Math.max(total, 1) * 100 : total + n;
  }
  return total;
}

export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

/** An ordinal in words or digits ("third", "3rd", "21st"). */
export function ordinalValue(word: string): number | null {
  const w = word.toLowerCase();
  if (ORDINALS[w] !== undefined) return ORDINALS[w];
  const m = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  return m ? Number(m[1]) : null;
}
