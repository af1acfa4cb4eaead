/**
 * A short "who did what" line for a timeline entry: the doer's name and the action as the
 * article words it, from the verb (or event noun) on, without the date, a dozen words at most
 * and cut at a word: "Ana Oresk indicated that the message was being studied…",
 * "United States: withdrawal from the Joint Comprehensive Plan of Action (JCPOA)".
 */
import type { Doc, Span } from '../../core/index.js';
import type { DatedAction } from './actor.js';

/** Words in a label: enough to say what happened, short enough to read at a glance. */
const MAX_LABEL_WORDS = 12;
/** A date phrase and the preposition before it, removed from the action's words. */
const DATE_LEAD = /\s*(?:\b(?:on|in|at|since|by|from|until|during|of)\s+)?(?:the\s+)?$/i;
/** A dateline opening a sentence ("PORT VELAN, Veskaria — "): no part of what happened. */
const DATELINE_LEAD = /^\s*\p{Lu}[\p{Lu}\s.'’-]+(?:,\s*[\p{L}.\s]+?)?\s*(?:\([^)]{1,20}\)\s*)?[—–-]+\s*/u;
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

function words(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(/[\s,;:.–—-]+$/u, '');
  const ws = flat.split(' ');
  if (ws.length <= max) return flat;
  // A comma ends a clause or an aside: cut there and the label reads whole ("… killed General X", not "…, a high-ranking…").
  for (let k = max; k >= MIN_CLAUSE_WORDS; k--) {
    const head = ws.slice(0, k).join(' ');
    // Not inside a quotation: a cut there would leave its mark open.
    const open = (head.match(/“/gu)?.length ?? 0) !== (head.match(/”/gu)?.length ?? 0) || (head.match(/"/g)?.length ?? 0) % 2 === 1;
    if (/,$/.test(ws[k - 1]!) && !/^\d/.test(ws[k] ?? '') && !open) return head.replace(/,$/, '');
  }
  let keep = ws.slice(0, max);
  while (keep.length > MIN_CLAUSE_WORDS && DANGLING.test(keep[keep.length - 1]!.replace(/[“”"‘’',;:]+/gu, ''))) keep = keep.slice(0, -1);
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
 * to begin on 10 May"): the noun phrase and the verb, without the comma between ("A probe into X
 * launched", "Unspecified actions set to begin"). Null when the words before the verb are no such phrase.
 */
function reducedRelative(doc: Doc, sentence: Span, action: Span): string | null {
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
  return `${phrase} ${lead}${verb}`;
}

/** The article's words for the action, from its verb or noun on (the clause's start when nobody is named), the date taken out. */
function actionWords(doc: Doc, sentence: Span, read: DatedAction, date: Span): { text: string; colon: boolean } {
  const from = read.theme?.start ?? (read.actor ? read.action?.start ?? read.clause.start : read.clause.start);
  const rest = doc.text.slice(from, sentence.end);
  const end = ACTION_END.exec(rest.slice(Math.max(1, (read.action?.end ?? from) - from)));
  // A noun event ends where its date is ("withdrawal from the JCPOA in 2018").
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
    const tail = endsHere ? '' : after.replace(/^[’']s\b/u, '').replace(/^\s*,?\s*(?:\d{4}\s*,?)?/, ' ');
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

/**
 * A passive the reading did not undo, whose agent is the doer, or a noun whose relative clause
 * says what the doer did: "made by US President Kell in which he announced a visit" and
 * "statements in which he announced a visit" read "announced a visit", "confirmed by Ana Oresk in
 * a statement" reads "confirmed in a statement" (the doer's name goes in front). Null when the
 * words are none of these.
 */
function activeVoice(text: string, who: string): string | null {
  const surname = who.trim().split(/\s+/).pop()!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const agent = new RegExp(`^(\\p{L}+)\\s+by\\s+(?:[\\p{L}.’'-]+\\s+){0,4}?${surname}\\b,?\\s*`, 'iu').exec(text);
  const rest = agent ? text.slice(agent[0].length) : text;
  const relative = new RegExp(`^${agent ? '' : '\\p{L}+\\s+'}(?:in|with|through)\\s+which\\s+(?:he|she|they|it)\\s+`, 'iu').exec(rest);
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

/** "Who did what": the doer's name, then the action in the article's words. */
export function whoDidWhat(doc: Doc, sentence: Span, read: DatedAction, date: Span): string {
  // A picture's date: what the picture shows, credited to its provider.
  const pictured = captionSubject(doc, sentence, date);
  if (pictured) return read.actor ? `${read.actor.name} picture: ${pictured}` : `Picture: ${pictured}`;
  let { text, colon } = actionWords(doc, sentence, read, date);
  // "a storm which hit Libya": a relative clause with no doer named reads with the noun it is about.
  const antecedent = !read.actor && !read.theme ? /((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s*,?\s+(?:which|that|who)\s+$/u.exec(doc.text.slice(sentence.start, read.clause.start)) : null;
  // The noun phrase from its article on ("following a storm" → "a storm").
  if (antecedent && text.length) text = `${antecedent[1]!.replace(/^.*?\b(?=(?:a|an|the)\s)/i, '')} ${text}`;
  const who = read.actor?.name;
  const active = who ? activeVoice(text, who) : null;
  if (active) { text = active; colon = false; }
  text = withoutSettingOfSaying(text);
  // A lone verb, or a name and a verb after a comma ("launched", "X, launched"): the verb modifies a noun before it.
  const lone = text.replace(/[\s.,;:!?]+$/u, '');
  if (read.action && !read.nominal && !REPORTING_ONLY.test(lone) && (!/\s/.test(lone) || /^[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,2},\s+\p{L}+$/u.test(lone))) {
    const phrase = reducedRelative(doc, sentence, read.action);
    if (phrase) return (who ? `${who}: ${phrase}` : phrase.charAt(0).toUpperCase() + phrase.slice(1));
  }
  // "…, the relief agency said": what was said, before the attribution, is the action.
  if (who && REPORTING_ONLY.test(text.replace(/[\s.,;:!?]+$/u, ''))) {
    const said = SAID_BEFORE.exec(doc.text.slice(sentence.start, read.action?.start ?? read.clause.start));
    if (said) return `${who}: ${words(said[1]!, MAX_LABEL_WORDS)}`;
  }
  // Nothing left once the date is out ("In 2019.") or only a verb joining subject and date ("… was in May"): the sentence itself, cut short, after a colon.
  const wordsLeft = /\p{L}{3}/u.test(text) && !AUXILIARY_ONLY.test(text.replace(/[\s.,;:!?]+$/u, ''));
  if (!wordsLeft) colon = true;
  const action = words(wordsLeft ? text : doc.text.slice(sentence.start, sentence.end).replace(DATELINE_LEAD, ''), MAX_LABEL_WORDS);
  if (!who) return action.charAt(0).toUpperCase() + action.slice(1);
  // The event noun named as its own doer ("uprising" of "an uprising that toppled …") is said once.
  if (new RegExp(`^(?:(?:a|an|the)\\s+)?${who.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'iu').test(action)) return action.charAt(0).toUpperCase() + action.slice(1);
  return colon ? `${who}: ${action}` : `${who} ${action}`;
}
