import type { Doc } from '../core/index.js';
import type { ArticleEntity } from '../annotate/index.js';
import { weekAsMonth } from '../annotate/times/index.js';

/** Contract shapes of the annotation arrays of an `Article` (CONTRACT.md). */
export interface EntityJson { text: string; start: number; end: number; type: string; entity: string; form: string }
export interface QuoteJson {
  text: string; start: number; end: number; direct: boolean; speaker: string | null; speakerEntity: string | null; speakerText: string | null; cue: string | null;
  /** The whole attributed content when it is wider than the quoted words (a partial quote's clause). */
  content: { text: string; start: number; end: number } | null;
}
export interface TimeJson { text: string; start: number; end: number; type: string; value: string | null }
export interface EventJson { date: string | null; actor: string | null; target: string | null; action: string; summary: string; evidence: string; start: number; end: number; trigger: string }

export interface AnnotationsJson {
  entities: EntityJson[];
  quotes: QuoteJson[];
  times: TimeJson[];
  events: EventJson[];
}

/** Longest summary before it is cut: enough for a timeline row. */
const MAX_SUMMARY_CHARS = 220;

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function summarise(text: string): string {
  const line = oneLine(text);
  return line.length <= MAX_SUMMARY_CHARS ? line : line.slice(0, MAX_SUMMARY_CHARS - 1).replace(/\s+\S*$/, '') + '…';
}

/**
 * The annotation layers of a Doc as the contract's arrays. `entityId` maps an in-article
 * entity id to the id the caller publishes (a story-wide id once entities are merged across articles),
 * `canonicalName` to the story's canonical name for it.
 */
export function annotationsToJson(
  doc: Doc,
  entityId: (local: string) => string = (local) => `${doc.id}/${local}`,
  canonicalName: (local: string) => string | undefined = () => undefined,
): AnnotationsJson {
  const { text } = doc;
  const index = new Map<string, ArticleEntity>((doc.layers.entityIndex ?? []).map((e) => [e.id, e]));
  // Names are the story's canonical names when the article belongs to a story, else the article's fullest form.
  const nameOf = (id: string | undefined): string | null => (id ? canonicalName(id) ?? index.get(id)?.name ?? null : null);
  return {
    entities: (doc.layers.entities ?? []).map((m) => ({
      text: text.slice(m.start, m.end), start: m.start, end: m.end, type: m.type, entity: entityId(m.entity), form: m.form,
    })),
    quotes: (doc.layers.quotes ?? []).map((q) => ({
      text: text.slice(q.start, q.end),
      start: q.start,
      end: q.end,
      direct: q.direct,
      // The speaker identified (a name or a description), never the words as written when they name no one ("he", "this view").
      speaker: nameOf(q.speaker) ?? (q.speakerText ? oneLine(q.speakerText) : null),
      speakerEntity: q.speaker ? entityId(q.speaker) : null,
      speakerText: q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : null,
      cue: q.cue ? text.slice(q.cue.start, q.cue.end) : null,
      content: q.content ? { text: text.slice(q.content.start, q.content.end), start: q.content.start, end: q.content.end } : null,
    })),
    times: (doc.layers.times ?? []).map((t) => ({ text: text.slice(t.start, t.end), start: t.start, end: t.end, type: t.type, value: t.value })),
    events: (doc.layers.events ?? []).map((e) => ({
      // a week is given as its month, as the contract's dates are years, months, days and times
      date: e.date === null ? null : weekAsMonth(e.date),
      actor: nameOf(e.actor),
      target: nameOf(e.target),
      action: e.action,
      summary: summarise(text.slice(e.start, e.end)),
      evidence: text.slice(e.start, e.end),
      start: e.start,
      end: e.end,
      trigger: text.slice(e.trigger.start, e.trigger.end),
    })),
  };
}
