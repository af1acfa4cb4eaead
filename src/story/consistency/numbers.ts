import type { Doc, Span } from '../../core/index.js';
import { contentWords, fold, sentenceAt, stem } from './text.js';

/** A figure in an article: a number with what it counts or measures. */
export interface NumberMention {
  readonly article: string;
  /** The value as a plain number (millions expanded, percent as the percent value). */
  readonly value: number;
  /** Lowest and highest value the wording allows ("more than 20,000" → [20000, ∞)). */
  readonly low: number;
  readonly high: number;
  /** The figure as written, qualifier included: "more than 20,000". */
  readonly written: string;
  /** What is counted or measured, normalised: "%", "cubic metre per second", "farmer". */
  readonly unit: string;
  /** The figure and its unit as written: "450 cubic metres per second". */
  readonly span: Span;
  readonly sentence: Span;
  /** Content words of the sentence other than the figure and unit, for matching contexts. */
  readonly context: readonly string[];
}

/** Qualifiers and the interval they give around a value. Rounded figures ("about") get ±ROUNDING. */
const QUALIFIERS: ReadonlyArray<{ pattern: RegExp; bounds: (v: number) => [number, number] }> = [
  { pattern: /^(?:more than|over|above|past|in excess of|upwards of|at least|no fewer than|no less than)$/i, bounds: (v) => [v, Infinity] },
  { pattern: /^(?:less than|fewer than|under|below|at most|up to|no more than)$/i, bounds: (v) => [0, v] },
  { pattern: /^(?:about|around|approximately|roughly|some|nearly|almost|close to|an estimated|estimated|just over|just under)$/i, bounds: (v) => [v * (1 - ROUNDING), v * (1 + ROUNDING)] },
];
/** How far a rounded figure ("about 3,000") may be from the exact one and still agree. */
const ROUNDING = 0.1;
/** Figures written exactly still agree within this share (450 vs 452 is rounding, 450 vs 540 is not). */
const EXACT_TOLERANCE = 0.02;

const MULTIPLIERS: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6 };
/** Measurement words that make a figure comparable on their own. */
const UNIT_WORDS = /^(?:per|cubic|square|metres?|meters?|kilometres?|kilometers?|km|miles?|megawatts?|gigawatts?|mw|gw|kilowatts?|barrels?|tonnes?|tons?|litres?|liters?|dollars?|euros?|pounds?|rials?|hectares?|acres?|degrees?|seconds?|hours?|days?|weeks?|months?|years?|people|persons|points?)$/i;

const FIGURE = /(?<qual>(?:more than|over|above|past|in excess of|upwards of|at least|no fewer than|no less than|less than|fewer than|under|below|at most|up to|no more than|about|around|approximately|roughly|some|nearly|almost|close to|an estimated|estimated|just over|just under)\s+)?(?<cur>[$€£]|(?:USD|US\$|EUR|GBP)\s?)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?<mult>thousand|million|billion|trillion|bn)\b)?(?<pct>%|\s*per\s?cent\b|\s*percent\b)?(?<glued>(?:mm|cm|km|kg|mph|km\/h|kmh|ft|lbs?|mw|gw|kw|kwh)\b)?/giu;
/** Units written glued to the figure ("400mm", "5km"), as their words. */
const GLUED_UNITS: Readonly<Record<string, string>> = {
  mm: 'millimeter', cm: 'centimeter', km: 'kilometer', kg: 'kilogram', mph: 'mile per hour', 'km/h': 'kilometer per hour', kmh: 'kilometer per hour',
  ft: 'foot', lb: 'pound', lbs: 'pound', mw: 'megawatt', gw: 'gigawatt', kw: 'kilowatt', kwh: 'kilowatt hour',
};
/** A figure joined by a hyphen to the word after it modifies a noun ("a 78-year-old senator", "a 10-point plan"): no count of its own. */
const COMPOUND_MODIFIER = /^-\p{L}/u;

/** Words that follow a figure and name what it counts: a noun or measurement words, "per X" joined on. */
function unitAfter(text: string, from: number): { unit: string; end: number } | null {
  const re = /\s+([\p{L}-]+)/uy;
  re.lastIndex = from;
  const kept: string[] = [];
  let end = from;
  let m: RegExpExecArray | null;
  while (kept.length < 5 && (m = re.exec(text))) {
    const w = fold(m[1]!);
    const prev = kept[kept.length - 1];
    if (kept.length === 0 && w === 'of') { end = re.lastIndex; continue; }
    // A unit word continues the unit; "per" / "a" after it starts a rate ("per second", "a week").
    const continues = kept.length === 0 || prev === 'per' || w === 'per' || (UNIT_WORDS.test(prev!) && UNIT_WORDS.test(w)) || /^(?:cubic|square)$/.test(prev!);
    if (!continues) break;
    kept.push(w);
    end = re.lastIndex;
  }
  if (kept[kept.length - 1] === 'per') { kept.pop(); }
  if (kept.length === 0) return null;
  const unit = kept.map((w) => (w === 'per' ? w : stem(w.replace(/(met|lit)re(s?)$/, '$1er$2')))).join(' ');
  return { unit, end };
}

/** Whether the word after a point is a noun or adjective as the tagger reads it (true when no tags are there). */
function nounAt(doc: Doc, from: number): boolean {
  const next = (doc.layers.tokens ?? []).find((t) => t.start >= from);
  return !next?.pos || /^(?:NOUN|PROPN|ADJ|NUM|X|SYM)$/.test(next.pos);
}

/** Currency signs and codes read as one unit. */
function currencyOf(written: string): string {
  const w = written.trim().toUpperCase();
  return w === 'USD' || w === 'US$' ? '$' : w === 'EUR' ? '€' : w === 'GBP' ? '£' : w;
}

/** Nouns that name what a figure after them counts or measures ("the death toll … rose to 11,300", "the rate … to 54%"). */
const QUANTITY_NOUN = /\b(toll|tally|deaths|dead|fatalities|casualties|victims|number|figure|count|total|rate|tariffs?|levy|levies|duty|duties|tax|price|cost|value|budget|deficit|debt|growth|inflation|unemployment|turnout|share|population|exports|imports|sales|revenue|spending)\b[^.;]{0,60}$/i;

/** The quantity named before a figure in its sentence, when no unit follows it. */
function quantityBefore(doc: Doc, at: number): string | null {
  const sentence = sentenceAt(doc, at);
  const m = QUANTITY_NOUN.exec(doc.text.slice(sentence.start, at));
  return m ? stem(m[1]!.toLowerCase()) : null;
}

/** Words a bare number is followed by when it is a date, a clock time, a page or a rank, not a figure. */
const NOT_A_FIGURE = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|am|pm|a\.m|p\.m|st|nd|rd|th|and|or|to|per|of|a|an|the|in|on|at|by|for|with|is|was|were|are)$/i;

/**
 * Every figure of an article with its unit: "more than 20,000 farmers", "450 cubic metres per
 * second", "6%", "$2 billion". Years, dates, clock times, footnote markers and numbers inside
 * time expressions are not figures.
 */
export function extractNumbers(doc: Doc): NumberMention[] {
  const times = doc.layers.times ?? [];
  const out: NumberMention[] = [];
  for (const m of doc.text.matchAll(FIGURE)) {
    const g = m.groups!;
    const numStart = m.index + m[0].indexOf(g.num!, g.qual?.length ?? 0);
    const before = doc.text[numStart - 1] ?? ' ';
    // Glued to a word ("withdrawals6", "G7") or a larger token: a footnote or a name.
    if (/[\p{L}\d.]/u.test(before)) continue;
    if (times.some((t) => numStart >= t.start && numStart < t.end)) continue;
    let value = Number(g.num!.replace(/,/g, ''));
    if (g.mult) value *= MULTIPLIERS[g.mult.toLowerCase()]!;
    let unit: string;
    let end = m.index + m[0].length;
    const currency = g.cur ? currencyOf(g.cur) : undefined;
    if (g.pct) unit = '%';
    else if (g.glued) unit = GLUED_UNITS[g.glued.toLowerCase()]!;
    else if (COMPOUND_MODIFIER.test(doc.text.slice(end, end + 2))) continue;
    else {
      const after = unitAfter(doc.text, end);
      const noUnitAfter = !after || NOT_A_FIGURE.test(after.unit.split(' ')[0]!) || !nounAt(doc, end);
      // A bare year-like number ("in 2019 officials") is a date, not a count.
      if (!g.mult && !g.cur && /^\d{4}$/.test(g.num!) && value >= 1800 && value <= 2100) continue;
      if (noUnitAfter) {
        // "$450 billion in exports": the currency is the unit; "the death toll … soared to 11,300": the quantity named before it.
        const named = currency ? null : quantityBefore(doc, m.index);
        if (!currency && !named) continue;
        unit = currency ?? named!;
      } else {
        unit = (currency ? `${currency} ` : '') + after!.unit;
        end = after!.end;
      }
    }
    const qual = g.qual?.trim();
    const q = qual ? QUALIFIERS.find((x) => x.pattern.test(qual)) : undefined;
    const [low, high] = q ? q.bounds(value) : [value * (1 - EXACT_TOLERANCE), value * (1 + EXACT_TOLERANCE)];
    const sentence = sentenceAt(doc, m.index);
    const unitWords = new Set(contentWords(unit));
    const start = m.index;
    const sentenceText = doc.text.slice(sentence.start, start) + ' ' + doc.text.slice(end, sentence.end);
    out.push({
      article: doc.id,
      value,
      low,
      high,
      written: doc.text.slice(start, start + m[0].length).trim(),
      unit,
      span: { start, end },
      sentence,
      context: contentWords(sentenceText).filter((w) => !unitWords.has(w)),
    });
  }
  return out;
}

/** Whether two figures can be the same quantity: overlapping intervals. */
export function agree(a: NumberMention, b: NumberMention): boolean {
  return a.low <= b.high && b.low <= a.high;
}
