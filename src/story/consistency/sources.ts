/**
 * Who a statement in a sentence is attributed to: the source an outlet cites ("citing X",
 * "according to X"), else the subject of the speech verb nearest it ("X said", "…, the agency
 * said"), a person named in the subject before a place, a role resolved to the person the
 * article gives that title ("the mayor"), or an unnamed description ("a Kellish official"); the
 * quotes layer's speaker when no words say it. Null when the outlet states it itself.
 */
import type { Doc, Span } from '../../core/index.js';
import type { StoryContext } from '../types.js';

export interface Source {
  /** Story entity id, or null for an unnamed or described source. */
  readonly id: string | null;
  readonly name: string;
  /** The words naming the source in the article. */
  readonly span: Span;
}

const SPEECH_VERB = /\b(?:said|says|say|told|tells|reported|reports|estimated|estimates|put|announced|stated|confirmed|added|warned|wrote)\b/gi;
const CITING = /\b(?:citing|according to|quoting)\s+(?:the\s+)?/gi;
/** An unnamed source described by its role: "a Kellish official", "local authorities", "health authorities", "the mayor". */
const DESCRIPTION = /\b(?:(?:a|an|the|local|health|state|government|senior|other)\s+)?(?:\p{Lu}[\p{L}-]+\s+)?(?:\p{Ll}+\s+)?(officials?|authorities|spokes(?:man|woman|person)|source|sources|mayor|governor|minister|ministry|agency|police|military|army|residents?|witnesses?|experts?|analysts?)\b/u;

function entityName(ctx: StoryContext, doc: Doc, local: string): { id: string | null; name: string } | undefined {
  const id = ctx.entities.resolve(doc.id, local);
  const entity = id ? ctx.entities.get(id) : undefined;
  if (entity) return { id: entity.id, name: entity.name };
  const e = doc.layers.entityIndex?.find((x) => x.id === local);
  return e ? { id: null, name: e.name } : undefined;
}

/** The named source in a span: a person first (a place in "the mayor of Velmar, X" is not the source), then a body. */
function namedIn(ctx: StoryContext, doc: Doc, span: Span): Source | undefined {
  const inside = (doc.layers.entities ?? []).filter((m) => m.start >= span.start && m.end <= span.end && m.type !== 'LOC');
  const pick = inside.filter((m) => m.type === 'PERSON').pop() ?? inside.filter((m) => m.type === 'ORG').pop()
    ?? inside.filter((m) => m.type === 'GPE' && !/\b(?:of|in|from|at|near)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}$/iu.test(doc.text.slice(span.start, m.start))).pop();
  if (!pick) return undefined;
  const n = entityName(ctx, doc, pick.entity);
  return n ? { ...n, span: { start: pick.start, end: pick.end } } : undefined;
}

/** A role ("the mayor") is the person the article gives that title, when it gives it to one. */
function roleHolder(ctx: StoryContext, doc: Doc, role: string): { id: string | null; name: string } | undefined {
  const holders = (doc.layers.entityIndex ?? []).filter((e) => e.type === 'PERSON' && (e.titles ?? []).some((t) => t.toLowerCase().includes(role)));
  if (holders.length !== 1) return undefined;
  return entityName(ctx, doc, holders[0]!.id);
}

function described(ctx: StoryContext, doc: Doc, span: Span): Source | undefined {
  const text = doc.text.slice(span.start, span.end);
  const m = DESCRIPTION.exec(text);
  if (!m) return undefined;
  const at = { start: span.start + m.index, end: span.start + m.index + m[0].length };
  const role = m[1]!.toLowerCase();
  const holder = /^(?:the\s+)/i.test(m[0]) ? roleHolder(ctx, doc, role) : undefined;
  if (holder) return { ...holder, span: at };
  return { id: null, name: m[0].replace(/^(?:the|a|an)\s+/i, '').replace(/\s+/g, ' ') + (/^(?:a|an)\s/i.test(m[0]) ? ' (unnamed)' : ''), span: at };
}

/** The source of what is said at `at` in its sentence. */
export function sourceOf(ctx: StoryContext, doc: Doc, sentence: Span, at: Span): Source | undefined {
  const text = doc.text.slice(sentence.start, sentence.end);
  for (const m of text.matchAll(CITING)) {
    const from = sentence.start + m.index + m[0].length;
    const rest = { start: from, end: Math.min(sentence.end, from + 80) };
    const cut = /[,;.]/.exec(doc.text.slice(rest.start, rest.end));
    const span = cut ? { start: rest.start, end: rest.start + cut.index } : rest;
    const found = namedIn(ctx, doc, span) ?? described(ctx, doc, span);
    if (found) return found;
  }
  // The speech verb nearest the statement, and its subject: before it ("X said …") or, trailing, between a comma and it ("…, X said").
  const verbs = [...text.matchAll(SPEECH_VERB)].map((m) => ({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length }));
  const verb = verbs.sort((a, b) => Math.abs(a.start - at.start) - Math.abs(b.start - at.start))[0];
  if (verb) {
    const lead = doc.text.slice(sentence.start, verb.start);
    // A trailing attribution starts after the last comma or quote mark; a leading one is the whole clause before the verb (appositives keep their commas).
    const from = verb.start > at.end ? sentence.start + Math.max(lead.lastIndexOf(','), lead.lastIndexOf('”')) + 1 : sentence.start + Math.max(0, lead.search(/[^;:]*$/));
    const subject = { start: Math.max(from, sentence.start), end: verb.start };
    const found = namedIn(ctx, doc, subject) ?? described(ctx, doc, subject);
    if (found) return found;
  }
  const quote = (doc.layers.quotes ?? []).find((q) => (q.content ?? q).start <= at.start && at.end <= (q.content ?? q).end && q.speaker);
  if (quote?.speaker) {
    const n = entityName(ctx, doc, quote.speaker);
    if (n) return { ...n, span: quote.speakerSpan ?? { start: quote.start, end: quote.start } };
  }
  return undefined;
}
