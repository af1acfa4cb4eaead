import { SpanIndex, type Span, type Stage, type StageContext, type DocWith } from '../../core/index.js';
import type { EntityMention } from '../entities/index.js';
import type { Timex } from '../times/index.js';
import type { Quote } from '../quotes/index.js';
import type { Token } from '../tokens/index.js';
import { ACTION_TAXONOMY, type ActionClass } from './taxonomy.js';
import { isPastTense } from './tense.js';
import { matchAllAtWordStart } from '../shared/word-start.js';

export { ACTION_TAXONOMY, type ActionClass, type ActionDefinition } from './taxonomy.js';

/** Something a sentence reports as happening; the span is the evidence sentence. */
export interface Event extends Span {
  readonly action: ActionClass;
  readonly trigger: Span;
  /** In-article entity id of who acted, when the sentence names them. */
  readonly actor?: string;
  /** In-article entity id of whom or what the action is directed at. */
  readonly target?: string;
  /** ISO date at the precision known, or null. */
  readonly date: string | null;
  /** Where the date came from: a time expression in the sentence, or the publication date for present-tense reporting. */
  readonly dateFrom?: 'time' | 'publication';
  /** The time expression the date was read from, when it came from one. */
  readonly time?: Span;
}

declare module '../../core/layers.js' {
  interface LayerMap { events: Event[] }
}

const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE']);

/** Prepositions that put a name in a modifier ("the talks in Tarnby", "a message to Kell"), not in the subject; "by" is left out because it marks the agent of a passive. */
const NON_AGENT_PREPOSITIONS = /(?:^|\s)(?:in|into|on|at|to|from|with|of|for|about|against|toward|towards|between|among|under|over|across|through|without|amid|despite|regarding|after|before|during|near|like)\s*$/i;

interface CompiledAction { action: ActionClass; pattern: RegExp }

/**
 * Triggers compiled once: whole words, case-insensitive, every occurrence. The
 * word-start lookbehind is tested on each match (see `matchAllAtWordStart`: the same matches, faster).
 */
const COMPILED: CompiledAction[] = ACTION_TAXONOMY.map((d) => ({
  action: d.action,
  pattern: new RegExp(`(?:${d.triggers.join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
}));

/** The token holding character `at` (tokens are in text order and do not overlap: a binary search). */
function tokenAt(tokens: readonly Token[], at: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (at < t.start) hi = mid - 1;
    else if (at >= t.end) lo = mid + 1;
    else return t;
  }
  return undefined;
}

interface Hit { action: ActionClass; trigger: Span; rank: number }

/**
 * Every trigger in the sentence, with the rank of its class in the taxonomy (lower = more specific).
 * A trigger inside a name ("United States") or tagged as a proper noun is not an action.
 */
function findTriggers(text: string, sentence: Span, mentions: readonly EntityMention[], tokens: readonly Token[]): Hit[] {
  const slice = text.slice(sentence.start, sentence.end);
  const hits: Hit[] = [];
  COMPILED.forEach(({ action, pattern }, rank) => {
    for (const m of matchAllAtWordStart(pattern, slice)) {
      const trigger = { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length };
      if (mentions.some((e) => e.start < trigger.end && trigger.start < e.end)) continue;
      const token = tokenAt(tokens, trigger.start);
      if (token?.pos === 'PROPN') continue;
      if (hits.some((h) => h.trigger.start < trigger.end && trigger.start < h.trigger.end)) continue;
      hits.push({ action, trigger, rank });
    }
  });
  return hits.sort((a, b) => a.trigger.start - b.trigger.start);
}

/** Date values precise enough to place an event (not durations, not vague references). */
export function isDateValue(value: string | null | undefined): value is string {
  return value != null && /^\d{3}[\dX](-(\d{2}|W\d{2}|Q\d|[A-Z]{2}))?(-\d{2})?(T[\d:]+)?$/.test(value);
}

function datedTimes(times: readonly Timex[], sentence: Span): Timex[] {
  return times.filter((t) => t.start >= sentence.start && t.end <= sentence.end && t.type !== 'DURATION' && t.type !== 'SET' && isDateValue(t.value));
}

const gap = (a: Span, b: Span): number => (a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0);

/** A trigger across clause punctuation from the date counts as this much further away: "X met Y on 4 May, and Z agreed …". */
const CLAUSE_PENALTY = 1000;

/** The trigger nearest a time expression, preferring one in the same clause. */
function nearestTrigger(text: string, hits: readonly Hit[], time: Span): Hit | undefined {
  const cost = (h: Hit): number => {
    const between = h.trigger.end <= time.start ? text.slice(h.trigger.end, time.start) : text.slice(time.end, h.trigger.start);
    return gap(h.trigger, time) + (/[,;:—–]/.test(between) ? CLAUSE_PENALTY : 0);
  };
  let best: Hit | undefined;
  for (const h of hits) {
    if (!best || cost(h) < cost(best)) best = h;
  }
  return best;
}

/** A mention that is a possessor ("Brandt’s message") or inside a prepositional phrase is not who acted. */
function isSubjectLike(text: string, m: EntityMention, sentence: Span): boolean {
  if (/^[’']s\b/.test(text.slice(m.end, m.end + 3))) return false;
  const before = text.slice(Math.max(sentence.start, m.start - 40), m.start);
  // "the Veskarian mission to the United Nations": skip the name after the preposition
  const lead = before.replace(/(?:\s+(?:the|a|an|its|his|her|their|and|\p{Lu}[\p{L}.’'-]*))*\s*$/u, '');
  return !NON_AGENT_PREPOSITIONS.test(lead);
}

function pickActor(text: string, mentions: readonly EntityMention[], sentence: Span, trigger: Span, quotes: readonly Quote[]): string | undefined {
  const quote = quotes.find((q) => q.speaker && q.start < sentence.end && q.end > sentence.start);
  if (quote?.speaker) return quote.speaker;
  const before = mentions.filter((m) => m.start >= sentence.start && m.end <= trigger.start && ACTOR_TYPES.has(m.type));
  const subjects = before.filter((m) => isSubjectLike(text, m, sentence));
  if (subjects.length) return subjects[subjects.length - 1]!.entity;
  if (before.length) return before[before.length - 1]!.entity;
  const after = mentions.find((m) => m.start >= trigger.end && m.end <= sentence.end && ACTOR_TYPES.has(m.type));
  return after?.entity;
}

function pickTarget(mentions: readonly EntityMention[], sentence: Span, trigger: Span, actor: string | undefined): string | undefined {
  return mentions.find((m) => m.start >= trigger.end && m.end <= sentence.end && m.entity !== actor && ACTOR_TYPES.has(m.type))?.entity;
}

export interface EventOptions {
  /** Give present-tense reports the publication date (news convention: "X says" happened on the day of the article). */
  readonly datePresentTenseByPublication?: boolean;
}

interface EventLayers {
  sentences: readonly Span[];
  entities: readonly EntityMention[];
  times: readonly Timex[];
  quotes?: readonly Quote[];
  tokens?: readonly Token[];
}

/**
 * Find events sentence by sentence. A sentence with dated time expressions gives one event
 * per date, each with the action trigger nearest to it ("X said on March 8 … Y affirmed the
 * following day" is two events); a sentence without one gives one event for its most specific
 * trigger, dated by the publication date when the report is in the present tense. The actor is
 * the speaker of a quote in the sentence, else the last name before the trigger that is not a
 * possessor or inside a prepositional phrase.
 */
export function findEvents(text: string, layers: EventLayers, options: EventOptions & { publicationDate?: string | null } = {}): Event[] {
  const events: Event[] = [];
  const byPublication = options.datePresentTenseByPublication ?? true;
  const tokens = layers.tokens ?? [];
  // Each sentence reads only its own part of the layers (a scan of the whole layer per sentence was quadratic).
  const entityIndex = new SpanIndex(layers.entities);
  const timeIndex = new SpanIndex(layers.times);
  const quoteIndex = new SpanIndex(layers.quotes ?? []);
  for (const sentence of layers.sentences) {
    const mentions = entityIndex.overlapping(sentence);
    const hits = findTriggers(text, sentence, mentions, tokens);
    if (hits.length === 0) continue;
    const quotes = quoteIndex.overlapping(sentence);
    const make = (hit: Hit, date: string | null, dateFrom: Event['dateFrom'], time?: Span): Event => {
      const actor = pickActor(text, mentions, sentence, hit.trigger, quotes);
      return {
        start: sentence.start, end: sentence.end, action: hit.action, trigger: hit.trigger, actor,
        target: pickTarget(mentions, sentence, hit.trigger, actor), date, dateFrom,
        ...(time ? { time: { start: time.start, end: time.end } } : {}),
      };
    };
    const dated = datedTimes(timeIndex.within(sentence), sentence);
    if (dated.length) {
      const seen = new Set<string>();
      for (const time of dated) {
        const hit = nearestTrigger(text, hits, time)!;
        const key = `${hit.trigger.start}:${time.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        events.push(make(hit, time.value!, 'time', time));
      }
      continue;
    }
    const hit = hits.reduce((best, h) => (h.rank < best.rank ? h : best));
    const present = !isPastTense(text.slice(hit.trigger.start, hit.trigger.end));
    if (byPublication && options.publicationDate && present) events.push(make(hit, options.publicationDate.slice(0, 10), 'publication'));
    else events.push(make(hit, null, undefined));
  }
  return events;
}

/** The events stage: needs sentences, entities and times; uses quotes and tokens (parts of speech) when present. */
export function events(options: EventOptions = {}): Stage<'sentences' | 'entities' | 'times', 'events'> {
  return {
    name: 'events',
    requires: ['sentences', 'entities', 'times'],
    provides: ['events'],
    run(doc: DocWith<'sentences' | 'entities' | 'times'>, ctx: StageContext) {
      const publicationDate = doc.meta.published?.value ?? ctx.referenceDate ?? null;
      return {
        events: findEvents(doc.text, {
          sentences: doc.layers.sentences,
          entities: doc.layers.entities,
          times: doc.layers.times,
          quotes: doc.layers.quotes,
          tokens: doc.layers.tokens,
        }, { ...options, publicationDate }),
      };
    },
  };
}
