/**
 * Surface rules in the manner of HeidelTime: each rule is a regular expression over the
 * text and a function that turns a match into a meaning, resolved later against the
 * publication date or a date the text gave before.
 */
import { firstStartingFrom } from '../../core/index.js';
import type { TimexMod, TimexType } from './timex.js';
import {
  COUNT_RE, DAY_NUM_RE, MONTHS, MONTH_RE, ORDINALS, UNIT_RE, WEEKDAYS, WEEKDAY_RE, YEAR_RE,
  countValue, ordinalValue, unitOf, type Unit,
} from './lexicon.js';
import { execAtWordStart } from '../shared/word-start.js';

/** Units a shift can move by and print at. */
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century';
/** Part of a day, TimeML style. */
export type DayPart = 'TMO' | 'TAF' | 'TEV' | 'TNI';
export type Base = 'reference' | 'previous';

export type Meaning =
  /** Fully given by the words: "March 2, 2025", "1998", "the 1980s", "P2D", "PRESENT_REF". */
  | { readonly kind: 'fixed'; readonly value: string }
  /** A month, or a day of a month, without its year: "March 8", "mid-January", "last November". */
  | {
    readonly kind: 'yearless'; readonly month: number; readonly day?: number; readonly shift?: -1 | 0 | 1;
    /** The year as the words name it from the publication year: "July last year" = -1. */
    readonly yearShift?: -1 | 0 | 1;
  }
  /** A day of the week: "Tuesday", "last Friday", "Friday morning". */
  | { readonly kind: 'weekday'; readonly weekday: number; readonly shift?: -1 | 0 | 1; readonly part?: DayPart }
  /** n units from a base date: "yesterday", "last month", "two days later", "the following day". */
  | {
    readonly kind: 'shift'; readonly grain: Grain; readonly n: number; readonly base: Base; readonly part?: DayPart; readonly weekend?: boolean;
    /** A comparison with a period the text spoke of ("a year ago", "a year earlier"), not a calendar name ("last year"). */
    readonly comparison?: boolean;
  }
  /** A quarter or half of a year without its year: "the third quarter", "the first half". */
  | { readonly kind: 'quarter'; readonly q: number; readonly half?: boolean; readonly yearShift?: number }
  /** The quarter a financial report speaks of, years back: "the quarter", "the year-ago quarter". */
  | { readonly kind: 'reported-quarter'; readonly yearsBack: number }
  /** A season without its year: "last summer", "this fall". */
  | { readonly kind: 'season'; readonly season: Season; readonly shift?: -1 | 0 | 1 }
  /** A holiday on the nth weekday of a month, without its year: "Thanksgiving", "last Labor Day". */
  | { readonly kind: 'holiday'; readonly rule: NthWeekday; readonly shift?: -1 | 0 | 1 }
  /** A clock time, on the day the text speaks of: "3 p.m.", "noon". */
  | { readonly kind: 'clock'; readonly hour: number; readonly minute: number };

export type Season = 'SP' | 'SU' | 'FA' | 'WI';

/** The nth (or, -1, the last) given weekday of a month, moved by `offset` days: how movable holidays are set. */
export interface NthWeekday { readonly month: number; readonly weekday: number; readonly nth: number; readonly offset?: number }

/** US holidays set by weekday (Election Day: the Tuesday after the first Monday of November). */
const MOVABLE_HOLIDAYS: Readonly<Record<string, NthWeekday>> = {
  thanksgiving: { month: 11, weekday: 4, nth: 4 },
  'labor day': { month: 9, weekday: 1, nth: 1 },
  'memorial day': { month: 5, weekday: 1, nth: -1 },
  'election day': { month: 11, weekday: 1, nth: 1, offset: 1 },
};

/** The ISO day of a weekday-set holiday in a year. */
export function nthWeekdayOf(year: number, rule: NthWeekday): string {
  const first = new Date(Date.UTC(year, rule.month - 1, 1)).getUTCDay();
  let day: number;
  if (rule.nth > 0) day = 1 + ((rule.weekday - first + 7) % 7) + 7 * (rule.nth - 1);
  else {
    const length = new Date(Date.UTC(year, rule.month, 0)).getUTCDate();
    const lastWeekday = new Date(Date.UTC(year, rule.month - 1, length)).getUTCDay();
    day = length - ((lastWeekday - rule.weekday + 7) % 7);
  }
  return new Date(Date.UTC(year, rule.month - 1, day + (rule.offset ?? 0))).toISOString().slice(0, 10);
}

export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly type: TimexType;
  readonly meaning: Meaning;
  readonly mod?: TimexMod;
  /** A clock time joined to the day: "Tuesday at 3 p.m.". */
  readonly clock?: { readonly hour: number; readonly minute: number };
  /** Lower wins among matches of equal length. */
  readonly priority: number;
}

type Build = (m: RegExpExecArray, text: string) => Omit<Candidate, 'start' | 'end' | 'priority'> | null;

interface Rule {
  readonly name: string;
  readonly re: RegExp;
  readonly build: Build;
  /**
   * Words every match of `re` contains. A text without them cannot match, so
   * the costly pattern is not run over it (a plain search is about ten times cheaper).
   */
  readonly needs?: RegExp;
}

/** A rule's `needs`: case-insensitive like the rules themselves, searched once (not global). */
const needs = (source: string): RegExp => new RegExp(source, 'iu');

const pad2 = (n: number): string => String(n).padStart(2, '0');
const lower = (s: string | undefined): string => (s ?? '').toLowerCase();
const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);
const monthNumber = (word: string): number => MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? 0;
const dayNumber = (word: string): number => parseInt(word, 10);

const MOD_WORDS: Readonly<Record<string, TimexMod>> = {
  early: 'START', beginning: 'START', start: 'START', mid: 'MID', middle: 'MID', late: 'END', end: 'END',
  about: 'APPROX', around: 'APPROX', nearly: 'APPROX', almost: 'APPROX', roughly: 'APPROX', approximately: 'APPROX', some: 'APPROX',
  'more than': 'MORE_THAN', over: 'MORE_THAN', 'at least': 'MORE_THAN',
  'less than': 'LESS_THAN', under: 'LESS_THAN', 'up to': 'LESS_THAN', 'fewer than': 'LESS_THAN', 'at most': 'LESS_THAN',
};
const modOf = (word: string | undefined): TimexMod | undefined => (word ? MOD_WORDS[word.toLowerCase()] : undefined);

/** "early", "mid-", "late", "the end of" before a month or year. */
const POINT_MOD = String.raw`(?:(early|mid|late)[- ]?\s*|the\s+(beginning|start|middle|end)\s+of\s+)?`;
const DAY_PART_WORDS: Readonly<Record<string, DayPart>> = { morning: 'TMO', afternoon: 'TAF', evening: 'TEV', night: 'TNI' };
const PART_RE = String.raw`(morning|afternoon|evening|night)`;

/** Words that make a preceding four-digit number a count, not a year ("2015 troops"). */
const COUNT_NOUN = /^\s*(?:people|persons|troops|soldiers|men|women|children|students|workers|employees|members|residents|dollars|euros|pounds|yen|barrels|tons|tonnes|feet|meters|metres|miles|kilometers|km|points|votes|cases|deaths|units|shares|cars|jobs|times|hours|minutes|copies|acres|pages|words|gmt|utc|est|edt|cubic|square|percent|per)\b/i;

const grainOf = (u: Unit): Grain => (u === 'fortnight' ? 'week' : u === 'weekend' ? 'week' : u === 'hour' || u === 'minute' || u === 'second' ? 'day' : u);
const relativeN = (word: string): -1 | 0 | 1 => {
  const w = word.toLowerCase();
  return w === 'last' || w === 'past' || w === 'previous' || w === 'preceding' ? -1 : w === 'next' || w === 'coming' || w === 'following' ? 1 : 0;
};

/** TimeML duration value of n units (null n = unknown quantity X). */
export function durationValue(n: number | null, unit: Unit): string {
  const q = n === null ? 'X' : String(n);
  switch (unit) {
    case 'second': return `PT${q}S`;
    case 'minute': return `PT${q}M`;
    case 'hour': return `PT${q}H`;
    case 'day': return `P${q}D`;
    case 'week': return `P${q}W`;
    case 'weekend': return `P${q}WE`;
    case 'fortnight': return n === null ? 'PXW' : `P${n * 2}W`;
    case 'month': return `P${q}M`;
    case 'quarter': return `P${q}Q`;
    case 'year': return `P${q}Y`;
    case 'decade': return `P${q}DE`;
    case 'century': return `P${q}CE`;
  }
}

/** Number words that make up years said aloud. */
const TENS_WORDS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNIT_WORDS = 'one|two|three|four|five|six|seven|eight|nine';
const TEEN_WORDS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';

/** Hours of the clock in words, for "four in the morning". */
const CLOCK_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';

/** n and a half units: the half in the next smaller unit where there is one ("2 1/2 years" = P2Y6M). */
function halfDurationValue(n: number, unit: Unit): string {
  switch (unit) {
    case 'year': return `P${n}Y6M`;
    case 'day': return `P${n}DT12H`;
    case 'hour': return `PT${n}H30M`;
    case 'minute': return `PT${n}M30S`;
    default: return durationValue(n + 0.5, unit);
  }
}

/** What comes before "a year" when it is a rate: an amount, or things counted in the plural. */
const RATE_BEFORE = /(?:\d|%|\b(?:million|billion|trillion|thousand|hundred|dozen|percent|cents?|times|once|twice)|\b(?!(?:was|has|does|this|less|across|plus|thus|perhaps|always|sometimes|its|his|hers|ours|yours|theirs|is|as|us)\b)[a-z]{3,}[^s\W]s)\s+$/i;

/** Units that after "a"/"an" rarely measure time. */
const NOT_DURATION_WITH_ARTICLE: ReadonlySet<Unit> = new Set<Unit>(['quarter', 'second', 'minute', 'fortnight', 'weekend']);

/** A rule's pattern: whole words only. The word-start lookbehind is tested on each match instead (see `execAtWordStart`: the same matches, faster). */
const rx = (source: string): RegExp => new RegExp(String.raw`(?:${source})(?![\p{L}\p{N}])`, 'giu');

const RULES: readonly Rule[] = [
  // --- Calendar dates -------------------------------------------------------------
  {
    name: 'month-day-year',
    re: rx(String.raw`(?:${WEEKDAY_RE},?\s+)?${POINT_MOD}(${MONTH_RE})\s*(${DAY_NUM_RE})(?:,?\s+(${YEAR_RE}))?`),
    build: (m) => {
      const month = monthNumber(m[3]!);
      if (!isCapitalised(m[3]!) || !month) return null;
      const day = dayNumber(m[4]!);
      const mod = modOf(m[1] ?? m[2]);
      if (m[5]) return { type: 'DATE', meaning: { kind: 'fixed', value: `${m[5]}-${pad2(month)}-${pad2(day)}` }, mod };
      return { type: 'DATE', meaning: { kind: 'yearless', month, day }, mod };
    },
  },
  {
    name: 'day-month-year',
    re: rx(String.raw`(?:${WEEKDAY_RE},?\s+)?(?:the\s+)?(${DAY_NUM_RE})(?:\s+of)?\s+(${MONTH_RE})(?:,?\s+(${YEAR_RE}))?`),
    build: (m) => {
      const month = monthNumber(m[2]!);
      if (!isCapitalised(m[2]!) || !month) return null;
      const day = dayNumber(m[1]!);
      if (m[3]) return { type: 'DATE', meaning: { kind: 'fixed', value: `${m[3]}-${pad2(month)}-${pad2(day)}` } };
      return { type: 'DATE', meaning: { kind: 'yearless', month, day } };
    },
  },
  {
    name: 'iso-date',
    re: rx(String.raw`(${YEAR_RE})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[T ]([01]\d|2[0-3]):([0-5]\d))?`),
    build: (m) => m[4]
      ? { type: 'TIME', meaning: { kind: 'fixed', value: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}` } }
      : { type: 'DATE', meaning: { kind: 'fixed', value: `${m[1]}-${m[2]}-${m[3]}` } },
  },
  {
    // US order first, as in American news; a first number above 12 can only be the day.
    name: 'slash-date',
    re: rx(String.raw`(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})`),
    build: (m) => {
      let month = Number(m[1]);
      let day = Number(m[2]);
      if (month > 12 && day <= 12) [month, day] = [day, month];
      if (month < 1 || month > 12 || day < 1 || day > 31) return null;
      const y = m[3]!.length === 2 ? (Number(m[3]) < 50 ? 2000 : 1900) + Number(m[3]) : Number(m[3]);
      return { type: 'DATE', meaning: { kind: 'fixed', value: `${y}-${pad2(month)}-${pad2(day)}` } };
    },
  },
  {
    name: 'month-year',
    re: rx(String.raw`${POINT_MOD}(${MONTH_RE}),?\s+(?:of\s+)?(${YEAR_RE})`),
    build: (m) => {
      const month = monthNumber(m[3]!);
      if (!isCapitalised(m[3]!) || !month) return null;
      return { type: 'DATE', meaning: { kind: 'fixed', value: `${m[4]}-${pad2(month)}` }, mod: modOf(m[1] ?? m[2]) };
    },
  },
  {
    // "July last year", "March of next year": the month of the year the words name.
    name: 'month-relative-year',
    needs: needs(String.raw`(?:last|this|next)\s+year`),
    re: rx(String.raw`${POINT_MOD}(${MONTH_RE})\s*(${DAY_NUM_RE})?,?\s+(?:of\s+)?(last|this|next)\s+year`),
    build: (m) => {
      const month = monthNumber(m[3]!);
      if (!isCapitalised(m[3]!) || !month) return null;
      const day = m[4] ? dayNumber(m[4]) : undefined;
      return { type: 'DATE', meaning: { kind: 'yearless', month, day, yearShift: relativeN(m[5]!) }, mod: modOf(m[1] ?? m[2]) };
    },
  },
  {
    name: 'month-alone',
    re: rx(String.raw`(?:(last|next|this|early|late|mid)[- ]?\s*|the\s+(beginning|start|middle|end)\s+of\s+)?(January|February|March|April|May|June|July|August|September|October|November|December|Sept?\.|Oct\.|Nov\.|Dec\.|Jan\.|Feb\.|Aug\.)`),
    build: (m, text) => {
      const word = m[3]!;
      if (!isCapitalised(word)) return null;
      const month = monthNumber(word);
      const modifier = lower(m[1]);
      // "May" is mostly the verb: take it only with a modifier or a preposition of time before it.
      if (word === 'May' && !modifier && !m[2] && !/\b(?:in|since|by|until|till|through|from|of|during|before|after|to|early|late)\s+$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) return null;
      const shift = modifier === 'last' ? -1 : modifier === 'next' ? 1 : modifier === 'this' ? 0 : undefined;
      return { type: 'DATE', meaning: { kind: 'yearless', month, shift }, mod: modOf(modifier || m[2]) };
    },
  },
  {
    name: 'year',
    re: rx(String.raw`(?:(fiscal|calendar|early|mid|late)[- ]?\s*|the\s+(beginning|start|middle|end)\s+of\s+|the\s+year\s+)?(${YEAR_RE})(?:/(\d{2}))?`),
    build: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 2), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      // "1,990 to 2,100 jobs" is a count; "between 1985 and 1987", "from 1991 to 1997" are two years.
      const rangeOfYears = /^\s+(?:to|and|or)\s+(?:1[5-9]\d\d|20\d\d)(?![\d%]|[,.]\d)/.test(after) && !COUNT_NOUN.test(after.replace(/^\s+(?:to|and|or)\s+\d{4}/, ''));
      if (/[$£€#,.\d]\s?$/.test(before) || /^(?:[.,]\d|%|-\d|:\d|\s*(?:a\.m|p\.m))/i.test(after) || (/^\s+(?:to|and|or)\s+\d/.test(after) && !rangeOfYears) || COUNT_NOUN.test(after)) return null;
      return { type: 'DATE', meaning: { kind: 'fixed', value: m[3]! }, mod: modOf(m[1] ?? m[2]) };
    },
  },
  {
    // Years said aloud, as transcripts print them: "nineteen ninety-six", "the year two thousand".
    name: 'year-words',
    needs: needs(String.raw`nineteen|eighteen|two thousand`),
    re: rx(String.raw`(?:the\s+year\s+)?(eighteen|nineteen)[- ](${TENS_WORDS})(?:[- ](${UNIT_WORDS}))?|the\s+year\s+two\s+thousand(?:\s+and)?(?:[- ](${UNIT_WORDS}|${TEEN_WORDS}))?`),
    build: (m, text) => {
      if (COUNT_NOUN.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) return null;
      const year = m[1]
        ? (lower(m[1]) === 'eighteen' ? 1800 : 1900) + (countValue(m[2]!) ?? 0) + (m[3] ? countValue(m[3]) ?? 0 : 0)
        : 2000 + (m[4] ? countValue(m[4]) ?? 0 : 0);
      return { type: 'DATE', meaning: { kind: 'fixed', value: String(year) } };
    },
  },
  {
    name: 'decade',
    re: rx(String.raw`(?:the\s+)?(?:(early|mid|late)[- ]?\s*)?(?:(1[89]\d|20\d)0|'(\d)0|(\d)0)'?s`),
    build: (m) => {
      const mod = modOf(m[1]);
      if (m[2]) return m[2].endsWith('0') && m[0].includes('00s') ? null : { type: 'DATE', meaning: { kind: 'fixed', value: `${m[2]}X` }, mod };
      const digit = m[3] ?? m[4]!;
      if (!m[3] && !/^the\s/i.test(m[0])) return null; // bare "90s" is an age or a temperature
      const century = Number(digit) <= 2 ? '20' : '19';
      return { type: 'DATE', meaning: { kind: 'fixed', value: `${century}${digit}X` }, mod };
    },
  },
  {
    name: 'decade-words',
    re: rx(String.raw`the\s+(?:(early|mid|late)[- ]?\s*)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)`),
    build: (m) => {
      const digit = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(lower(m[2])) + 2;
      return { type: 'DATE', meaning: { kind: 'fixed', value: `19${digit}X` }, mod: modOf(m[1]) };
    },
  },
  {
    name: 'century',
    re: rx(String.raw`(?:the\s+)?(?:(early|mid|late)[- ]?\s*)?(\d{1,2}(?:st|nd|rd|th)|${Object.keys(ORDINALS).filter((w) => /^[a-z-]+$/.test(w)).join('|')})[- ]century`),
    build: (m) => {
      const n = ordinalValue(m[2]!);
      if (!n || n > 22) return null;
      return { type: 'DATE', meaning: { kind: 'fixed', value: pad2(n - 1) }, mod: modOf(m[1]) };
    },
  },
  // --- Quarters, halves, seasons ------------------------------------------------------
  {
    name: 'quarter',
    needs: needs('quarter'),
    re: rx(String.raw`(?:the\s+)?(?:(${YEAR_RE})\s+|(this|last|next)\s+year's\s+)?(?:fiscal\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter(?:\s+of\s+(?:fiscal\s+)?(${YEAR_RE})|,?\s+(${YEAR_RE})|\s+of\s+(this|last|next)\s+year)?`),
    build: (m) => {
      const q = ordinalValue(m[3]!)!;
      const year = m[1] ?? m[4] ?? m[5];
      if (year) return { type: 'DATE', meaning: { kind: 'fixed', value: `${year}-Q${q}` } };
      const rel = m[2] ?? m[6];
      return { type: 'DATE', meaning: { kind: 'quarter', q, yearShift: rel ? relativeN(rel) : undefined } };
    },
  },
  {
    name: 'q-quarter',
    re: rx(String.raw`Q([1-4])(?:\s+|-|/)?(${YEAR_RE})?`),
    build: (m) => m[2]
      ? { type: 'DATE', meaning: { kind: 'fixed', value: `${m[2]}-Q${m[1]}` } }
      : { type: 'DATE', meaning: { kind: 'quarter', q: Number(m[1]) } },
  },
  {
    name: 'half-year',
    re: rx(String.raw`the\s+(first|second|last|latter)\s+half(?:\s+of\s+(?:(${YEAR_RE})|(this|last|next)\s+year|the\s+year))?`),
    build: (m) => {
      const h = lower(m[1]) === 'first' ? 1 : 2;
      if (m[2]) return { type: 'DATE', meaning: { kind: 'fixed', value: `${m[2]}-H${h}` } };
      if (!m[0].includes(' of ')) return null; // "the second half" of a match or a film
      return { type: 'DATE', meaning: { kind: 'quarter', q: h, half: true, yearShift: m[3] ? relativeN(m[3]) : undefined } };
    },
  },
  {
    name: 'season',
    re: rx(String.raw`(?:(this|last|next|early|late|the|mid)[- ]?\s*)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(${YEAR_RE}))?`),
    build: (m, text) => {
      const season: Season = ({ spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' } as const)[lower(m[2]) as 'spring']!;
      const modifier = lower(m[1]);
      if (m[3]) return { type: 'DATE', meaning: { kind: 'fixed', value: `${m[3]}-${season}` }, mod: modOf(modifier) };
      const prep = /\b(?:in|during|by|since|until|through|this|over)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index));
      if (!modifier && !prep) return null;
      if (modifier === 'the' && !prep) return null; // "the fall of the regime"
      if (/^\s+of\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return null;
      const shift = modifier === 'last' ? -1 : modifier === 'next' ? 1 : modifier === 'this' ? 0 : undefined;
      return { type: 'DATE', meaning: { kind: 'season', season, shift }, mod: modOf(modifier) };
    },
  },
  {
    name: 'relative-quarter',
    re: rx(String.raw`(?:the\s+)?(current|last|past|previous|this|next|coming)\s+(?:fiscal\s+)?quarter`),
    build: (m) => {
      const w = lower(m[1]);
      const n = w === 'current' || w === 'this' ? 0 : relativeN(w);
      return { type: 'DATE', meaning: { kind: 'shift', grain: 'quarter', n, base: 'reference' } };
    },
  },
  {
    // Earnings reports speak of "the quarter" they report, and compare it with the one a year before.
    name: 'reported-quarter',
    re: rx(String.raw`(?:the\s+)?(?:comparable\s+|same\s+|corresponding\s+)?(?:(latest|year-ago|year-earlier)\s+)?(?:fiscal\s+)?(quarter|period)(?:\s+(a\s+year\s+(?:ago|earlier)|last\s+year))?|year-(?:ago|earlier)`),
    build: (m) => {
      const lead = lower(m[1]);
      if (/^year-/i.test(m[0])) return { type: 'DATE', meaning: { kind: 'reported-quarter', yearsBack: 1 } };
      if (!/^the\s/i.test(m[0])) return null;
      if (lower(m[2]) === 'period' && !lead) return null; // "the period" alone names no quarter
      const yearsBack = lead.startsWith('year-') || m[3] ? 1 : 0;
      return { type: 'DATE', meaning: { kind: 'reported-quarter', yearsBack } };
    },
  },
  // --- Relative to the publication date ----------------------------------------------
  {
    name: 'deictic-day',
    re: rx(String.raw`(?:(early|late)\s+)?(today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+${PART_RE})?`),
    build: (m) => {
      const w = lower(m[2]).replace(/\s+/g, ' ');
      const n = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : w === 'the day before yesterday' ? -2 : w === 'the day after tomorrow' ? 2 : 0;
      const part = m[3] ? DAY_PART_WORDS[lower(m[3])] : undefined;
      return { type: part ? 'TIME' : 'DATE', meaning: { kind: 'shift', grain: 'day', n, base: 'reference', part }, mod: modOf(m[1]) };
    },
  },
  {
    name: 'this-part-of-day',
    re: rx(String.raw`(this|last)\s+${PART_RE}`),
    build: (m) => {
      const part = DAY_PART_WORDS[lower(m[2])]!;
      const n = lower(m[1]) === 'last' ? (part === 'TNI' ? -1 : -1) : 0;
      return { type: 'TIME', meaning: { kind: 'shift', grain: 'day', n, base: 'reference', part } };
    },
  },
  {
    name: 'this-unit',
    re: rx(String.raw`(?:(earlier|later|early|late)\s+)?(this|last|next|past|coming|current)\s+(?:fiscal\s+)?(week|weekend|month|year|decade|century)`),
    build: (m) => {
      const unit = lower(m[3]) as Unit;
      const n = relativeN(m[2]!);
      const mod = modOf(m[1]);
      if ((unit === 'decade' || unit === 'century') && n === -1) return { type: 'DURATION', meaning: { kind: 'fixed', value: durationValue(1, unit) } };
      return { type: 'DATE', meaning: { kind: 'shift', grain: grainOf(unit), n, base: 'reference', weekend: unit === 'weekend' }, mod };
    },
  },
  {
    // "the year" the text is in: "for the year", "earlier in the year", "the rest of the year"; a
    // reported year ("the year ended Sept. 30") is a year's length, as TimeML annotates it (measured).
    name: 'the-year',
    needs: needs(String.raw`the\s+(?:full\s+|whole\s+|entire\s+|fiscal\s+)?year`),
    re: rx(String.raw`the\s+(?:full\s+|whole\s+|entire\s+|fiscal\s+)?year`),
    build: (m, text) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      if (/^\s+(?:ended|ending)\b/i.test(after)) return { type: 'DURATION', meaning: { kind: 'fixed', value: 'P1Y' } };
      if (/^(?:-|['’]s|\s+(?:before|after|earlier|ago|later|in\s+which|when|that|which|of|\d|two|nineteen|eighteen|to\s+date))/i.test(after)) return null;
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      const anchored = /\b(?:for|in|during|through|throughout|into)\s+$/i.test(before)
        || /\b(?:months?|weeks?|days?|half|part|rest|end|start|beginning|middle|remainder|balance|course|close|turn)\s+of\s+$/i.test(before);
      return anchored ? { type: 'DATE', meaning: { kind: 'shift', grain: 'year', n: 0, base: 'reference' } } : null;
    },
  },
  {
    name: 'the-weekend',
    re: rx(String.raw`the\s+(?:past\s+|previous\s+)?weekend`),
    build: (m) => ({ type: 'DATE', meaning: { kind: 'shift', grain: 'week', n: /past|previous/i.test(m[0]) ? -1 : 0, base: 'reference', weekend: true } }),
  },
  {
    name: 'the-past-unit',
    re: rx(String.raw`the\s+(past|last|coming|current)\s+(week|month|year|decade|century)`),
    build: (m) => {
      const unit = lower(m[2]) as Unit;
      const n = relativeN(m[1]!);
      if (unit === 'decade' || unit === 'century') return { type: 'DURATION', meaning: { kind: 'fixed', value: durationValue(1, unit) } };
      return { type: 'DATE', meaning: { kind: 'shift', grain: grainOf(unit), n, base: 'reference' } };
    },
  },
  {
    name: 'ago',
    needs: needs(String.raw`(?:${UNIT_RE})\s+(?:ago|from now|hence)`),
    re: rx(String.raw`(?:(about|around|nearly|almost|roughly|more than|less than|over|some|just|only)\s+)?(${COUNT_RE})\s+(${UNIT_RE})\s+(ago|from now|hence)`),
    build: (m) => {
      const n = countValue(m[2]!);
      const unit = unitOf(m[3]!);
      if (unit === 'hour' || unit === 'minute' || unit === 'second') return null;
      const sign = lower(m[4]) === 'ago' ? -1 : 1;
      // "several years ago": some time back, no date to give.
      if (n === null) return { type: 'DATE', meaning: { kind: 'fixed', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' } };
      return { type: 'DATE', meaning: { kind: 'shift', grain: grainOf(unit), n: sign * n, base: 'reference', comparison: true }, mod: modOf(m[1]) };
    },
  },
  // --- Relative to a date the text gave before -------------------------------------------
  {
    name: 'later',
    needs: needs(String.raw`(?:${UNIT_RE})\s+(?:later|earlier|after|before|afterwards?|on)`),
    re: rx(String.raw`(?:(about|around|nearly|almost|roughly|more than|less than|over|some|just|only)\s+)?(${COUNT_RE})\s+(${UNIT_RE})\s+(later|earlier|after|before|afterwards?|on)(?!\s+(?:the|a|an|his|her|their|its|this|that)\b)`),
    build: (m) => {
      const n = countValue(m[2]!);
      const unit = unitOf(m[3]!);
      if (unit === 'hour' || unit === 'minute' || unit === 'second') return null;
      const sign = /^(earlier|before)$/i.test(m[4]!) ? -1 : 1;
      // "a few days later": no day to give, only how long after (TimeML marks the amount).
      if (n === null) return { type: 'DURATION', meaning: { kind: 'fixed', value: durationValue(null, unit) } };
      return { type: 'DATE', meaning: { kind: 'shift', grain: grainOf(unit), n: sign * n, base: 'previous', comparison: true }, mod: modOf(m[1]) };
    },
  },
  {
    name: 'the-following-unit',
    re: rx(String.raw`the\s+(following|next|previous|preceding|prior)\s+(day|morning|afternoon|evening|night|week|weekend|month|year)`),
    build: (m) => {
      const word = lower(m[2]);
      const part = DAY_PART_WORDS[word];
      const unit: Unit = part ? 'day' : (word as Unit);
      const n = lower(m[1]) === 'prior' ? -1 : relativeN(m[1]!);
      return { type: part ? 'TIME' : 'DATE', meaning: { kind: 'shift', grain: grainOf(unit), n, base: 'previous', part, weekend: unit === 'weekend' } };
    },
  },
  {
    name: 'the-unit-before',
    re: rx(String.raw`the\s+(day|week|month|year)\s+(before|after|earlier)(?!\s+(?:the|a|an|his|her|their|its|this|that|\p{Lu}))`),
    build: (m) => ({
      type: 'DATE',
      meaning: { kind: 'shift', grain: grainOf(lower(m[1]) as Unit), n: lower(m[2]) === 'after' ? 1 : -1, base: 'previous' },
    }),
  },
  {
    name: 'same-day',
    re: rx(String.raw`(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(day|morning|afternoon|evening|night|week|month|year)`),
    build: (m) => {
      const word = lower(m[1]);
      const part = DAY_PART_WORDS[word];
      const unit: Unit = part ? 'day' : (word as Unit);
      return { type: part ? 'TIME' : 'DATE', meaning: { kind: 'shift', grain: grainOf(unit), n: 0, base: 'previous', part } };
    },
  },
  // --- Days of the week ---------------------------------------------------------------
  {
    name: 'weekday',
    re: rx(String.raw`(?:(last|next|this|early|late|coming)\s+)?(${WEEKDAY_RE})(s)?(?:\s+${PART_RE}(s)?)?`),
    build: (m) => {
      if (!isCapitalised(m[2]!)) return null;
      const w = lower(m[1]);
      // "Mondays", "Tuesday nights": every such day.
      if ((m[3] || m[5]) && !w) return { type: 'SET', meaning: { kind: 'fixed', value: `XXXX-WXX-${WEEKDAYS[lower(m[2])] || 7}${m[4] ? DAY_PART_WORDS[lower(m[4])] : ''}` } };
      if (m[3]) return null;
      const shift = w === 'last' ? -1 : w === 'next' || w === 'coming' ? 1 : w === 'this' ? 0 : undefined;
      const part = m[4] ? DAY_PART_WORDS[lower(m[4])] : undefined;
      return { type: part ? 'TIME' : 'DATE', meaning: { kind: 'weekday', weekday: WEEKDAYS[lower(m[2])]!, shift, part }, mod: modOf(w) };
    },
  },
  // --- Clock times ----------------------------------------------------------------------
  {
    name: 'clock',
    re: rx(String.raw`(?:(\d{1,2})(?:[:.]([0-5]\d))?\s*(a\.m\.?|p\.m\.?|am|pm)|(\d{1,2}):([0-5]\d)|(noon|midnight|midday))(?:\s+(?:local\s+time|GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET))?`),
    build: (m) => {
      let hour: number;
      let minute = 0;
      if (m[6]) hour = lower(m[6]) === 'midnight' ? 0 : 12;
      else if (m[3]) {
        // "13:30 p.m.": a 24-hour clock with a redundant marker.
        hour = Number(m[1]) > 12 ? Number(m[1]) : Number(m[1]) % 12 + (lower(m[3]).startsWith('p') ? 12 : 0);
        minute = m[2] ? Number(m[2]) : 0;
        if (hour > 23 || (Number(m[1]) > 12 && !m[2])) return null;
      } else {
        hour = Number(m[4]);
        minute = Number(m[5]);
        if (hour > 23) return null;
      }
      return { type: 'TIME', meaning: { kind: 'clock', hour, minute } };
    },
  },
  {
    // "4 in the morning", "eight in the evening".
    name: 'clock-words',
    needs: needs(String.raw`in\s+the\s+(?:morning|afternoon|evening)`),
    re: rx(String.raw`(\d{1,2}|${CLOCK_WORDS})(?:\s+o'clock)?\s+in\s+the\s+(morning|afternoon|evening)`),
    build: (m) => {
      const h = /^\d/.test(m[1]!) ? Number(m[1]) : countValue(m[1]!) ?? 0;
      if (h < 1 || h > 12) return null;
      return { type: 'TIME', meaning: { kind: 'clock', hour: lower(m[2]) === 'morning' ? h % 12 : (h % 12) + 12, minute: 0 } };
    },
  },
  // --- Holidays ---------------------------------------------------------------------------
  {
    name: 'holiday',
    re: rx(String.raw`(Christmas|New\s+Year's)(?:\s+(Day|Eve))?(?:,?\s+(${YEAR_RE}))?`),
    build: (m) => {
      const eve = lower(m[2]) === 'eve';
      const christmas = lower(m[1]) === 'christmas';
      const [month, day] = christmas ? [12, eve ? 24 : 25] : eve ? [12, 31] : [1, 1];
      if (!christmas && !m[2]) return null; // "New Year's resolutions"
      if (m[3]) return { type: 'DATE', meaning: { kind: 'fixed', value: `${m[3]}-${pad2(month)}-${pad2(day)}` } };
      return { type: 'DATE', meaning: { kind: 'yearless', month, day } };
    },
  },
  {
    // Holidays on the nth weekday of a month: "Thanksgiving", "Labor Day", "last Thanksgiving".
    name: 'movable-holiday',
    needs: needs(String.raw`Thanksgiving|Labor\s+Day|Labour\s+Day|Memorial\s+Day|Election\s+Day`),
    re: rx(String.raw`(?:(last|next|this)\s+)?(Thanksgiving(?:\s+Day)?|Labou?r\s+Day|Memorial\s+Day|Election\s+Day)(?:,?\s+(${YEAR_RE}))?`),
    build: (m) => {
      const name = lower(m[2]).replace(/\s+/g, ' ');
      const rule = MOVABLE_HOLIDAYS[name.startsWith('thanksgiving') ? 'thanksgiving' : name.replace('labour', 'labor')];
      if (!rule || !/^\p{Lu}/u.test(m[2]!)) return null;
      if (m[3]) return { type: 'DATE', meaning: { kind: 'fixed', value: nthWeekdayOf(Number(m[3]), rule) } };
      const shift = m[1] ? (lower(m[1]) === 'this' ? 0 : relativeN(m[1])) : undefined;
      return { type: 'DATE', meaning: { kind: 'holiday', rule, shift } };
    },
  },
  // --- Present, past, future --------------------------------------------------------------
  {
    name: 'present-ref',
    re: rx(String.raw`now|currently|nowadays|at\s+present|presently|these\s+days|right\s+now|at\s+the\s+moment|current`),
    build: (m, text) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 14);
      if (/^current$/i.test(m[0]) && /^\s+(?:account|affairs|events|president|leader|minister|government|administration|law|system|version)/i.test(after)) return null;
      if (/^now$/i.test(m[0]) && /^\s+that\b/i.test(after)) return null;
      return { type: 'DATE', meaning: { kind: 'fixed', value: 'PRESENT_REF' } };
    },
  },
  {
    name: 'past-ref',
    // "previously", "formerly" and the adjective "recent" are mostly not annotated in TimeML gold (measured).
    re: rx(String.raw`recently|lately|the\s+past|recent\s+(?:years|months|weeks|days|decades|times)`),
    build: (m, text) => {
      // "in recent years" is a stretch of unstated length, as TimeML annotates it (PXY; measured).
      const span = /^recent\s+(years|months|weeks|days|decades)$/i.exec(m[0].replace(/\s+/g, ' '));
      if (span) return { type: 'DURATION', meaning: { kind: 'fixed', value: durationValue(null, unitOf(span[1]!)) } };
      if (/^the\s+past$/i.test(m[0]) && /^\s+(?:\d|[a-z]+\s+(?:days|weeks|months|years)|few|several)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) return null;
      return { type: 'DATE', meaning: { kind: 'fixed', value: 'PAST_REF' } };
    },
  },
  {
    name: 'future-ref',
    // Bare "soon" and the adjective "future" are mostly not annotated (measured).
    re: rx(String.raw`the\s+(?:near\s+|distant\s+)?future|the\s+coming\s+(?:years|months|decades)`),
    build: () => ({ type: 'DATE', meaning: { kind: 'fixed', value: 'FUTURE_REF' } }),
  },
  // --- Durations and sets -----------------------------------------------------------------
  {
    name: 'duration',
    re: rx(String.raw`(?:(about|around|nearly|almost|roughly|approximately|more\s+than|less\s+than|at\s+least|at\s+most|up\s+to|over|under|some|just|only|fewer\s+than)\s+)?(?:the\s+(?:past|last|next|first|previous|coming|final|following|ensuing|preceding|latest)\s+)?(${COUNT_RE})(\s+1/2|½)?[- ](?:more\s+|full\s+|straight\s+|consecutive\s+)?(${UNIT_RE})(\s+and\s+a\s+half)?(?:[- ](?:long|old))?`),
    build: (m, text) => {
      const unit = unitOf(m[4]!);
      const count = lower(m[2]);
      const half = m[3] !== undefined || m[5] !== undefined;
      // Ages ("a 6-year-old boy", "52 years old") are not time expressions in TimeML.
      if (/[- ]old$/i.test(m[0]) || /^[- ]olds?\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) return null;
      // "a quarter" is mostly a fraction ("a quarter of the vote"), "a second" an ordinal.
      if ((count === 'a' || count === 'an') && NOT_DURATION_WITH_ARTICLE.has(unit) && !half) return null;
      // A rate, not a duration: "$500 million a year", "four flights a week", "24 hours a day".
      if ((count === 'a' || count === 'an') && !m[1] && !half && RATE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return null;
      const n = countValue(m[2]!);
      const value = half && n !== null ? halfDurationValue(n, unit) : durationValue(n, unit);
      return { type: 'DURATION', meaning: { kind: 'fixed', value }, mod: modOf(m[1]?.replace(/\s+/g, ' ')) };
    },
  },
  {
    name: 'bare-plural-duration',
    re: rx(String.raw`(?:(?<=\b(?:for|over|in|within|after|took|spent|lasted|lasting|last)\s+)(years|months|weeks|days|hours|minutes)|decades|centuries)`),
    build: (m) => ({ type: 'DURATION', meaning: { kind: 'fixed', value: durationValue(null, unitOf(m[0])) } }),
  },
  {
    name: 'set-every',
    re: rx(String.raw`(?:every|each)\s+(?:other\s+)?(?:(${COUNT_RE})\s+)?(${UNIT_RE}|${WEEKDAY_RE})`),
    build: (m) => {
      const word = lower(m[2]);
      if (WEEKDAYS[word] !== undefined) return { type: 'SET', meaning: { kind: 'fixed', value: `XXXX-WXX-${WEEKDAYS[word] || 7}` } };
      const n = m[1] ? countValue(m[1]) : /other/i.test(m[0]) ? 2 : 1;
      return { type: 'SET', meaning: { kind: 'fixed', value: durationValue(n, unitOf(word)) } };
    },
  },
  {
    name: 'set-per',
    needs: needs(String.raw`(?:a|per)\s+(?:day|week|month|year|hour)`),
    re: rx(String.raw`(?:(?:once|twice|\w+\s+times)\s+)?(?:a|per)\s+(day|week|month|year|hour)`),
    build: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      if (!/^(?:once|twice|\w+\s+times)/i.test(m[0]) && !/^per/i.test(m[0]) && !/(?:\d%?|percent|dollars|cents|euros)\s*$/i.test(before)) return null;
      return { type: 'SET', meaning: { kind: 'fixed', value: durationValue(1, unitOf(m[1]!)) } };
    },
  },
  {
    name: 'set-adverb',
    re: rx(String.raw`daily|weekly|monthly|yearly|hourly|nightly`),
    build: (m) => {
      const unit = ({ daily: 'day', weekly: 'week', monthly: 'month', annually: 'year', yearly: 'year', hourly: 'hour', nightly: 'day' } as const)[lower(m[0]) as 'daily'];
      return { type: 'SET', meaning: { kind: 'fixed', value: durationValue(1, unit) } };
    },
  },
];

const rulePriority = new Map(RULES.map((r, i) => [r, i]));

/** All rule matches in the text, overlapping ones included. */
export function matchRules(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    if (rule.needs && !rule.needs.test(text)) continue;
    rule.re.lastIndex = 0;
    for (let m = execAtWordStart(rule.re, text); m; m = execAtWordStart(rule.re, text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const built = rule.build(m, text);
      if (built) out.push({ ...built, start: m.index, end: m.index + m[0].length, priority: rulePriority.get(rule)! });
    }
  }
  return out;
}

/** Keep the longest of overlapping matches (earlier rule on ties), in text order. */
export function selectLongest(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  // Taken matches do not overlap, so kept in text order only the neighbours of a candidate can overlap it.
  const taken: Candidate[] = [];
  for (const c of sorted) {
    const at = firstStartingFrom(taken, c.start);
    if (taken[at] && taken[at]!.start < c.end) continue;
    if (at > 0 && taken[at - 1]!.end > c.start) continue;
    taken.splice(at, 0, c);
  }
  return taken;
}
