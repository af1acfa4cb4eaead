import type { Doc, Span } from '../../core/index.js';
import type { EntityMention } from '../../annotate/index.js';
import { isDateValue } from '../../annotate/events/index.js';
import type { Stance, StancePosition, StanceTopic, StoryContext } from '../types.js';
import { parsedDoerAt, stem, storyName } from '../timeline/index.js';
import { ALIGNMENT, EARLIER_VIEW, REPORTING_VERB, findCues, strongerPosition } from './cues.js';
import { findTopics as findTopicsBy, type ObjectCandidate } from './topics.js';
import { governmentOf } from './government.js';

export type { ObjectCandidate } from './topics.js';
export { findCues } from './cues.js';

const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE']);
/** Prepositions that put a name in a modifier, not in the subject ("by" marks a passive's agent, so it stays). */
const PREPOSITION_BEFORE = /(?:^|\s)(?:in|into|on|at|to|from|with|of|for|about|against|toward|towards|between|among|under|over|through|without|amid|despite|regarding|after|before|during|like)\s*$/i;
/** An organisation described rather than named, as the subject before the verb: "the Veskarian mission to the United Nations". */
const ORG_DESCRIPTION = /\bthe\s+((?:\p{Lu}[\p{L}’'-]*\s+)*(?:mission|ministry|embassy|delegation|side|government|spokesperson|spokesman|spokeswoman|office|committee|council|parliament|union|commission|cabinet)(?:\s+(?:to|of|for|in)\s+(?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)*)?)\s*,?\s*$/u;
/** An object right after a cue that points back to what the sentence before named ("Kell rejects this", "blasted the move"). */
const ANAPHORIC_OBJECT = /^\s+(?:\p{Ll}+ly\s+)?(?:this|these|it|the\s+(?:move|measures?|decision|step|plan|policy|order))\b/u;
/** How many sentences back what an anaphoric object points to may be named. */
const ANAPHOR_REACH = 2;
/** How far (characters) a cue may be from a word of the topic to be a stance on it. */
const TOPIC_REACH = 120;
const PRONOUN_SUBJECT = /\b(?:he|she)\b/i;
/** Words that open a new clause: the subject of a cue is found after the last of them ("…, and as officials rule out talks"). */
const CLAUSE_OPENER = /(?:[;:—–]|\b(?:as|while|when|whereas|because|although|though|but|(?<=,\s*)and|that|which|who|whose|where|since|if|whether)\b)/giu;
/** A relative clause set off by commas ("X, who led the talks, will not …"): it does not end the subject, so it is skipped. */
const RELATIVE_ASIDE = /,\s*(?:who|which)\b[^,;]*,/giu;
/** Words right after "to" in "ready to …", "willing to …" that keep the stance on the topic's action itself. */
const ASPECT_VERBS = new Set(['resume', 'start', 'begin', 'hold', 'return', 'enter', 'sit', 'restart', 'continue', 'consider', 'open', 'reopen', 'join']);
/** Cues that take an infinitive: the verb after them says what the stance is about. */
const INFINITIVE_CUE = /(?:\bto|refus\w*)$/iu;
/** A trailing attribution after the cue: "X will sign the deal, Minister Y said on Tuesday". */
const TRAILING_ATTRIBUTION = /,\s*([^,;.“”"]{2,80}?)\s+(?:said|says|told|stated|added|announced|insisted|declared)\b/u;
/** Descriptions kept as actors when no entity names the speaker: a body, not an unnamed person or group. */
const BODY_DESCRIPTION = /\b(?:mission|ministry|embassy|delegation|government|office|committee|council|parliament|union|commission|cabinet)\b/iu;

/** Topic words of negotiating, and the deal it seeks named right before a condition ("any deal must come with …"). */
const NEGOTIATION_STEM = /^(?:negotiat|talk)/;
const DEAL = /\b(?:deal|agreement|accord)s?\b/u;
const DEAL_BEFORE = /\b(?:deal|agreement|accord)s?\s+(?:\p{Ll}+\s+){0,2}$/u;

const EARLIER_NOTE = 'initially held another view';
const UNDECIDED_NOTE = 'under study, no decision yet';
/** The other side of a plain yes or no. */
const OPPOSITE: Partial<Record<StancePosition, StancePosition>> = { for: 'against', against: 'for' };

/** A described holder that is a group of people: one plural noun, possibly with an adjective ("reformists", "some analysts"). */
const GROUP = /^(?:\p{Ll}+\s+)?\p{Ll}+(?:ists|ysts|erts|ers|ors|ians|ants|ents|ives|ics)$/u;

interface Found {
  actor: string;
  actorId: string | null;
  position: StancePosition;
  date: string | null;
  /** Whether the article's words date the statement, or only its publication date does. */
  dateFrom?: 'text' | 'published';
  undecided?: boolean;
  doc: Doc;
  sentence: Span;
  note?: string;
  alignWith?: string;
}

function isSubjectLike(text: string, m: EntityMention, from: number): boolean {
  if (/^[’']s\b/.test(text.slice(m.end, m.end + 3))) return false;
  const before = text.slice(Math.max(from, m.start - 40), m.start);
  // (an opening quote mark before a quoted name is no subject: 'to the “Daily Star” newspaper')
  const lead = before.replace(/\s*[“"‘]$/u, '').replace(/(?:\s+(?:the|a|an|its|his|her|their|and|\p{Lu}[\p{L}.’'-]*))*\s*$/u, '');
  return !PREPOSITION_BEFORE.test(lead);
}

/** The subject before a point of the sentence: a described organisation ending right there, else the last named subject-like entity. */
function subjectBefore(ctx: StoryContext, doc: Doc, sentence: Span, at: number, options: { ownClause?: boolean } = {}): { name: string; id: string | null } | undefined {
  const from = options.ownClause ? clauseStart(doc.text, sentence.start, at) : sentence.start;
  if (from > sentence.start) return subjectBefore(ctx, doc, { start: from, end: sentence.end }, at);
  const lead = doc.text.slice(sentence.start, at);
  // (an opening quote mark before a quoted cue is no part of the subject: 'the Ukrainian side "invited"')
  const described = ORG_DESCRIPTION.exec(lead.replace(/\s*[“"‘]$/u, ' ').replace(/\s+(?:\p{Ll}+ly\s+)?$/u, ' '));
  // a name inside a relative aside ("X, who succeeded Y, said") is not the subject
  const asides = [...lead.matchAll(RELATIVE_ASIDE)].map((m) => ({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length }));
  const mentions = (doc.layers.entities ?? []).filter((m) => m.start >= sentence.start && m.end <= at && ACTOR_TYPES.has(m.type) && isSubjectLike(doc.text, m, sentence.start)
    && !asides.some((a) => a.start <= m.start && m.end <= a.end));
  const last = mentions[mentions.length - 1];
  const inModifier = described ? PREPOSITION_BEFORE.test(lead.slice(0, described.index)) : false;
  if (described && !inModifier && described[1]!.split(/\s+/).length > 1 && (!last || last.start < sentence.start + described.index)) {
    return { name: described[1]!.trim(), id: null };
  }
  if (!last) return undefined;
  const n = storyName(ctx, doc, last.entity);
  return n ? { name: n.name, id: n.id } : undefined;
}

/** Where the clause holding a point starts: after the last clause opener before it, relative asides skipped. */
function clauseStart(text: string, from: number, at: number): number {
  const lead = text.slice(from, at).replace(RELATIVE_ASIDE, (m) => ' '.repeat(m.length));
  let start = 0;
  for (const m of lead.matchAll(CLAUSE_OPENER)) start = m.index + m[0].length;
  return from + start;
}

/** The speaker named in a trailing attribution after the cue ("…, Prime Minister Y said"), when an entity names them. */
function trailingSpeaker(ctx: StoryContext, doc: Doc, sentence: Span, cue: Span): { name: string; id: string | null } | undefined {
  const rest = doc.text.slice(cue.end, sentence.end);
  const m = TRAILING_ATTRIBUTION.exec(rest);
  if (!m) return undefined;
  const from = cue.end + m.index + m[0].indexOf(m[1]!);
  const to = from + m[1]!.length;
  const mention = (doc.layers.entities ?? []).filter((e) => e.start >= from && e.end <= to && (e.type === 'PERSON' || e.type === 'ORG')).pop();
  const n = mention ? storyName(ctx, doc, mention.entity) : undefined;
  return n ? { name: n.name, id: n.id } : undefined;
}

/** A cue of the quotes layer that names a statement by a noun: "a statement from X that …", "remarks by X that …". */
const STATEMENT_NOUN_CUE = /^(?:statements?|remarks?|comments?|announcement|assertion|claim)\s+(?:from|by)$/iu;

/**
 * The speaker of a statement named by a noun, read from the quotes layer's record that holds the
 * cue ("a statement from Foreign Minister X that his country proposed …").
 */
function statementFrom(ctx: StoryContext, doc: Doc, cue: Span): { name: string; id: string | null } | undefined {
  const q = doc.layers.quotes?.find((x) => !x.direct && x.cue && x.speaker && x.start <= cue.start && cue.end <= x.end && STATEMENT_NOUN_CUE.test(doc.text.slice(x.cue.start, x.cue.end)));
  const n = q ? storyName(ctx, doc, q.speaker!) : undefined;
  return n ? { name: n.name, id: n.id } : undefined;
}

/** "the latter announced": the one named last before it, in the sentence. */
function latterBefore(ctx: StoryContext, doc: Doc, sentence: Span, at: number): { name: string; id: string | null } | undefined {
  const lead = /\bthe\s+latter\s+(?:\p{Ll}+ly\s+)?(?:has\s+|had\s+)?$/iu.exec(doc.text.slice(sentence.start, at));
  if (!lead) return undefined;
  const mention = (doc.layers.entities ?? []).filter((m) => m.start >= sentence.start && m.end <= sentence.start + lead.index && ACTOR_TYPES.has(m.type)).pop();
  const n = mention ? storyName(ctx, doc, mention.entity) : undefined;
  return n ? { name: n.name, id: n.id } : undefined;
}

/** The last person named in the sentence before a point. */
function personBefore(ctx: StoryContext, doc: Doc, sentence: Span, at: number): { name: string; id: string | null } | undefined {
  const mention = (doc.layers.entities ?? []).filter((m) => m.start >= sentence.start && m.end <= at && m.type === 'PERSON' && isSubjectLike(doc.text, m, sentence.start)).pop();
  const n = mention ? storyName(ctx, doc, mention.entity) : undefined;
  return n ? { name: n.name, id: n.id } : undefined;
}

/**
 * The state or organisation a reported clause names as the cue's subject, when another actor
 * reports it ("the mission affirmed that [Veskaria] does not rule out talks"): the position is
 * stated for the state, so the state holds it as well as its spokesperson.
 */
function reportedState(ctx: StoryContext, doc: Doc, cue: Span, reporter: { name: string; id: string | null }): { name: string; id: string } | undefined {
  const parsed = parsedDoerAt(ctx, doc, cue.start);
  if (!parsed?.id || parsed.id === reporter.id || parsed.name === reporter.name) return undefined;
  const type = ctx.entities.get(parsed.id)?.type;
  return type === 'GPE' ? { name: parsed.name, id: parsed.id } : undefined;
}

/** Words that leave a group unnamed: "some analysts", "several diplomats". */
const INDEFINITE = /\b(?:some|several|many|various|other|certain|a\s+few|a\s+number\s+of)\s+$/iu;

/**
 * A group's name as the contract gives it: "unnamed analysts" for an indefinite set ("Some analysts
 * advocate …"), the group as written for one the text defines ("the modernists").
 */
function groupName(doc: Doc, sentence: Span, name: string): string {
  const text = doc.text.slice(sentence.start, sentence.end);
  const at = text.indexOf(name);
  return at >= 0 && INDEFINITE.test(text.slice(Math.max(0, at - 20), at)) ? `unnamed ${name}` : name;
}

/** A government named after its leader: "the reform-minded government of Ana Oresk". */
const LEADERS_BODY = /\bthe\s+(?:[\p{Ll}-]+\s+){0,3}(government|administration|cabinet)\s+of\s+(?:President\s+|Prime\s+Minister\s+)?(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)*)\s*$/u;

/**
 * A government described by its leader's name, as the subject written right before a cue, holds
 * its own position apart from the leader's ("the new government of Ana Oresk aims to reach a deal"
 * → "Oresk government"): the leader must be a person the story names.
 */
function leadersBody(ctx: StoryContext, doc: Doc, sentence: Span, lead: string): { name: string; id: null } | undefined {
  const m = LEADERS_BODY.exec(lead);
  if (!m) return undefined;
  const mention = (doc.layers.entities ?? []).find((e) => e.type === 'PERSON' && e.start >= sentence.start && e.end <= sentence.end && doc.text.slice(e.start, e.end) === m[2]);
  const leader = mention ? storyName(ctx, doc, mention.entity) : undefined;
  return leader ? { name: `${leader.name.split(/\s+/).pop()} ${m[1]}`, id: null } : undefined;
}

/** A quote this short (in words) may be a speaker's wording of what someone else did. */
const PARTIAL_QUOTE_WORDS = 3;

/** A quote of a few words whose speaker the clause holding it does not name. */
function isReportedWording(ctx: StoryContext, doc: Doc, sentence: Span, q: { start: number; end: number; speaker?: string }): boolean {
  if (doc.text.slice(q.start, q.end).split(/\s+/).filter(Boolean).length > PARTIAL_QUOTE_WORDS) return false;
  const speaker = q.speaker ? ctx.entities.resolve(doc.id, q.speaker) : undefined;
  return !(doc.layers.entities ?? []).some((m) => m.start >= sentence.start && m.end <= sentence.end && (m.entity === q.speaker || (speaker !== undefined && ctx.entities.resolve(doc.id, m.entity) === speaker)));
}

/** An infinitive cue ("willing to facilitate …") whose verb is not the topic's action: a stance on something else. */
function offTopicInfinitive(doc: Doc, cue: Span, stems: ReadonlySet<string>): boolean {
  if (CALL_FOR.test(doc.text.slice(cue.start, cue.end))) return offTopicCall(doc, cue, stems);
  if (!INFINITIVE_CUE.test(doc.text.slice(cue.start, cue.end))) return false;
  const next = /^\s+(?:to\s+)?[“"‘]?(?:\p{Ll}+ly\s+)?(\p{L}+)/u.exec(doc.text.slice(cue.end, cue.end + 40));
  if (!next) return false;
  const word = next[1]!.toLowerCase();
  const onTopic = (w: string): boolean => stems.has(stem(w)) || ASPECT_VERBS.has(w) || [...stems].some((s) => s.length >= 4 && w.startsWith(s));
  if (onTopic(word)) return false;
  // "want to force the government to negotiate": the verb a causative puts its object up to is what the stance is about.
  const rest = doc.text.slice(cue.end + next[0].length, cue.end + next[0].length + 60);
  const caused = CAUSATIVE.test(word) ? /^\s+(?:\S+\s+){1,4}?to\s+(\p{L}+)/u.exec(rest) : null;
  if (caused && onTopic(caused[1]!.toLowerCase())) return false;
  // "willing to facilitate dialogue": a verb that brings the topic about, its object the topic's own noun.
  const object = FURTHERING.test(word) ? /^\s+(?:(?:the|a|an|any|direct|further|new|renewed)\s+)*(\p{L}+)/u.exec(rest) : null;
  return !(object && onTopic(object[1]!.toLowerCase()));
}

/** "call for": what is called for follows. */
const CALL_FOR = /^call\w*\s+for$/iu;
/** Nouns that only frame what is called for ("the necessity of", "the need for"). */
const FRAMING_NOUN = /^(?:necessity|need|importance|start|resumption|launch|opening|beginning)$/;

/**
 * "called for the necessity of reevaluating the strategy …": a call for something other than the
 * topic (its first content word, framing nouns such as "the need for" passed over, is not a topic word).
 */
function offTopicCall(doc: Doc, cue: Span, stems: ReadonlySet<string>): boolean {
  const words = [...doc.text.slice(cue.end, cue.end + 80).matchAll(/\p{L}+/gu)].map((m) => m[0].toLowerCase());
  const content = words.filter((w) => !/^(?:the|a|an|of|for|to|any|new|direct|immediate|further|renewed|more|urgent)$/.test(w));
  const first = content.find((w) => !FRAMING_NOUN.test(w));
  return first === undefined || !(stems.has(stem(first)) || [...stems].some((s) => s.length >= 4 && first.startsWith(s)));
}

/** Verbs that bring something about: "willing to facilitate dialogue", "ready to support talks". */
const FURTHERING = /^(?:impose|imposing|facilitate|facilitating|support|supporting|encourage|encouraging|promote|promoting|host|hosting|mediate|mediating|broker|brokering|pursue|pursuing|seek|seeking|allow|allowing)$/;

/** Verbs that make someone else do something: "force X to …", "push X to …". */
const CAUSATIVE = /^(?:force|forcing|push|pushing|pressure|pressuring|pressing|press|compel|compelling|urge|urging|get|persuade|persuading|convince|convincing|drive|driving)$/;

interface StanceDate { readonly value: string | null; readonly from?: 'text' | 'published' }

/** The date of a stance: the dated time expression nearest the cue; a present reference or none gives the publication date of a present-tense report. */
function stanceDate(ctx: StoryContext, doc: Doc, sentence: Span, cue: Span, previous: Span | undefined, actorId: string | null): StanceDate {
  const inSentence = (doc.layers.times ?? []).filter((t) => t.start >= sentence.start && t.end <= sentence.end);
  const dated = inSentence.filter((t) => t.type !== 'DURATION' && t.type !== 'SET' && isDateValue(t.value));
  const gap = (t: Span): number => (t.end <= cue.start ? cue.start - t.end : t.start - cue.end);
  if (dated.length) return { value: dated.reduce((a, b) => (Math.abs(gap(b)) < Math.abs(gap(a)) ? b : a)).value, from: 'text' };
  // "When talks opened on 4 September, X set out …. ‘…,’ X said": the narrative date carries over to the next sentence about the same actor
  if (previous && actorId) {
    const prevDated = (doc.layers.times ?? []).filter((t) => t.start >= previous.start && t.end <= previous.end && isDateValue(t.value));
    const names = (doc.layers.entities ?? []).some((m) => m.start >= previous.start && m.end <= previous.end && ctx.entities.resolve(doc.id, m.entity) === actorId);
    if (prevDated.length && names) return { value: prevDated[prevDated.length - 1]!.value, from: 'text' };
  }
  const published = doc.meta.published?.value?.slice(0, 10) ?? null;
  const present = inSentence.some((t) => t.value === 'PRESENT_REF') || !/\b(?:had|was|were|did|said|\w+ed)\b/i.test(doc.text.slice(Math.max(sentence.start, cue.start - 60), cue.end));
  return present && published ? { value: published, from: 'published' } : { value: null };
}

/** The paragraph-aware previous sentence (none across a blank line). */
function previousSentence(doc: Doc, index: number): Span | undefined {
  const sentences = doc.layers.sentences ?? [];
  const prev = sentences[index - 1];
  if (!prev) return undefined;
  return /\n\s*\n/.test(doc.text.slice(prev.end, sentences[index]!.start)) ? undefined : prev;
}

function mentionsTopic(text: string, stems: ReadonlySet<string>, objects: readonly string[]): number[] {
  const at: number[] = [];
  for (const m of text.matchAll(/\p{L}+/gu)) if (stems.has(stem(m[0])) || [...stems].some((s) => s.length >= 6 && m[0].toLowerCase().startsWith(s))) at.push(m.index);
  for (const o of objects) for (let i = text.indexOf(o); i >= 0; i = text.indexOf(o, i + 1)) at.push(i);
  return at;
}

/** A word, then "with"/"on", right before a point: the object written after a head word ("talks with the U.S."). */
const HEAD_THEN_PREPOSITION = /(\p{L}+)\s+(?:with|on)\s+(?:the\s+)?$/iu;

/** How many distinct actors take a position in a sentence naming the object (by a written form, or "with"/"on" before a mention of its entity). */
function actorsOn(ctx: StoryContext, docs: ReadonlyMap<string, Doc>, topic: StanceTopic, stances: readonly Stance[], object: ObjectCandidate): number {
  const heads = new Set(topic.terms.map((t) => stem(t)));
  const afterHead = (doc: Doc, at: number): boolean => {
    const m = HEAD_THEN_PREPOSITION.exec(doc.text.slice(Math.max(0, at - 40), at));
    return m !== null && heads.has(stem(m[1]!));
  };
  const actors = new Set<string>();
  for (const s of stances) {
    const doc = docs.get(s.article);
    if (!doc) continue;
    const names = object.forms.some((f) => s.evidence.includes(f)) || (object.entity !== null && (doc.layers.entities ?? []).some((m) => m.start >= s.start && m.end <= s.end
      && ctx.entities.resolve(doc.id, m.entity) === object.entity && afterHead(doc, m.start)));
    if (names) actors.add(s.actor);
  }
  return actors.size;
}

/**
 * The question the story turns on (see topics.ts), its object chosen by how many distinct
 * actors take positions on it, objects naming one story entity counted together.
 */
export function findTopics(ctx: StoryContext): StanceTopic[] {
  // Every object candidate is scored against the same bare topic: its stances (and the articles by id) are found once, not once per candidate.
  const docs = new Map(ctx.docs.map((d) => [d.id, d]));
  let scored: { topic: StanceTopic; stances: Stance[] } | undefined;
  const stancesOn = (bare: StanceTopic): Stance[] => {
    if (scored?.topic !== bare) scored = { topic: bare, stances: findStances(ctx, [bare]) };
    return scored.stances;
  };
  return findTopicsBy(ctx, { objectScore: (bare, object) => actorsOn(ctx, docs, bare, stancesOn(bare), object) });
}

/**
 * Each actor's position on the story's question, with its date and evidence, so changes
 * over time show. Cues in a sentence near a word of the topic give the position (negated
 * refusals are openings, conditions override plain yes or no). The actor is the subject of
 * the reporting verb before the cue ("A said B will not …" is A's stance), else the subject
 * before the cue (a pronoun takes the last actor of the previous sentences), else the speaker
 * of the quote holding it; an organisation the entity layer does not name as a whole ("the
 * Veskarian mission to the United Nations") is kept as that description. "Committed to the
 * position of X" takes X's latest position; "initially" adds a note that the view changed.
 */
export function findStances(ctx: StoryContext, topics: StanceTopic[] = findTopics(ctx)): Stance[] {
  const out: Stance[] = [];
  const governments = new Map<string, string | undefined>();
  const speaksForOf = (f: Found): { speaksFor?: string } => {
    const key = f.actorId ?? `name:${f.actor}`;
    if (!governments.has(key)) governments.set(key, governmentOf(ctx, { name: f.actor, id: f.actorId }));
    const country = governments.get(key);
    return country ? { speaksFor: country } : {};
  };
  for (const topic of topics) {
    const stems = new Set(topic.terms.filter((t) => !t.includes(' ')).map((t) => stem(t)));
    const objects = topic.terms.filter((t) => t.includes(' '));
    const found: Found[] = [];
    // A deal is what negotiating seeks: terms set on "any deal" are terms set on negotiating.
    const negotiating = [...stems].some((t) => NEGOTIATION_STEM.test(t));
    for (const doc of ctx.docs) {
      const sentences = doc.layers.sentences ?? [];
      let lastActor: { name: string; id: string | null } | undefined;
      // Where each sentence names the topic (relative to the sentence), found once: later sentences look back at earlier ones.
      const topicIn = sentences.map((s) => mentionsTopic(doc.text.slice(s.start, s.end), stems, objects));
      sentences.forEach((sentence, index) => {
        const text = doc.text.slice(sentence.start, sentence.end);
        const previous = previousSentence(doc, index);
        const topicAt = topicIn[index]!.map((i) => sentence.start + i);
        const prevTopic = previous ? topicIn[index - 1]!.length > 0 : false;
        // "Kell rejects this": what an anaphoric object points back to may be named a sentence or two before, across a paragraph break.
        const earlierTopic = topicIn.slice(Math.max(0, index - ANAPHOR_REACH), index).some((at) => at.length > 0);
        const perActor = new Map<string, Found>();
        // A cue counts only near the topic, after a sentence naming it, or (negotiating) near a deal: other sentences need no cue search.
        const mayHold = topicAt.length > 0 || prevTopic || earlierTopic || negotiating;
        for (const cue of mayHold ? findCues(text, sentence.start) : []) {
          const near = topicAt.some((i) => Math.abs(i - cue.start) <= TOPIC_REACH) || (topicAt.length === 0 && prevTopic && (cue.position === 'open' || cue.position === 'neutral'))
            || (topicAt.length === 0 && earlierTopic && ANAPHORIC_OBJECT.test(doc.text.slice(cue.end, cue.end + 30)))
            || (negotiating && (cue.position === 'conditional' || cue.position === 'for')
              && (DEAL_BEFORE.test(doc.text.slice(Math.max(sentence.start, cue.start - 40), cue.start)) || DEAL.test(doc.text.slice(cue.start, cue.end))));
          if (!near || offTopicInfinitive(doc, cue, stems)) continue;
          const quoted = doc.layers.quotes?.find((q) => q.direct && q.start <= cue.start && cue.end <= q.end);
          // A few words quoted from a speaker the sentence does not name ('the other side "invited" talks', a summary of what
          // the speaker reported): the sentence's own subject holds the position, the speaker only worded it.
          const quote = quoted && isReportedWording(ctx, doc, { start: clauseStart(doc.text, sentence.start, cue.start), end: sentence.end }, quoted) && subjectBefore(ctx, doc, sentence, cue.start, { ownClause: true }) ? undefined : quoted;
          let actor: { name: string; id: string | null } | undefined;
          if (quote) {
            const n = quote.speaker ? storyName(ctx, doc, quote.speaker) : undefined;
            // an unnamed speaker ("a prominent analyst") is no actor; a body described by its function is
            actor = n ? { name: n.name, id: n.id } : quote.speakerText && BODY_DESCRIPTION.test(quote.speakerText) && !/^unnamed\b/i.test(quote.speakerText) ? { name: quote.speakerText, id: null } : undefined;
          }
          if (!actor && !quote) actor = trailingSpeaker(ctx, doc, sentence, cue) ?? statementFrom(ctx, doc, cue);
          if (!actor && !quote) {
            const reports = [...text.slice(0, cue.start - sentence.start).matchAll(REPORTING_VERB)];
            const verb = reports[reports.length - 1];
            actor = verb ? latterBefore(ctx, doc, sentence, sentence.start + verb.index) ?? subjectBefore(ctx, doc, sentence, sentence.start + verb.index) : undefined;
            // "Some have suggested that …": people the text leaves unnamed, speaking as commentators.
            if (verb && !actor && /(?:^|[.:;]\s*|\s)(?:some|others|many)\s+(?:have\s+|had\s+)?$/iu.test(text.slice(0, verb.index))) actor = { name: 'unnamed commentators', id: null };
            // "Some analysts advocate …": a group the parse gives as the reporting verb's subject, when no name is.
            const speakers = verb && !actor ? parsedDoerAt(ctx, doc, sentence.start + verb.index, true) : undefined;
            if (speakers && speakers.id === null && GROUP.test(speakers.name)) actor = { name: groupName(doc, sentence, speakers.name), id: null };
            // "A reported that the modernists want to …": a group named as the cue's own subject holds it, not the one reporting it.
            const group = actor ? parsedDoerAt(ctx, doc, cue.start, true) : undefined;
            if (group && group.id === null && GROUP.test(group.name)) actor = { name: groupName(doc, sentence, group.name), id: null };
            // the cue's own clause holds its subject: in "…, and as officials rule out talks" an earlier name is not it
            actor ??= leadersBody(ctx, doc, sentence, doc.text.slice(sentence.start, cue.start)) ?? subjectBefore(ctx, doc, sentence, cue.start, { ownClause: true });
            const clause = doc.text.slice(clauseStart(doc.text, sentence.start, cue.start), cue.start);
            // "X …, where he refused": the pronoun takes the last person named earlier in the sentence, else the last actor before it
            if (!actor && PRONOUN_SUBJECT.test(clause)) actor = personBefore(ctx, doc, sentence, cue.start) ?? lastActor;
            // Else the parse's subject of the cue, resolved through the reference layer ("the minister", a capital for its government).
            // A group named by a plural noun ("the principlists currently reject …") holds the position as a group.
            if (!actor) {
              const parsed = parsedDoerAt(ctx, doc, cue.start, true);
              if (parsed && (parsed.id !== null || GROUP.test(parsed.name))) actor = { name: parsed.id === null ? groupName(doc, sentence, parsed.name) : parsed.name, id: parsed.id };
            }
          }
          if (!actor) continue;
          // "The mission said that [the state] does not rule out talks": the state named as the cue's own subject holds it too.
          // (Having received a message or studying it is the messenger's act, not a position of the state that received it.)
          const state = cue.position === 'neutral' ? undefined : reportedState(ctx, doc, cue, actor);
          for (const holder of state ? [actor, state] : [actor]) {
            const key = holder.name;
            const prior = perActor.get(key);
            const position = prior ? strongerPosition(prior.position, cue.position) : cue.position;
            const date = prior ? { value: prior.date, from: prior.dateFrom } : stanceDate(ctx, doc, sentence, cue, previous, holder.id);
            const undecided = position === 'neutral' && (prior?.undecided === true || cue.undecided === true);
            perActor.set(key, { actor: holder.name, actorId: holder.id, position, date: date.value, ...(date.from ? { dateFrom: date.from } : {}), ...(undecided ? { undecided } : {}), doc, sentence });
          }
        }
        const align = ALIGNMENT.exec(text);
        if (align) {
          const at = sentence.start + align.index;
          const subject = subjectBefore(ctx, doc, sentence, at) ?? (PRONOUN_SUBJECT.test(text.slice(0, align.index)) ? lastActor : undefined);
          const reporter = [...text.slice(0, align.index).matchAll(REPORTING_VERB)].pop();
          const holder = reporter ? subjectBefore(ctx, doc, sentence, sentence.start + reporter.index) ?? subject : subject;
          const after = (doc.layers.entities ?? []).find((m) => m.start >= at + align[0].length && m.end <= sentence.end && m.type === 'PERSON');
          const leader = after ? storyName(ctx, doc, after.entity) : undefined;
          if (holder && leader && holder.name !== leader.name) {
            const date = stanceDate(ctx, doc, sentence, { start: at, end: at + align[0].length }, previous, holder.id);
            perActor.set(holder.name, { actor: holder.name, actorId: holder.id, position: 'neutral', date: date.value, ...(date.from ? { dateFrom: date.from } : {}), doc, sentence, alignWith: leader.name });
          }
        }
        for (const f of perActor.values()) {
          if (EARLIER_VIEW.test(text)) f.note = EARLIER_NOTE;
          found.push(f);
        }
        const subject = subjectBefore(ctx, doc, sentence, sentence.end);
        if (subject && subject.id) lastActor = subject;
      });
    }
    // take the position of the actor one is aligned with, as it stood on that date
    for (const f of found) {
      if (!f.alignWith) continue;
      const theirs = found.filter((o) => o.actor === f.alignWith && !o.alignWith && (!f.date || !o.date || o.date <= f.date));
      const latest = theirs.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).pop();
      f.position = latest?.position ?? 'neutral';
      f.note = [`aligned with ${f.alignWith}`, f.note].filter(Boolean).join('; ');
    }
    // "committed to the leader's position even though his own view had initially been different": his earlier view was the other side.
    for (const f of found.filter((x) => x.alignWith && x.note?.includes(EARLIER_NOTE) && OPPOSITE[x.position])) {
      found.push({ ...f, position: OPPOSITE[f.position]!, date: null, dateFrom: undefined, note: `initially held this view, before aligning with ${f.alignWith}`, alignWith: undefined });
    }
    const seen = new Set<string>();
    for (const f of found) {
      const key = `${f.actor}|${f.position}|${f.date}|${f.doc.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        actor: f.actor, topic: topic.label, position: f.position, date: f.date, article: f.doc.id,
        evidence: f.doc.text.slice(f.sentence.start, f.sentence.end), start: f.sentence.start, end: f.sentence.end,
        ...(f.note ? { note: f.note } : {}),
        ...(f.date && f.dateFrom ? { dateFrom: f.dateFrom } : {}),
        ...(f.undecided ? { undecided: true, note: [f.note, UNDECIDED_NOTE].filter(Boolean).join('; ') } : {}),
        ...speaksForOf(f),
      });
    }
  }
  return out;
}
