import type { Doc, Span } from '../../core/index.js';
import type { EntityMention } from '../../annotate/index.js';
import { isDateValue } from '../../annotate/events/index.js';
import type { StoryContext } from '../types.js';
import { contentWords } from './words.js';

/** One dated report of something happening, from one sentence of one article, before merging. */
export interface Candidate {
  readonly article: string;
  /** Publication date of the article (day precision), or null. */
  readonly reported: string | null;
  readonly date: string;
  readonly dateFrom: 'time' | 'publication';
  readonly action: string;
  /** Story entity ids and their canonical names, actor first. */
  readonly actorIds: readonly string[];
  readonly actorNames: readonly string[];
  readonly sentence: Span;
  readonly evidence: string;
  /** Where the action is named (the trigger, or the time expression when no trigger was found). */
  readonly focus: Span;
  readonly words: ReadonlySet<string>;
}

/** Actions a present-tense report places on the publication day ("X says", "X rejects"): what was said is the news of that day. */
const SAID_ON_PUBLICATION_DAY = new Set(['statement', 'refusal', 'demand', 'threat']);
const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE']);
/** The action of a dated sentence with no trigger from the taxonomy. */
export const UNCLASSIFIED_ACTION = 'other';

/** The canonical story name of an in-article entity (its local name when the story table lacks it). */
export function storyName(ctx: StoryContext, doc: Doc, localId: string): { id: string; name: string } | undefined {
  const storyId = ctx.entities.resolve(doc.id, localId);
  const entity = storyId ? ctx.entities.get(storyId) : undefined;
  if (entity) return { id: entity.id, name: entity.name };
  const local = doc.layers.entityIndex?.find((e) => e.id === localId);
  return local ? { id: `${doc.id}:${local.id}`, name: local.name } : undefined;
}

function sentenceOf(doc: Doc, at: Span): Span | undefined {
  return doc.layers.sentences?.find((s) => s.start <= at.start && at.end <= s.end);
}

function hasVerb(doc: Doc, sentence: Span): boolean {
  const tokens = doc.layers.tokens?.filter((t) => t.start >= sentence.start && t.end <= sentence.end) ?? [];
  return tokens.length === 0 || tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
}

/** Named entities before the focus that are not possessors ("Trump’s message"), else the first in the sentence. */
function fallbackActor(doc: Doc, sentence: Span, focus: Span): EntityMention | undefined {
  const inside = (doc.layers.entities ?? []).filter((m) => m.start >= sentence.start && m.end <= sentence.end && ACTOR_TYPES.has(m.type));
  const before = inside.filter((m) => m.end <= focus.start && !/^[’']s\b/.test(doc.text.slice(m.end, m.end + 3)));
  return before[before.length - 1] ?? inside[0];
}

/**
 * Dated candidates of one article: its events with a concrete date from a time expression;
 * present-tense statements by a named actor dated by publication; and dated time expressions
 * in sentences with a verb but no classified event (the event layer misses "the dam, under
 * construction since 2019"), as unclassified actions.
 */
export function collectCandidates(ctx: StoryContext, doc: Doc): Candidate[] {
  const reported = doc.meta.published?.value?.slice(0, 10) ?? null;
  const out: Candidate[] = [];
  const covered = new Set<string>();
  const push = (c: Omit<Candidate, 'article' | 'reported' | 'evidence' | 'words'>): void => {
    const evidence = doc.text.slice(c.sentence.start, c.sentence.end);
    out.push({ ...c, article: doc.id, reported, evidence, words: contentWords(evidence) });
  };
  const names = (localIds: (string | undefined)[]): { ids: string[]; names: string[] } => {
    const ids: string[] = [];
    const ns: string[] = [];
    for (const local of localIds) {
      const n = local ? storyName(ctx, doc, local) : undefined;
      if (n && !ids.includes(n.id)) { ids.push(n.id); ns.push(n.name); }
    }
    return { ids, names: ns };
  };
  for (const e of doc.layers.events ?? []) {
    if (!isDateValue(e.date)) continue;
    if (e.dateFrom === 'publication' && !(e.actor && SAID_ON_PUBLICATION_DAY.has(e.action))) continue;
    const who = names([e.actor]);
    push({ date: e.date, dateFrom: e.dateFrom === 'publication' ? 'publication' : 'time', action: e.action, actorIds: who.ids, actorNames: who.names, sentence: { start: e.start, end: e.end }, focus: e.trigger });
    covered.add(`${e.start}:${e.date}`);
  }
  for (const t of doc.layers.times ?? []) {
    if (t.type === 'DURATION' || t.type === 'SET' || !isDateValue(t.value)) continue;
    const sentence = sentenceOf(doc, t);
    if (!sentence || covered.has(`${sentence.start}:${t.value}`) || !hasVerb(doc, sentence)) continue;
    covered.add(`${sentence.start}:${t.value}`);
    const actor = fallbackActor(doc, sentence, t);
    const who = names([actor?.entity]);
    push({ date: t.value, dateFrom: 'time', action: UNCLASSIFIED_ACTION, actorIds: who.ids, actorNames: who.names, sentence, focus: { start: t.start, end: t.end } });
  }
  return out;
}
