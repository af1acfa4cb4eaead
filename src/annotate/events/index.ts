import type { Span, Stage, StageContext, DocWith } from '../../core/index.js';
import type { EntityMention } from '../entities/index.js';
import type { Timex } from '../times/index.js';
import type { Quote } from '../quotes/index.js';
import { ACTION_TAXONOMY, type ActionClass } from './taxonomy.js';
import { isPastTense } from './tense.js';

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
}

declare module '../../core/layers.js' {
  interface LayerMap { events: Event[] }
}

const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE']);

interface CompiledAction { action: ActionClass; pattern: RegExp }

/** Triggers compiled once: word boundaries on both sides, case-insensitive. */
const COMPILED: CompiledAction[] = ACTION_TAXONOMY.map((d) => ({
  action: d.action,
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${d.triggers.join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
}));

/** The first action class whose trigger appears in the sentence, with the trigger's span. */
function classify(text: string, sentence: Span): { action: ActionClass; trigger: Span } | null {
  const slice = text.slice(sentence.start, sentence.end);
  for (const { action, pattern } of COMPILED) {
    const m = pattern.exec(slice);
    if (m) return { action, trigger: { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length } };
  }
  return null;
}

/** Date values precise enough to place an event (not durations, not vague references). */
function isDateValue(value: string | null): value is string {
  return value !== null && /^\d{3}[\dX](-(\d{2}|W\d{2}|Q\d|[A-Z]{2}))?(-\d{2})?(T[\d:]+)?$/.test(value);
}

function pickDate(times: readonly Timex[], sentence: Span, trigger: Span): Timex | undefined {
  const inside = times.filter((t) => t.start >= sentence.start && t.end <= sentence.end && t.type !== 'DURATION' && t.type !== 'SET' && isDateValue(t.value));
  if (inside.length === 0) return undefined;
  const distance = (t: Timex) => (t.end <= trigger.start ? trigger.start - t.end : t.start - trigger.end);
  return inside.reduce((best, t) => (Math.abs(distance(t)) < Math.abs(distance(best)) ? t : best));
}

function pickActor(mentions: readonly EntityMention[], sentence: Span, trigger: Span, quotes: readonly Quote[]): string | undefined {
  const quote = quotes.find((q) => q.speaker && q.start < sentence.end && q.end > sentence.start);
  if (quote?.speaker) return quote.speaker;
  const before = mentions.filter((m) => m.start >= sentence.start && m.end <= trigger.start && ACTOR_TYPES.has(m.type));
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

/**
 * Find events sentence by sentence: an action class from the taxonomy, the actor and target
 * among the sentence's entities (or the speaker of a quote in it), and the date from a time
 * expression in the sentence, else the publication date when the report is in the present tense.
 */
export function findEvents(
  text: string,
  layers: { sentences: readonly Span[]; entities: readonly EntityMention[]; times: readonly Timex[]; quotes?: readonly Quote[] },
  options: EventOptions & { publicationDate?: string | null } = {},
): Event[] {
  const events: Event[] = [];
  const byPublication = options.datePresentTenseByPublication ?? true;
  for (const sentence of layers.sentences) {
    const hit = classify(text, sentence);
    if (!hit) continue;
    const actor = pickActor(layers.entities, sentence, hit.trigger, layers.quotes ?? []);
    const time = pickDate(layers.times, sentence, hit.trigger);
    let date: string | null = null;
    let dateFrom: Event['dateFrom'];
    if (time) { date = time.value; dateFrom = 'time'; }
    else if (byPublication && options.publicationDate && !isPastTense(text.slice(hit.trigger.start, hit.trigger.end))) {
      date = options.publicationDate.slice(0, 10);
      dateFrom = 'publication';
    }
    events.push({
      start: sentence.start,
      end: sentence.end,
      action: hit.action,
      trigger: hit.trigger,
      actor,
      target: pickTarget(layers.entities, sentence, hit.trigger, actor),
      date,
      dateFrom,
    });
  }
  return events;
}

/** The events stage: needs sentences, entities and times; uses quotes when present. */
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
        }, { ...options, publicationDate }),
      };
    },
  };
}
