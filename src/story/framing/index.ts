import type { Doc } from '../../core/index.js';
import type { Framing, StoryContext } from '../types.js';
import { decideArticleKind, readKindSignals, type KindSignals } from './kind-signals.js';
import { distinctTerms, findLoadedTerms, type LoadedTermHit } from './loaded-terms.js';
import { findScareQuotes, type ScareQuote } from './scare-quotes.js';
import { describeSpeakers, classifySpeaker, type QuotedSpeaker, type SpeakerKind } from './speakers.js';
import { measureAttribution, type Attribution } from './attribution.js';
import { findOmissions, mentionsActor, mentionsEvent, type MainEvent, type Omission } from './coverage.js';

export { LOADED_POLITICAL_TERMS, loadedReason, type LoadedReason } from './lexicon.js';
export { findLoadedTerms, type LoadedTermHit } from './loaded-terms.js';
export { findScareQuotes, type ScareQuote } from './scare-quotes.js';
export { describeSpeakers, classifySpeaker, type QuotedSpeaker, type SpeakerKind } from './speakers.js';
export { decideArticleKind, readKindSignals, type KindSignals } from './kind-signals.js';
export { measureAttribution, type Attribution } from './attribution.js';
export { findOmissions, mentionsActor, mentionsEvent, type MainEvent, type Omission } from './coverage.js';

/** Framing of one article, with the detail behind each figure (all plain JSON). */
export interface ArticleFraming extends Framing {
  /** Loaded terms spoken by the article's sources, inside quotes: theirs, not the outlet's. */
  readonly loadedTermsQuoted: readonly string[];
  /** Every loaded word with its offsets, in the outlet's voice or quoted. */
  readonly loadedTermHits: readonly LoadedTermHit[];
  readonly scareQuoteSpans: readonly ScareQuote[];
  readonly speakers: readonly QuotedSpeaker[];
  readonly attribution: Attribution;
  readonly kindSignals: KindSignals;
  /** What `omits` says, with what each omission is (an actor or an event) and where the other sources report it. */
  readonly omissions: readonly Omission[];
}

/** Below this share of sentences attributed to named sources, the article is mostly the outlet's own assertion. */
const LOW_ATTRIBUTION_SHARE = 0.2;
/** Offices worth a note: what an article calls a person is where sources contradict each other on who holds a post. */
const OFFICE_TITLE = /\b(?:president|prime minister|premier|chancellor|minister|leader|king|queen|emir|governor|mayor|secretary[- ]general|secretary|spokes(?:person|man|woman)|head|chief|commander|ambassador)\b/i;
/** Enough notes on offices to show who the article says holds which post, not every title. */
const MAX_OFFICE_NOTES = 4;
/** Enough terms in a note for a reader to see the tone. */
const MAX_TERMS_IN_NOTE = 6;

function storyNameOf(doc: Doc, ctx: StoryContext, localId: string, fallback: string): string {
  const id = ctx.entities.resolve(doc.id, localId);
  return (id ? ctx.entities.get(id)?.name : undefined) ?? fallback;
}

function officeNotes(doc: Doc, ctx: StoryContext): string[] {
  const notes: string[] = [];
  for (const e of doc.layers.entityIndex ?? []) {
    if (e.type !== 'PERSON') continue;
    const office = (e.titles ?? []).find((t) => OFFICE_TITLE.test(t));
    if (office) notes.push(`names ${storyNameOf(doc, ctx, e.id, e.name)} as ${office}`);
    if (notes.length >= MAX_OFFICE_NOTES) break;
  }
  return notes;
}

function sourceNotes(speakers: readonly QuotedSpeaker[]): string[] {
  if (speakers.length === 0) return ['quotes no one'];
  const notes: string[] = [];
  const named = speakers.filter((s) => s.named);
  if (named.length === 0) notes.push('no named sources');
  if (speakers.length === 1) {
    const only = speakers[0]!;
    notes.push(only.named ? `relies on a single source: ${only.name} (${only.kind})` : `relies on a single anonymous source (${only.name})`);
  } else if (named.length === 0) {
    notes.push(`relies only on anonymous sources (${speakers.length})`);
  } else {
    const anonymous = speakers.filter((s) => s.kind === 'anonymous').length;
    if (anonymous) notes.push(`quotes ${anonymous} anonymous source${anonymous > 1 ? 's' : ''}`);
  }
  const sides = [...new Set(speakers.map((s) => s.side).filter((s): s is string => s !== null))];
  if (sides.length === 1 && speakers.filter((s) => s.side).length >= 2) notes.push(`every source with a known affiliation is on one side: ${sides[0]}`);
  return notes;
}

function countKinds(speakers: readonly QuotedSpeaker[]): Record<SpeakerKind, number> {
  const counts: Record<SpeakerKind, number> = { official: 0, analyst: 0, anonymous: 0, other: 0 };
  for (const s of speakers) counts[s.kind]++;
  return counts;
}

/**
 * How each article frames the story: its kind and the evidence for it, the loaded
 * words in its own voice (and, apart, in its sources' quotes), scare quotes, how
 * much is attributed to named sources, who is quoted (official, analyst,
 * anonymous, other; and for which side), and which main actors and events it
 * leaves out. Pure and deterministic: articles in `ctx.docs` order.
 *
 * @example
 * const framing = describeFraming(ctx, { mainActors: ['Ana Example'], mainEvents: [{ label: 'dam opened', keywords: ['dam', 'opened'] }] });
 * framing[0].notes; // ['opinion piece …', 'no named sources', …]
 */
export function describeFraming(ctx: StoryContext, story: { mainActors: string[]; mainEvents: readonly MainEvent[] }): ArticleFraming[] {
  return ctx.docs.map((doc) => describeArticleFraming(doc, ctx, story));
}

/** The framing of one article of the story (see `describeFraming`). */
export function describeArticleFraming(doc: Doc, ctx: StoryContext, story: { mainActors: readonly string[]; mainEvents: readonly MainEvent[] }): ArticleFraming {
  const signals = readKindSignals(doc);
  const kind = decideArticleKind(doc, signals);
  const hits = findLoadedTerms(doc);
  const own = distinctTerms(hits.filter((h) => !h.quoted));
  const quoted = distinctTerms(hits.filter((h) => h.quoted));
  const scare = findScareQuotes(doc);
  const speakers = describeSpeakers(doc, ctx);
  const attribution = measureAttribution(doc);
  const omissions = findOmissions(doc, ctx, story);
  const omits = omissions.map((o) => o.label);

  const notes: string[] = [];
  if (kind.kind !== 'news') notes.push(kind.fromText ? `reads as ${kind.kind} though not labelled so (${signals.words_})` : `${kind.kind} piece`);
  notes.push(...sourceNotes(speakers));
  if (attribution.sentences > 0 && attribution.namedShare < LOW_ATTRIBUTION_SHARE) {
    notes.push(`mostly asserted: ${Math.round(attribution.namedShare * 100)}% of ${attribution.sentences} sentences attributed to named sources`);
  }
  if (own.length) notes.push(`loaded terms in its own voice: ${own.slice(0, MAX_TERMS_IN_NOTE).join(', ')}`);
  if (scare.length) notes.push(`scare quotes: ${[...new Set(scare.map((s) => `“${s.text}”`))].slice(0, MAX_TERMS_IN_NOTE).join(', ')}`);
  notes.push(...officeNotes(doc, ctx));
  if (omits.length) notes.push(`leaves out: ${omits.join('; ')}`);

  return {
    article: doc.id,
    kind: kind.kind,
    kindEvidence: kind.evidence,
    loadedTerms: own,
    loadedTermsQuoted: quoted,
    loadedTermHits: hits,
    scareQuotes: [...new Set(scare.map((s) => s.text))],
    scareQuoteSpans: scare,
    attributedShare: Math.round(attribution.namedShare * 1000) / 1000,
    quotedSpeakers: speakers.map((s) => s.name),
    speakerKinds: countKinds(speakers),
    speakers,
    attribution,
    kindSignals: signals,
    omits,
    omissions,
    notes,
  };
}
