import type { Doc, Span } from '../../core/index.js';
import { isDateValue } from '../../annotate/events/index.js';
import type { StoryContext } from '../types.js';
import { contentWords, stem } from './words.js';
import { readDated } from './actor.js';
import { whoDidWhat, type Label } from './label.js';
import { datelineDate } from './dateline.js';
import { syntaxOf, tokenAt } from '../syntax.js';

const labelOf = (l: Label): { label: string; labelIsClause: boolean } => ({ label: l.text, labelIsClause: l.clause });

/** One dated report of something happening, from one sentence of one article, before merging. */
export interface Candidate {
  readonly article: string;
  /** Publication date of the article (day precision), or null. */
  readonly reported: string | null;
  readonly date: string;
  /** Always a time expression of the text: the publication date never dates an event by itself. */
  readonly dateFrom: 'time';
  readonly action: string;
  /** The doer's story entity id (or description) and name, when found. */
  readonly actorIds: readonly string[];
  readonly actorNames: readonly string[];
  readonly sentence: Span;
  readonly evidence: string;
  /** Where the action is named (the verb or event noun, or the time expression when none was found). */
  readonly focus: Span;
  /** The time expression that dates it. */
  readonly time: Span;
  /** Content words of the whole sentence. */
  readonly words: ReadonlySet<string>;
  /** Content words of the clause the date belongs to: what distinguishes two events of one sentence or one year. */
  readonly localWords: ReadonlySet<string>;
  /** "Who did what", in the article's words. */
  readonly label: string;
  /** The label reads as a clause, a subject and a finite verb ("X signed Y"), not "X: a noun phrase". */
  readonly labelIsClause: boolean;
  /** The stem of the word naming the action, unless it only reports speech ("withdraw", "sign"; not "said"). */
  readonly actionWord: string | null;
  /** Story entities the clause names besides the doer (what the action is about: "the KHB"). */
  readonly objectIds: readonly string[];
  /** Words of the thing the date is the date of, when the text dates a thing ("the 2029 harbour pact (KHB)", "the KHB, signed in 2029"). */
  readonly thingWords: ReadonlySet<string>;
  /** True when the action only reports speech ("said", "announced that"): what was said, not something done. */
  readonly speaks: boolean;
  /** True when the action is named by a verb of saying, whatever follows it ("confirmed", "announced tariffs"). */
  readonly saying: boolean;
  /** A happening over in a moment that the clause dates ("the storm", "the blast"): one day only, so two days are a conflict. */
  readonly happening: string | null;
  /** True when the clause dates a gathering ("talks", "negotiations", "a summit"): one story's gathering on one date is one event. */
  readonly gathering: boolean;
}

/** Nouns of a gathering of parties, which runs for a while and which its parties hold (the noun itself does nothing). */
const GATHERING = /\b(?:talks|negotiations|meeting|meetings|summit|discussions|consultations|conference)\b/i;

/**
 * Happenings that occur once, at one moment: news reporting one on two different days reports one
 * of the days wrongly. (Meetings, talks and campaigns run for days, so they are not here.)
 */
const HAPPENING = /\b(storm|hurricane|cyclone|typhoon|tornado|earthquake|quake|tsunami|landslide|flood|flooding|eruption|explosion|blast|bombing|attack|strike|airstrike|crash|collision|collapse|shooting|assassination|coup|fire|wildfire|derailment|sinking)s?\b/i;

/** Happenings that are one disaster when told on one day: a storm and the flood it brings. */
const ONE_DISASTER = new Set(['storm', 'hurricane', 'cyclone', 'typhoon', 'flood']);

/** What a report's happening is one of: itself, or one disaster for a storm and its flood; null when it names none. */
export function happeningKind(c: Candidate): string | null {
  return c.happening !== null && ONE_DISASTER.has(c.happening) ? 'disaster' : c.happening;
}

/** Two reports name one happening, or two faces of one disaster ("the storm pounded the coast" / "the flooding swept away families"). */
export function sameHappening(a: Candidate, b: Candidate): boolean {
  return happeningKind(a) !== null && happeningKind(a) === happeningKind(b);
}

/** The doer found is the happening itself, named by a common noun ("the flooding swept away"): what happened, not who did it. */
export function doerIsHappening(c: Candidate): boolean {
  return c.actorIds.length > 0 && c.actorIds[0]!.startsWith(DESCRIBED) && HAPPENING.test(c.actorNames[0]!);
}

/** Prefix of the id of a doer described by a common noun rather than named by the entity layer. */
export const DESCRIBED = 'described:';

/** A date used as a modifier of what follows it: "the 2029 harbour pact (KHB)". */
const DATED_THING = /^\s+((?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+(?:\s+\([\p{Lu}\d]{2,10}\))?)/u;

/** Verbs that report speech: two people "saying" on one day are two statements, not one event. */
const REPORTING_VERBS = /^(?:say|said|says|saying|tell|told|tells|stat\w*|announc\w*|add\w*|not\w*|indicat\w*|affirm\w*|confirm\w*|emphasi[sz]\w*|stress\w*|report\w*|declar\w*|insist\w*|wr(?:ite|ote|itten)\w*|tweet\w*|explain\w*|argu\w*|clarif\w*)$/i;

/** A reporting verb reports speech when a clause or quote follows it ("announced that…", "said:"), not a thing ("announced tariffs"). */
/** A time phrase between a reporting verb and what was said ("said Friday that …", "said earlier this week that …"). */
const TIME_AFTER_VERB = /^\s+(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tonight|(?:earlier|later)\s+(?:this|that|last)\s+(?:week|month)|(?:last|this)\s+(?:week|month))\b/iu;

function reportsSpeech(doc: Doc, verb: Span): boolean {
  const after = doc.text.slice(verb.end, verb.end + 60);
  // "said Friday that …" reports speech; "announced Tuesday, April 1, includes …" names a thing announced.
  if (/^\s*that\b/i.test(doc.text.slice(verb.end, verb.end + 90).replace(TIME_AFTER_VERB, ''))) return true;
  return /^\s*(?:,?\s*that\b|[:“"‘]|,)|^\s+(?:he|she|it|they|we|i|there|this)\b/iu.test(after) || /^\s*$/.test(after);
}

/**
 * The first verb after a point is in the present perfect ("Kell has vowed"): done by the time of
 * writing, not on a named day (the tense takes no definite past date), so a dateline does not date it.
 */
function leadsWithPresentPerfect(doc: Doc, span: Span): boolean {
  const tokens = (doc.layers.tokens ?? []).filter((t) => t.start >= span.start && t.end <= span.end);
  const first = tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (first < 0 || !/^(?:has|have)$/i.test(doc.text.slice(tokens[first]!.start, tokens[first]!.end))) return false;
  const next = tokens.slice(first + 1).find((t) => t.pos === 'VERB' || t.pos === 'AUX');
  return next !== undefined && next.pos === 'VERB';
}

/**
 * The head word of the parse's subject of the verb at a span ("Negotiations … concluded" →
 * "Negotiations"), or of the noun the verb's clause hangs on when it has no subject ("the first
 * negotiations … since March 2031 ended" → "negotiations"), when there is a parse.
 */
function subjectWord(doc: Doc, verb: Span): string | undefined {
  const parse = syntaxOf(doc);
  const i = tokenAt(doc, verb.start);
  if (!parse || i < 0) return undefined;
  const subject = parse.findIndex((d) => d.head === i && d.rel === 'nsubj');
  const head = parse[i]!.head;
  const word = subject >= 0 ? subject : head >= 0 && parse[head]!.upos === 'NOUN' ? head : -1;
  const token = word >= 0 ? doc.layers.tokens![word]! : undefined;
  return token ? doc.text.slice(token.start, token.end) : undefined;
}

/** The action of a dated sentence with no trigger from the taxonomy. */
export const UNCLASSIFIED_ACTION = 'other';

function sentenceOf(doc: Doc, at: Span): Span | undefined {
  return doc.layers.sentences?.find((s) => s.start <= at.start && at.end <= s.end);
}

function hasVerb(doc: Doc, sentence: Span): boolean {
  const tokens = doc.layers.tokens?.filter((t) => t.start >= sentence.start && t.end <= sentence.end) ?? [];
  // Without parts of speech nothing can be told: the sentence may have a verb.
  return tokens.every((t) => !t.pos) || tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
}

/**
 * Dated candidates of one article: one per time expression that gives a calendar date (today,
 * a weekday and a relative date included, resolved by the times stage), with the event the
 * event layer found for it (its action class and trigger) or the sentence's verb. Events dated
 * only by the publication date of a present-tense report are left out: the text does not date
 * them. The doer is read from the clause the date belongs to (see actor.ts).
 */
export function collectCandidates(ctx: StoryContext, doc: Doc): Candidate[] {
  const reported = doc.meta.published?.value?.slice(0, 10) ?? null;
  const out: Candidate[] = [];
  const events = (doc.layers.events ?? []).filter((e) => e.dateFrom === 'time' && isDateValue(e.date));
  // A sentence dated several times gives each of its candidates the same content words: read once.
  const sentenceWords = new Map<Span, ReadonlySet<string>>();
  for (const t of doc.layers.times ?? []) {
    if (t.type === 'DURATION' || t.type === 'SET' || !isDateValue(t.value)) continue;
    const sentence = sentenceOf(doc, t);
    if (!sentence || !hasVerb(doc, sentence)) continue;
    const event = events.find((e) => e.time && e.time.start === t.start && e.time.end === t.end)
      ?? events.find((e) => !e.time && e.start === sentence.start && e.date === t.value);
    const time = { start: t.start, end: t.end };
    const read = readDated(ctx, doc, sentence, time, event?.trigger);
    if (datelineDate(doc, sentence, time) && leadsWithPresentPerfect(doc, { start: time.end, end: sentence.end })) continue;
    const evidence = doc.text.slice(sentence.start, sentence.end);
    // "The talks began", "negotiations concluded": the gathering is what happened, not who did it.
    const actor = read.actor && !(read.actor.id === null && GATHERING.test(read.actor.name.split(/\s+/).pop()!)) ? read.actor : undefined;
    const actionText = read.action ? doc.text.slice(read.action.start, read.action.end).split(/\s+/)[0]!.toLowerCase() : '';
    const speaks = actionText !== '' && REPORTING_VERBS.test(actionText) && reportsSpeech(doc, read.action!);
    // Bodies and named things the clause is about ("the KHB"); places say where, not what.
    const objectIds = [...new Set((doc.layers.entities ?? [])
      .filter((m) => m.start >= read.clause.start && m.end <= read.clause.end && m.type !== 'GPE' && m.type !== 'LOC' && m.type !== 'PERSON')
      .map((m) => ctx.entities.resolve(doc.id, m.entity))
      .filter((id): id is string => id !== undefined && id !== actor?.id))];
    out.push({
      article: doc.id, reported, date: t.value, dateFrom: 'time', action: event?.action ?? UNCLASSIFIED_ACTION,
      actorIds: actor ? [actor.id ?? `${DESCRIBED}${actor.name}`] : [], actorNames: actor ? [actor.name] : [],
      sentence, evidence, focus: read.action ?? event?.trigger ?? time, time,
      words: sentenceWords.get(sentence) ?? sentenceWords.set(sentence, contentWords(evidence)).get(sentence)!, localWords: contentWords(doc.text.slice(read.clause.start, read.clause.end)),
      ...labelOf(whoDidWhat(doc, sentence, read, time)),
      actionWord: actionText && !speaks ? stem(actionText) : null,
      speaks,
      saying: actionText !== '' && REPORTING_VERBS.test(actionText),
      objectIds,
      thingWords: contentWords(read.theme ? doc.text.slice(read.theme.start, read.theme.end) : DATED_THING.exec(doc.text.slice(t.end, t.end + 80))?.[1] ?? ''),
      // The clause, or for a relative clause ("a storm which hit … on Sunday") the words just before it.
      gathering: GATHERING.test(doc.text.slice(Math.max(sentence.start, read.clause.start - 30), read.clause.end)) || (read.action !== undefined && GATHERING.test(subjectWord(doc, read.action) ?? '')),
      happening: HAPPENING.exec(doc.text.slice(Math.max(sentence.start, read.clause.start - 30), read.clause.end))?.[1]!.toLowerCase().replace(/^(?:quake|flooding)$/, (w) => (w === 'quake' ? 'earthquake' : 'flood')) ?? null,
    });
  }
  return out;
}
