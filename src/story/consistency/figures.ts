/**
 * What a figure is a figure of, so figures of one quantity can be compared across outlets: its
 * measure (deaths, people missing, a tariff rate, a trade value, or its unit), the places it is
 * about, and how it is stated: a projection ("could reach"), an earlier figure ("previously
 * put"), or a total ("bringing the total to").
 */
import type { Doc, Span } from '../../core/index.js';
import type { StoryContext } from '../types.js';
import { countryOfQualifier } from '../entities/countries.js';
import { clauseAround } from '../timeline/index.js';
import { extractNumbers, type NumberMention } from './numbers.js';

export interface Figure extends NumberMention {
  /** What is counted or measured, as a class ("deaths", "tariff", "trade") or the unit itself. */
  readonly measure: string;
  /** Story entity ids of the places the figure's clause is about. */
  readonly targets: readonly string[];
  readonly projection: boolean;
  readonly earlier: boolean;
  readonly total: boolean;
  /** The clause the figure is in. */
  readonly clause: Span;
}

/** Measures news states in many words: the class a unit or a word of the clause puts a figure in. */
const MEASURE_CLASSES: readonly (readonly [RegExp, string])[] = [
  [/^(?:toll|talli|tally|death|dead|fatal|casualt|victim|kill|die)/, 'deaths'],
  [/^(?:missing|unaccount)/, 'missing'],
  [/^(?:injur|wound)/, 'injured'],
  [/^(?:homeless|displac|evacu)/, 'displaced'],
  [/^(?:tariff|levi|levy|duti|duty)/, 'tariff'],
  [/^(?:import|export|trade|shipment)/, 'trade'],
];
/** Units that count people without saying what happened to them. */
const PEOPLE = /^(?:peopl|person|resid|individu|civilian|inhabit)/;
/** Words of a clause that give a people count or a share its measure. */
const CLASS_WORDS = /\b(dead|died|killed|deaths?|toll|tally|fatalities|casualties|victims|missing|unaccounted|injured|wounded|homeless|displaced|evacuated|tariffs?|levy|levies|duty|duties|imports?|exports?)\b/gi;
/** A figure something may reach, not one it has reached: "could reach 20,000", "the tally could climb to". */
const PROJECTION = /\b(?:could|can|may|might|would|will|expected to|feared to|likely to|set to|projected to|forecast to)\s+(?:\w+\s+){0,2}(?:reach|rise|climb|exceed|top|increase|grow|hit|surpass|jump|soar|double|go up)\w*\b[^.;]{0,25}$/i;
const EARLIER = /\b(?:previously|earlier|initially|at first|had put|first put|before that)\b/i;
const TOTAL = /\b(?:total|in all|overall|combined|cumulative)\b/i;

function classOf(word: string): string | undefined {
  const w = word.toLowerCase();
  return MEASURE_CLASSES.find(([re]) => re.test(w))?.[1];
}

/** The measure of a figure: its unit's class, else (for people, shares and sums of money) the class of the nearest class word of its clause. */
function measureOf(doc: Doc, n: NumberMention, clause: Span): string {
  // A class is kept apart by the kind of figure: a share, a sum of money, a count.
  const kind = n.unit === '%' ? '%' : /^[$€£]/.test(n.unit) ? n.unit.split(' ')[0]! : '';
  const cls = classify(doc, n, clause);
  return CLASSES.has(cls) && kind && !(cls === 'tariff' && kind === '%') ? `${cls}${kind}` : cls;
}

const CLASSES = new Set(MEASURE_CLASSES.map(([, c]) => c));

function classify(doc: Doc, n: NumberMention, clause: Span): string {
  const own = classOf(n.unit.split(' ').pop()!) ?? classOf(n.unit.split(' ')[0]!);
  if (own) return own;
  const last = n.unit.split(' ').pop()!;
  const generic = n.unit === '%' || PEOPLE.test(last) || /^[$€£]/.test(n.unit);
  if (!generic) return n.unit;
  const words = [...doc.text.slice(clause.start, clause.end).matchAll(CLASS_WORDS)];
  // A share is a rate: a tariff word in its sentence names it (before a nearer "imports"); a share of nothing else is a bare "%".
  if (n.unit === '%') return [...doc.text.slice(n.sentence.start, n.sentence.end).matchAll(CLASS_WORDS)].some((w) => classOf(w[1]!) === 'tariff') ? 'tariff' : '%';
  const nearest = words.sort((a, b) => Math.abs(clause.start + a.index - n.span.start) - Math.abs(clause.start + b.index - n.span.start))[0];
  const cls = nearest ? classOf(nearest[1]!) : undefined;
  if (cls) return cls;
  return PEOPLE.test(last) ? 'people' : n.unit;
}

/** The places and bodies a phrase names (entities, and nationalities: "Kellish exports"), as story entity ids. */
function placesOf(ctx: StoryContext, doc: Doc, clause: Span): string[] {
  const out = new Set<string>();
  for (const m of doc.layers.entities ?? []) {
    if (m.start < clause.start || m.end > clause.end || m.type === 'PERSON') continue;
    const id = ctx.entities.resolve(doc.id, m.entity);
    if (id) out.add(id);
  }
  for (const w of doc.text.slice(clause.start, clause.end).match(/\b\p{Lu}\p{Ll}+(?:an|ese|ish|i)\b/gu) ?? []) {
    const code = countryOfQualifier(w);
    const entity = code ? ctx.entities.entities.find((e) => (e.type === 'GPE' || e.type === 'LOC') && countryOfQualifier(e.name) === code) : undefined;
    if (entity) out.add(entity.id);
  }
  return [...out];
}

/** The figures of an article with what they measure, where, and how they are stated. */
export function readFigures(ctx: StoryContext, doc: Doc): Figure[] {
  const numbers = extractNumbers(doc);
  return numbers.map((n) => {
    const clause = clauseAround(doc.text, n.sentence, n.span);
    // A word qualifies the figure it stands next to: no other figure, comma or semicolon between them.
    const others = numbers.filter((o) => o !== n && o.sentence.start === n.sentence.start);
    const from = Math.max(clause.start, ...others.filter((o) => o.span.end <= n.span.start).map((o) => o.span.end), clause.start + (doc.text.slice(clause.start, n.span.start).search(/[,;(][^,;(]*$/) + 1 || 0));
    const to = Math.min(clause.end, ...others.filter((o) => o.span.start >= n.span.end).map((o) => o.span.start), n.span.end + (doc.text.slice(n.span.end, clause.end).search(/[,;)]/) + 1 || clause.end - n.span.end + 1) - 1);
    const before = doc.text.slice(from, n.span.start);
    const phrase = doc.text.slice(from, Math.max(to, n.span.end));
    return {
      ...n,
      measure: measureOf(doc, n, clause),
      targets: placesOf(ctx, doc, { start: from, end: Math.max(to, n.span.end) }),
      projection: PROJECTION.test(doc.text.slice(clause.start, n.span.start)),
      earlier: EARLIER.test(phrase),
      total: TOTAL.test(before) || /^\s*(?:in total|in all|overall)\b/i.test(doc.text.slice(n.span.end, to)),
      clause,
    };
  });
}
