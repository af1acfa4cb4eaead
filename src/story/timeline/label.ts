/**
 * A short "who did what" line for a timeline entry, a clause where the article's words allow one:
 * the doer's name and the action as the article words it, from the verb (or event noun) on,
 * without the date, about a dozen words and cut where a clause or phrase ends ("Ana Oresk indicated
 * that the message was being studied"). Headline-style and reduced clauses are made finite ("X
 * echoing the plan" → "X echoed the plan", "a probe into X, launched last week" → "A probe into X
 * was launched"), a writer's framing ("It is worth noting that …") is dropped, and with no clause
 * to be had the label is the doer and a noun phrase ("Veskaria: withdrawal from the treaty").
 */
import type { Doc, Span } from '../../core/index.js';
import type { DatedAction } from './actor.js';
import { dateInterval } from './dates.js';
import { AUXILIARY, isPastForm, pastOfParticiple } from './verbs.js';
import { cachedRegExp, escapeRegExp } from '../patterns.js';

/** Words in a label: enough to say what happened, short enough to read at a glance. */
const MAX_LABEL_WORDS = 12;
/** Words of the action after a long name: the name does not leave the action without its object. */
const MIN_LABEL_ACTION_WORDS = 8;
/** A date phrase and the preposition before it, removed from the action's words. */
const DATE_LEAD = /\s*(?:\b(?:on|in|at|since|by|from|until|during|of)\s+)?(?:the\s+)?$/i;
/** A dateline opening a sentence ("PORT VELAN, Veskaria — "): no part of what happened. */
const DATELINE_LEAD = /^\s*\p{Lu}[\p{Lu}\s.'’-]+(?:,\s*[\p{L}.\s]+?)?\s*(?:\([^)]{1,20}\)\s*)?[—–-]+\s*/u;
/** What is left of a clock time after its date is taken out: its time zone and the same time in another zone ("ET (0505 GMT)"). */
const TIME_ZONE_AFTER = /^\s*(?:\p{Lu}{1,3}T|UTC|GMT)?(?:\s*\(\s*[\d:.]{2,5}\s*(?:\p{Lu}{1,3}T|UTC|GMT)\s*\))?(?=[\s,.;:]|$)/u;
/** An action that is only the verb of saying ("said", "told reporters"): the words said come before it. */
const REPORTING_ONLY = /^(?:said|says|told(?:\s+\S+){0,2}|added|reported|announced|stated|confirmed)$/i;
/** The words said, before ", the X said" at the end of a sentence. */
const SAID_BEFORE = /^\s*(.+?)\s*,\s*(?:[\p{L}’'-]+\s+){0,6}$/u;
/** Where an action's words end: the next clause or the sentence's end. */
const ACTION_END = /[;:—–]|,\s+(?:and|but|while|whereas|which|where|as)\b|\s+(?:while|whereas|because|although)\b/u;

/** Words a cut label must not end on: it would read as broken off mid-phrase ("a campaign of … on…"). */
const DANGLING = /^(?:a|an|the|of|on|in|at|to|for|from|by|with|into|and|or|but|that|which|who|its|their|his|her|this|these|those|than|as|more|one)$/i;
/** A label cut at a clause boundary keeps at least this many words. */
const MIN_CLAUSE_WORDS = 5;

/** A word that opens a clause or phrase hanging on what came before: a long label ends before it. */
const CLAUSE_OPENER = /^(?:that|which|who|whom|whose|after|before|because|while|whereas|although|though|when|since|until|unless|despite|amid|as)$/i;
/** Prepositions a long label may end before: what follows only says where, how or with what. */
const PHRASE_OPENER = /^(?:with|in|on|at|from|for|by|into|over|under|about|against|off|near|through|across|toward|towards|within|without)$/i;
/** A verb of saying before "that": the "that" opens what was said, the label's substance. */
const SAYS_THAT = /^(?:said|says|stated|noted|added|announced|confirmed|indicated|stressed|declared|argued|warned|insisted|explained|emphasi[sz]ed|affirmed|reported|told|wrote|believes?|believed|thinks?|thought|knew|knows)$/i;
/** Words that make a preposition with the one after them ("due to", "ahead of"): never the last word. */
const PREPOSITION_LEAD = /^(?:due|according|prior|ahead|owing|instead|because|close|next|rather|out|up|along|together|regardless)$/i;
/** A word that is a finite verb in any reading: an auxiliary, a past tense. */
const FINITE = /^(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|should|did|does|do|\p{Ll}{2,}ed)$/u;
/** Most words a cut before a trailing prepositional phrase leaves out of the budget. */
const MAX_PHRASE_DROPPED = 3;
/** A long label cut at a boundary keeps at least this many words. */
const MIN_CUT_WORDS = 3;

/** Trailing punctuation and quote marks of a word, for reading it bare. */
const bare = (w: string): string => w.replace(/^[“"‘(]+|[”"’),;:.!?]+$/gu, '');

/**
 * Where a long action is best cut, keeping at most `max` words: before a quotation or participle
 * phrase after a comma (", “If …", ", fearing …"), at a comma, before a subordinate, relative or
 * participle clause ("… after X imposed …", "… that could …", "a delegation headed by …"), before a
 * trailing prepositional phrase; -1 when no such place is found.
 */
function clauseCut(ws: readonly string[], max: number): number {
  const quoteOpen = (k: number): boolean => {
    const head = ws.slice(0, k).join(' ');
    return (head.match(/“/gu)?.length ?? 0) !== (head.match(/”/gu)?.length ?? 0) || (head.match(/"/g)?.length ?? 0) % 2 === 1;
  };
  const places: ((k: number) => boolean)[] = [
    // ", “If …" and ", fearing …": what was said, or an aside, after the action.
    (k) => (/,$/.test(ws[k - 1]!) && (/^[“"]/u.test(ws[k]!) || /^\p{Ll}+ing$/u.test(ws[k]!))) || /^[“"]\p{Lu}/u.test(ws[k]!),
    // A comma ends a clause or an aside: cut there and the label reads whole ("… killed General X", not "…, a high-ranking…").
    (k) => /,$/.test(ws[k - 1]!) && !/^\d/.test(ws[k] ?? ''),
    (k) => CLAUSE_OPENER.test(ws[k]!) && !(bare(ws[k]!).toLowerCase() === 'that' && SAYS_THAT.test(bare(ws[k - 1]!)))
      // "a delegation headed by X", "a message calling for X": a participle after a noun.
      || (/^\p{Ll}+ed$/u.test(ws[k]!) && ws[k + 1] === 'by') || (/^\p{Ll}{3,}ing$/u.test(ws[k]!) && /^\p{Ll}{3,}$/u.test(ws[k - 1]!) && !DANGLING.test(ws[k - 1]!) && !PHRASE_EDGE.test(ws[k - 1]!)
        // (a participle takes its own words, "calling for …"; a noun in -ing ends its phrase, "a quay meeting").
        && (DANGLING.test(bare(ws[k + 1] ?? '')) || PHRASE_OPENER.test(bare(ws[k + 1] ?? '')))),
    // Only once a finite verb is kept: "the toll in the city has risen" is not cut to "the toll".
    (k) => PHRASE_OPENER.test(ws[k]!) && !DANGLING.test(bare(ws[k - 1]!)) && !PREPOSITION_LEAD.test(bare(ws[k - 1]!)) && ws.slice(0, k).some((w) => FINITE.test(bare(w)) || isPastForm(bare(w))),
  ];
  for (const [i, place] of places.entries()) {
    // A trailing phrase is dropped only when it is short: a long one holds what the label is about.
    const min = i === 0 ? 2 : i === 1 ? MIN_CLAUSE_WORDS : i === 2 ? MIN_CUT_WORDS : Math.max(MIN_CUT_WORDS, max - MAX_PHRASE_DROPPED);
    for (let k = Math.min(max, ws.length - 1); k >= min; k--) if (place(k) && !quoteOpen(k)) return k;
  }
  return -1;
}

function words(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(/[\s,;:.–—-]+$/u, '');
  const ws = flat.split(' ');
  if (ws.length <= max) return flat;
  const cut = clauseCut(ws, max);
  if (cut > 0) return ws.slice(0, cut).join(' ').replace(/[\s,;:–—-]+$/u, '');
  let keep = ws.slice(0, max);
  // A number without what it counts ("warnings 72…") is broken off as much as a dangling article.
  while (keep.length > MIN_CLAUSE_WORDS && (DANGLING.test(keep[keep.length - 1]!.replace(/[“”"‘’',;:]+/gu, '')) || /^[\d.,]+$/u.test(keep[keep.length - 1]!))) keep = keep.slice(0, -1);
  return `${keep.join(' ').replace(/[\s,;:–—-]+$/u, '')}…`;
}

/** Verbs of saying: the setting of the saying ("in an interview with …", "through a post on …") gives way to what was said. */
const SAYING = /^(?:said|stated|noted|emphasi[sz]ed|affirmed|confirmed|announced|indicated|stressed|declared|wrote|argued|warned|insisted|explained|added|told\s+\S+)$/i;
const SAYING_SETTING = /^(\S+(?:\s+\S+)?)\s+(?:in|during|through|via|on|at|with|to)\s+[^;:]{3,160}?\s*,?\s+(?:\p{L}+ing\s+)?(?=that\s)/u;

/** "stated in an interview with the X newspaper that …" reads "stated that …". */
function withoutSettingOfSaying(text: string): string {
  const m = SAYING_SETTING.exec(text);
  return m && SAYING.test(m[1]!) ? `${m[1]} ${text.slice(m[0].length)}` : text;
}

/** Words that end a noun phrase's left edge when reading back from a verb. */
const PHRASE_EDGE = /^(?:with|of|into|for|on|by|in|at|from|to|and|or|but|while|after|before|as|than|over|under|about|against)$/i;
/** Longest noun phrase taken in front of a verb that only modifies it. */
const MAX_PHRASE_WORDS = 6;

/**
 * A verb that only modifies a noun before it ("a probe into X, launched last week", "actions set
 * to begin on 10 May"): the noun phrase, the lead ("set to ") and the verb, for the label to join
 * as a clause ("A probe into X was launched", "Unspecified actions are set to begin"). Null when the
 * words before the verb are no such phrase.
 */
function reducedRelative(doc: Doc, sentence: Span, action: Span): { phrase: string; lead: string; verb: string } | null {
  const before = doc.text.slice(sentence.start, action.start);
  const lead = /((?:set|due|expected|scheduled)\s+to\s+)$/i.exec(before)?.[1] ?? '';
  const head = before.slice(0, before.length - lead.length);
  if (!/\p{L}[\s,]*$/u.test(head) || /\b(?:is|are|was|were|be|been|has|have|had)\s*$/i.test(head)) return null;
  // The words since the last clause mark, the comma right before the verb aside.
  const ws = head.replace(/,\s*$/, '').split(/[;:—–,]/u).pop()!.trim().split(/\s+/).filter(Boolean);
  let from = ws.length;
  while (from > 0 && !PHRASE_EDGE.test(ws[from - 1]!) && ws.length - from < MAX_PHRASE_WORDS) from--;
  // The whole clause when short ("a probe into X"), else from the last edge word on ("unspecified actions").
  const phrase = (ws.length <= MAX_PHRASE_WORDS ? ws : ws.slice(from)).join(' ');
  if (!/\p{L}{3}/u.test(phrase)) return null;
  const verb = doc.text.slice(action.start, action.end);
  return { phrase, lead: lead.replace(/\s+/g, ' '), verb };
}

/** The article's words for the action, from its verb or noun on (the clause's start when nobody is named), the date taken out. */
function actionWords(doc: Doc, sentence: Span, read: DatedAction, date: Span): { text: string; colon: boolean } {
  const from = read.theme?.start ?? (read.actor ? read.action?.start ?? read.clause.start : read.clause.start);
  const rest = doc.text.slice(from, sentence.end);
  const end = ACTION_END.exec(rest.slice(Math.max(1, (read.action?.end ?? from) - from)));
  // A noun event ends where its date is ("withdrawal from the KHB pact in 2031").
  const nounEnd = read.nominal && date.start > from ? date.start : Infinity;
  // The clause's end, unless it only opens what was said ("… said that …").
  const clauseEnd = /^\s*(?:that|which|in which)\b/i.test(doc.text.slice(read.clause.end, read.clause.end + 12)) || read.clause.end <= from ? Infinity : read.clause.end;
  const to = Math.min(nounEnd, clauseEnd, from + Math.max(1, (read.action?.end ?? from) - from) + (end ? end.index : rest.length));
  let text = doc.text.slice(from, Math.min(to, sentence.end));
  let colon = read.nominal;
  if (date.start >= from && date.end <= from + text.length) {
    const after = text.slice(date.end - from);
    // A date that modifies what follows ("the 1996 treaty") goes alone; a date phrase ("on 3 May") goes with its preposition.
    const modifier = /^\s+\p{L}/u.test(after) && /\b(?:the|a|an|its|his|her|their|this|that|these|those)\s+$|[’']s\s+$/i.test(text.slice(0, date.start - from));
    const head = modifier ? text.slice(0, date.start - from).replace(/\s+$/, '') : text.slice(0, date.start - from).replace(DATE_LEAD, '');
    // "…on 3 April, her office said": the attribution after the date is not part of what was done.
    const endsHere = !modifier && (/^\s*(?:,\s*\d{4})?\s*,\s*(?!(?:in\s+)?(?:which|who|that|where)\b)(?:[\p{L}’'-]+\s+){0,4}(?:said|says|told|added|reported|according)\b/u.test(after)
      // "The new toll, announced Tuesday, 1 April, covers …": the aside that holds the date ends what was done.
      || (/,\s*\p{L}+ed\s*$/u.test(text.slice(0, date.start - from).replace(DATE_LEAD, '')) && /^\s*,/.test(after)));
    // "2018's playbook" loses its possessive with its year
    const tail = endsHere ? '' : after.replace(/^[’']s\b/u, '').replace(TIME_ZONE_AFTER, '').replace(/^\s*,?\s*(?:\d{4}\s*,?)?/, ' ');
    // "a 2011 uprising" without its year reads "an uprising"
    const article = /\b[Aa]$/.test(head) && /^\s*(?:[aeio]|u[b-df-hj-np-tv-z]{2})/.test(tail) ? 'n' : '';
    text = `${head}${article}${tail}`;
  }
  if (read.passive && read.action) {
    // "statements made by X in response to…" reads "statements in response to…" after the doer's name;
    // "this was confirmed by X in a statement" reads "confirmed in a statement".
    const noun = /(\p{L}+)\s*$/u.exec(doc.text.slice(read.clause.start, read.action.start))?.[1] ?? '';
    const withoutAgent = text.replace(/^(\S+)\s+by\s+[^,;]*?(?=\s+(?:on|in|at|from|to|for|with|during|after|before|who|which|that|where)\b|[,;]|$)/u, '$1');
    const auxiliary = /^(?:was|were|is|are|been|be|being)$/i.test(noun);
    text = auxiliary ? withoutAgent : `${noun} ${withoutAgent.replace(/^\S+/, '')}`;
    colon = !auxiliary;
  }
  // Asides describe people already named ("…, the former head of the committee, …").
  text = text.replace(/,\s+(?:a|an|the|former|then)\b[^,;]*,/giu, '');
  text = text.replace(/^[\s,]+/, '').replace(/\s+([,.;:!?])/g, '$1').replace(/^(?:and|but|while|as|that|which|who)\s+/i, '')
    .replace(/\s+(?:in|on|at|since|of|from|by|during|until)\s*$/i, '');
  return { text, colon };
}

/** Words that only join a subject to what is said of it: no action on their own ("Veskaria was"). */
const AUXILIARY_ONLY = /^(?:was|were|is|are|be|been|being|has|have|had|did|does|do)$/i;

/** What a passive's agent opens with ("made by …"): a text without it has none. */
const AGENT_LEAD = /^\p{L}+\s+by\s+/iu;
/** "in which he …" right after a passive's agent, or after the noun the relative clause hangs on ("statements in which he …"). */
const RELATIVE_AFTER_AGENT = /^(?:in|with|through)\s+which\s+(?:he|she|they|it)\s+/iu;
const RELATIVE_AFTER_NOUN = /^\p{L}+\s+(?:in|with|through)\s+which\s+(?:he|she|they|it)\s+/iu;

/**
 * A passive the reading did not undo, whose agent is the doer, or a noun whose relative clause
 * says what the doer did: "made by US President Kell in which he announced a visit" and
 * "statements in which he announced a visit" read "announced a visit", "confirmed by Ana Oresk in
 * a statement" reads "confirmed in a statement" (the doer's name goes in front). Null when the
 * words are none of these.
 */
function activeVoice(text: string, who: string): string | null {
  const surname = escapeRegExp(who.trim().split(/\s+/).pop()!);
  // The pattern with the surname is compiled only for the few texts that open with an agent phrase (compiling it is the cost).
  const agent = AGENT_LEAD.test(text) ? cachedRegExp(`^(\\p{L}+)\\s+by\\s+(?:[\\p{L}.’'-]+\\s+){0,4}?${surname}\\b,?\\s*`, 'iu').exec(text) : null;
  const rest = agent ? text.slice(agent[0].length) : text;
  const relative = (agent ? RELATIVE_AFTER_AGENT : RELATIVE_AFTER_NOUN).exec(rest);
  if (relative) return rest.slice(relative[0].length);
  return agent ? `${agent[1]} ${rest}` : null;
}

/** A caption of pictures: "images from X show(s) A on DATE, top, and B on DATE2". */
const CAPTION = /\b(?:images?|photos?|photographs?|pictures?|footage)\b[^.;]*?\bshows?\s+/iu;
/** Where a picture sits on the page: furniture of the caption, not what it shows. */
const PLACEMENT = /,\s*(?:top|bottom|left|right|above|below)(?:\s+(?:left|right))?\s*,?\s*$/i;

/** What a caption says a picture dated here shows: the words from "shows" or "and" to the date ("the same flooded bridge"). */
function captionSubject(doc: Doc, sentence: Span, date: Span): string | null {
  const text = doc.text.slice(sentence.start, date.start);
  const shows = CAPTION.exec(text);
  if (!shows) return null;
  const after = text.slice(shows.index + shows[0].length);
  const part = after.split(/,?\s+and\s+/).pop()!.replace(PLACEMENT, '').replace(DATE_LEAD, '').replace(/[\s,]+$/, '');
  return /\p{L}{3}/u.test(part) && part.split(/\s+/).length <= MAX_LABEL_WORDS ? part : null;
}

/** A writer's framing before what happened ("It is worth noting that …", "It should be noted that …"): no part of the event. */
const FRAMING = /^\s*(?:it\s+(?:is|was)\s+(?:also\s+)?(?:worth\s+(?:noting|mentioning|recalling)|(?:notable|noteworthy|clear|important\s+to\s+(?:note|recall)))|it\s+(?:should|must)\s+be\s+(?:noted|mentioned|recalled)|(?:notably|of\s+note|needless\s+to\s+say))\s*,?\s*(?:that\s+)?/i;
/** A label with no verb that opens with a linking adverb or preposition ("Especially with the deadline"): the noun phrase is what is dated. */
const VERBLESS_LEAD = /^(?:(?:especially|particularly|notably|mainly|chiefly|even|only|just|also)\s+)?(?:with|amid|despite|after|before|during|following|in|on|at|since|by|from|until)\s+(?=(?:the|a|an|its|their|his|her)\s)/i;
/** A noun phrase and a relative pronoun whose clause holds the action: "a storm which hit X" reads "A storm hit X". */
const RELATIVE_HEAD = /\b((?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)\s*,?\s+(?:which|that|who)\s+(?=\p{Ll})/u;

/** A timeline label and whether it reads as a clause: a subject and a finite verb ("X signed Y"), not "X: a noun phrase". */
export interface Label {
  readonly text: string;
  readonly clause: boolean;
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
/** A determiner or pronoun opening what was said loses its capital after "X said" (names keep theirs). */
const lowerLead = (text: string): string => text.replace(/^(The|A|An|This|That|These|Those|It|They|We|He|She|Its|Their|Our|His|Her|Most|Some|All|No)\b/u, (w) => w.toLowerCase());
/** "were" after a plural head noun ("new rules … were"), else "was". */
const beFor = (phrase: string): string => {
  const head = phrase.split(/\s+(?:of|into|on|in|for|from|with|against|to|by)\s+/i)[0]!.trim().split(/\s+/).pop() ?? '';
  return /^(?:a|an|one)\s/i.test(phrase) || !/[^su]s$/i.test(head) ? 'was' : 'were';
};

/** The date's value as the times stage resolved it, and whether it is not after the article's publication (the past tense fits). */
function datedInPast(doc: Doc, date: Span): boolean {
  const value = (doc.layers.times ?? []).find((t) => t.start === date.start && t.end === date.end)?.value;
  const published = doc.meta.published?.value;
  if (!value || !published) return true;
  const [at, pub] = [dateInterval(value), dateInterval(published.slice(0, 10))];
  return !at || !pub || at.start <= pub.start;
}

/**
 * An action headed by an "-ing" participle, as headlines and reduced clauses word it ("echoing the
 * plan", "declaring at a briefing"): the participle in the past when the date is not after the
 * article, or the relative clause inside it when it names its own doer ("following a storm which
 * hit X" → "a storm hit X"). Null when the action is not so headed.
 */
function finiteAction(doc: Doc, sentence: Span, read: DatedAction, date: Span, text: string): { text: string; own: boolean } | null {
  if (!read.action || read.nominal) return null;
  const verb = doc.text.slice(read.action.start, read.action.end).split(/\s+/)[0]!;
  if (!text.startsWith(verb) || !/ing$/i.test(verb)) return null;
  const before = doc.text.slice(sentence.start, read.action.start).trim().split(/\s+/).pop() ?? '';
  // "is approving" is finite already; "the orbiting station" is an adjective.
  if (AUXILIARY.test(before) || /^(?:a|an|the|its|their|his|her|this|that|these|those)$/i.test(before)) return null;
  const rest = doc.text.slice(read.action.start, sentence.end);
  const relative = RELATIVE_HEAD.exec(rest);
  if (relative) {
    // The relative clause to its end (the next clause mark), its date taken out.
    const from = read.action.start + relative.index + relative[0].length;
    const end = from + (/[,;:—–(]|$/u.exec(doc.text.slice(from, sentence.end))?.index ?? 0);
    const words = date.start >= from && date.end <= end
      ? `${doc.text.slice(from, date.start).replace(DATE_LEAD, '')}${doc.text.slice(date.end, end)}`
      : doc.text.slice(from, end);
    return { text: `${relative[1]} ${words.replace(/[\s.!?]+$/u, '')}`, own: true };
  }
  const past = pastOfParticiple(verb);
  // A participle becomes a past only with its doer named ("X declaring" → "X declared").
  if (!past || !read.actor || !datedInPast(doc, date)) return null;
  return { text: `${past}${text.slice(verb.length)}`, own: false };
}

/** A date, a place and "there will be …" ("Tomorrow in Orlen there will be a guild delegation, …"): the place and the auxiliaries. */
const EXISTENTIAL_AFTER_DATE = /^\s*,?\s*((?:in|at)\s+(?:the\s+)?\p{Lu}[^\s,;]*(?:\s+\p{Lu}[^\s,;]*){0,3})\s*,?\s+there\s+((?:(?:will|would|could|may|might|should|must|has|have|had|been|also)\s+){0,3}(?:be|is|are|was|were))\s/u;

/** "Who did what": the doer's name, then the action in the article's words, a clause where the words allow one. */
export function whoDidWhat(doc: Doc, sentence: Span, read: DatedAction, date: Span): Label {
  // "Tomorrow in Orlen there will be a Tessel delegation …": the ones there are said to be where they will be.
  const there = read.actor ? EXISTENTIAL_AFTER_DATE.exec(doc.text.slice(date.end, sentence.end)) : null;
  if (there && read.actor) return { text: `${read.actor.name} ${there[2]} ${there[1]}`, clause: true };
  // A picture's date: what the picture shows, credited to its provider.
  const pictured = captionSubject(doc, sentence, date);
  if (pictured) return { text: read.actor ? `${read.actor.name} picture shows ${pictured}` : `A picture shows ${pictured}`, clause: true };
  let { text, colon } = actionWords(doc, sentence, read, date);
  // "a gale which struck the coast": a relative clause with no doer named reads with the noun it is about.
  const antecedent = !read.actor && !read.theme ? /((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s*,?\s+(?:which|that|who)\s+$/u.exec(doc.text.slice(sentence.start, read.clause.start)) : null;
  // The noun phrase from its article on ("following a storm" → "a storm").
  if (antecedent && text.length) text = `${antecedent[1]!.replace(/^.*?\b(?=(?:a|an|the)\s)/i, '')} ${text}`;
  let who = read.actor?.name;
  const active = who ? activeVoice(text, who) : null;
  if (active) { text = active; colon = false; }
  text = withoutSettingOfSaying(text);
  // What the writer frames ("It is worth noting that X did Y") is X doing Y, its own subject named.
  const unframed = text.replace(FRAMING, '');
  if (unframed !== text && /\p{L}{3}/u.test(unframed)) return { text: capitalized(words(unframed, MAX_LABEL_WORDS)), clause: true };
  // "State media echoing the plan", "a ministry following a storm which hit the coast".
  const finite = colon ? null : finiteAction(doc, sentence, read, date, text);
  if (finite) {
    text = finite.text;
    if (finite.own) who = undefined;
  }
  const budget = Math.max(MIN_LABEL_ACTION_WORDS, MAX_LABEL_WORDS - (who ? who.split(/\s+/).length : 0));
  // A lone verb, or a name and a verb after a comma ("launched", "X, launched"): the verb modifies a noun before it.
  const lone = text.replace(/[\s.,;:!?]+$/u, '');
  if (read.action && !read.nominal && !REPORTING_ONLY.test(lone) && (!/\s/.test(lone) || /^[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,2},\s+\p{L}+$/u.test(lone))) {
    const reduced = reducedRelative(doc, sentence, read.action);
    if (reduced) {
      // "an inquiry into X, launched last week" reads "An inquiry into X was launched"; "talks set to begin" reads "Talks are set to begin".
      const be = beFor(reduced.phrase);
      const clause = `${reduced.phrase} ${reduced.lead ? (be === 'was' ? 'is' : 'are') : be} ${reduced.lead}${reduced.verb}`;
      return { text: who ? `${who}: ${clause}` : capitalized(clause), clause: true };
    }
  }
  // "…, the relief agency said": what was said, before the attribution, is the action.
  if (who && REPORTING_ONLY.test(text.replace(/[\s.,;:!?]+$/u, ''))) {
    const said = SAID_BEFORE.exec(doc.text.slice(sentence.start, read.action?.start ?? read.clause.start));
    const verb = text.replace(/[\s.,;:!?]+$/u, '').split(/\s+/)[0]!;
    // What was said has its own subject and verb: it keeps the words a clause needs.
    if (said) return { text: `${who} ${verb} ${lowerLead(words(said[1]!.replace(DATELINE_LEAD, ''), MAX_LABEL_WORDS - 1))}`, clause: true };
  }
  // Nothing left once the date is out ("In 2019.") or only a verb joining subject and date ("… was in May"): the sentence itself, cut short, after a colon.
  const wordsLeft = /\p{L}{3}/u.test(text) && !AUXILIARY_ONLY.test(text.replace(/[\s.,;:!?]+$/u, ''));
  if (!wordsLeft) {
    colon = true;
    const whole = doc.text.slice(sentence.start, sentence.end).replace(DATELINE_LEAD, '');
    const unframedWhole = whole.replace(FRAMING, '');
    if (unframedWhole !== whole) return { text: capitalized(words(unframedWhole, MAX_LABEL_WORDS)), clause: true };
  }
  let action = words(wordsLeft ? text : doc.text.slice(sentence.start, sentence.end).replace(DATELINE_LEAD, ''), budget);
  if (!who) {
    // No doer and no verb: the noun phrase, without the linking words before it ("Especially with the deadline" → "The deadline").
    const found = VERBLESS_LEAD.exec(action);
    // With a verb read, only a linking adverb before the preposition ("especially with …") says the words are no clause.
    const lead = found && (colon || !read.action || /^\p{L}+ly\s/u.test(found[0])) ? found : null;
    if (lead) action = action.slice(lead[0].length);
    return { text: capitalized(action), clause: !colon && !lead && opensWithSubject(doc, read, action) };
  }
  // The event noun named as its own doer ("uprising" of "an uprising that toppled …") is said once, without the pronoun.
  const self = namedFirst(action, who);
  if (self) return { text: capitalized(self.pronoun ? `${action.slice(0, self.end)}${action.slice(self.end + self.pronoun.length)}` : action), clause: !colon };
  // "X headed by Y": a participle and its agent, no finite verb.
  const participle = !finite && /^\p{Ll}+ed\s+by\b/u.test(action);
  return { text: capitalized(colon ? `${who}: ${action}` : `${who} ${action}`), clause: !colon && !participle && (finite !== null || !namedInModifier(doc, sentence, read, who)) };
}

/** An article, and a word, that may stand before the doer's name at the start of an action (read in place: sticky). */
const OPENING_ARTICLE = /(?:a|an|the)\s+/iuy;
const OPENING_WORD = /[\p{L}-]+\s+/iuy;
/** Most words before the doer's name. */
const MAX_OPENING_WORDS = 3;
const WORD_BOUNDARY = /\b/iuy;
/** A relative pronoun right after the name ("an uprising that …"). */
const RELATIVE_AFTER_NAME = /\s*,?\s+(?:that|which|who)\b/iuy;

/**
 * Whether an action opens with the doer's name, after an article and at most three words ("an
 * uprising that toppled …" for the doer "uprising"), ignoring case: where the name ends and the
 * relative pronoun after it, if any. It is what
 * `^((?:(?:a|an|the)\s+)?(?:[\p{L}-]+\s+){0,3}?NAME)\b(\s*,?\s+(?:that|which|who)\b)?` finds,
 * tried at the same places in the same order, with fixed patterns and the name as a literal:
 * compiling that pattern around each name cost more than all its uses.
 */
function namedFirst(action: string, who: string): { end: number; pronoun: string } | null {
  // A name opening with a space could match where the pattern gives back some of the space after a word: read it by the pattern itself.
  if (!/^\S/u.test(who)) {
    const m = new RegExp(`^((?:(?:a|an|the)\\s+)?(?:[\\p{L}-]+\\s+){0,3}?${escapeRegExp(who)})\\b(\\s*,?\\s+(?:that|which|who)\\b)?`, 'iu').exec(action);
    return m ? { end: m[1]!.length, pronoun: m[2] ?? '' } : null;
  }
  const name = cachedRegExp(escapeRegExp(who), 'iuy');
  const after = (pattern: RegExp, at: number): number => {
    pattern.lastIndex = at;
    return pattern.test(action) ? pattern.lastIndex : -1;
  };
  const article = after(OPENING_ARTICLE, 0);
  for (const start of article >= 0 ? [article, 0] : [0]) {
    for (let at = start, words = 0; at >= 0 && words <= MAX_OPENING_WORDS; at = after(OPENING_WORD, at), words++) {
      const end = after(name, at);
      if (end < 0 || after(WORD_BOUNDARY, end) < 0) continue;
      RELATIVE_AFTER_NAME.lastIndex = end;
      return { end, pronoun: RELATIVE_AFTER_NAME.exec(action)?.[0] ?? '' };
    }
  }
  return null;
}

/** The words before the action's verb are a subject: neither a preposition's phrase ("In his speech …") nor a name set off by a comma ("X, concluded …"). */
function opensWithSubject(doc: Doc, read: DatedAction, label: string): boolean {
  if (!read.action) return false;
  const verb = doc.text.slice(read.action.start, read.action.end).split(/\s+/)[0]!;
  const at = label.indexOf(` ${verb}`);
  return at > 0 && !/,/.test(label.slice(0, at)) && !PHRASE_OPENER.test(label.split(/\s+/)[0]!) && !/^\p{Ll}*ing\b/u.test(label.split(/\s+/)[0]!);
}

/** A name that stands after a preposition before the verb ("talks between the envoys of X and Y ended"): the name qualifies the subject, it does not do the action. */
const NAME_IN_MODIFIER = /\b(?:of|between|with|for|from|against|among|by)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}.’'-]*\s+){0,3}(?:and\s+(?:the\s+)?)?$/u;

function namedInModifier(doc: Doc, sentence: Span, read: DatedAction, who: string): boolean {
  if (!read.action) return false;
  const before = doc.text.slice(sentence.start, read.action.start);
  const at = before.lastIndexOf(who.split(/\s+/).pop()!);
  if (at < 0) return false;
  const nameStart = before.lastIndexOf(who.split(/\s+/)[0]!, at);
  return NAME_IN_MODIFIER.test(before.slice(0, nameStart >= 0 ? nameStart : at));
}
