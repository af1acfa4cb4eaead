import { firstStartingFrom, SpanIndex, type Span } from '../../core/index.js';
import { findMarkedSpans, type MarkedSpan } from './marks.js';
import { splitParagraphs, splitSentences, spanIndexAt, tokenize, type Token } from './segment.js';
import {
  BARE_CLAUSE_CUE_RATE, CUE_PHRASES, cueRate, learnedCueRate, isCapitalised, isClauseWord, isCopulaOrAs, isCueVerb,
  isDeterminer, isFiniteAuxiliary, isNamingMarker, isPronoun, objectIsSaid, isPreposition, isWord, isAuxiliary, isCalendarWord, isTimePhrase,
} from './lexicon.js';
import { clauseStart, clauseSubject, phraseStartingAt, speakerAfter, speakerBefore, type SpeakerFound } from './speaker.js';
import { describeSpeakers } from './resolve.js';
import { canHeadSpeaker, classifySpeaker, isRoleNoun } from './speaker-kind.js';
import { SyntaxView, type DependencyLike } from './syntax-view.js';
import { taggedQuotes } from './tagger-decode.js';
import { shippedWeights } from './tagger.js';
import type { ArticleEntityLike, EntityMentionLike, Quote, ReferenceLike } from './types.js';

/** How far before an opening mark a cue may sit and still introduce the quote ("X told reporters on Monday: “…”"), in tokens. */
const MAX_CUE_TO_MARK_TOKENS = 6;
/** How far after a cue "that" may come ("stated in an interview with … on March 2, that …"), in tokens. */
const MAX_CUE_TO_THAT_TOKENS = 30;
/** Words a quote under a cue that names no speaker needs to take the speaker of a longer quote it echoes. */
const ECHO_MIN_WORDS = 3;
/** A quote standing alone with no cue is taken as a continuation only when it is this long (shorter ones are terms). */
const MIN_CONTINUATION_WORDS = 4;
/** A colon-introduced quote with no cue verb must be a sentence, not a label. */
const MIN_COLON_QUOTE_WORDS = 4;
/** Marked words modifying the noun after them are this short at most. */
const MAX_MODIFIER_WORDS = 3;
/** Quote marks around this many words or fewer, used as a term, never open an attribution after them. */
const MAX_TERM_WORDS = 5;
/** Reported content shorter than this is an object ("said so"), not a clause. */
const MIN_REPORTED_WORDS = 3;
/** Words of a listener after a sentence-final cue ("…, X told the Daily Ledger on Monday."). */
const MAX_LISTENER_WORDS = 6;
/** Cue verbs that take a listener before the clause ("told reporters that"). */
const LISTENER_CUES = /^(?:told|tell|tells|telling|assured|warned|reminded|informed|urged|asked)$/i;
/** Verbs of telling whose object is always the one told ("tells the Gazette"), never an inverted speaker. */
const TELLING = /^(?:told|tell|tells|telling|assured|assures|reminded|reminds|informed|informs)$/i;

interface Draft {
  start: number;
  end: number;
  direct: boolean;
  speaker?: SpeakerFound;
  cue?: Span;
  /** PolNeAR-style content when it differs from [start, end) (see Quote.content). */
  content?: Span;
  /** An act attributed to someone, not a statement (see Quote.act). */
  act?: boolean;
  /** A few words in marks that read as a term but stand in a clause their cue governs ("promised to “shortly publish” …"). */
  termInClause?: boolean;
  /** A headline's words after a name and a colon: a statement even with no verb ("Vesk: No outside influence …"). */
  headline?: boolean;
  /** The trained tagger's reading of the same attribution, taken into this rules quote (see `combine`). */
  absorbed?: Draft;
}

interface Context {
  readonly text: string;
  readonly toks: readonly Token[];
  readonly sentences: readonly Span[];
  /** For each sentence, [first token, last token]. */
  readonly sentenceTokens: ReadonlyArray<readonly [number, number]>;
  readonly marks: readonly MarkedSpan[];
  /** Entity mentions, sorted (empty when no entities stage ran). */
  readonly entities: readonly EntityMentionLike[];
  /** The dependency parse, when the syntax stage ran. */
  readonly syntax?: SyntaxView;
}

const countWords = (s: string): number => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

function sentenceOf(ctx: Context, pos: number): number {
  return Math.max(0, spanIndexAt(ctx.sentences, pos));
}

/** The marked span holding a position (marks are in text order and do not overlap: a binary search). */
function insideMark(ctx: Context, pos: number): MarkedSpan | undefined {
  const { marks } = ctx;
  let lo = 0;
  let hi = marks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = marks[mid]!;
    if (pos < m.open) hi = mid - 1;
    else if (pos >= m.close) lo = mid + 1;
    else return m;
  }
  return undefined;
}

const isQuoteMark = (w: string): boolean => /^["“”‘’«»']$/.test(w);

/** A short span in marks that names something: digits or title case ("“500 for 500”", "“Silver Gate”"), or after "the", "this", "called", "titled", "a campaign of". */
function isNamedTerm(ctx: Context, m: MarkedSpan): boolean {
  const content = ctx.text.slice(m.start, m.end);
  if (countWords(content) > MAX_TERM_WORDS) return false;
  const prev = ctx.toks[firstStartingFrom(ctx.toks, m.open) - 1]?.text ?? '';
  return /\p{N}/u.test(content) || isTitleCased(content) || isNamingMarker(prev) || /^(?:the|this|that|these|those|of)$/i.test(prev);
}

/** The mark opens its sentence (after any dateline or dash). */
function opensSentence(ctx: Context, m: MarkedSpan): boolean {
  const s = ctx.sentences[sentenceOf(ctx, m.open)]!;
  return /^[\s\-—–:]*$/.test(ctx.text.slice(s.start, m.open));
}

/** Content words look like a name or title ("The Daily Report", "X"): capitalised throughout. */
function isTitleCased(content: string): boolean {
  const words = content.match(/[\p{L}\p{N}][\p{L}\p{N}’'\-]*/gu) ?? [];
  if (words.length === 0 || words.length > 6) return false;
  return words.every((w, i) => isCapitalised(w) || /^\p{N}/u.test(w) || (i > 0 && w.length <= 3));
}

/**
 * Quote marks used to name or single out a term rather than report words: the
 * marks follow a determiner, preposition or naming word ("the “X” platform",
 * "titled “…”"), the marked words modify the noun after them, or they read as a
 * title.
 */
function isTermUse(ctx: Context, m: MarkedSpan): boolean {
  const content = ctx.text.slice(m.start, m.end);
  if (isTitleCased(content)) return true;
  const before = firstStartingFrom(ctx.toks, m.open) - 1;
  const prev = ctx.toks[before]?.text ?? '';
  const prev2 = ctx.toks[before - 1]?.text ?? '';
  if (isNamingMarker(prev)) return true;
  if (/^(?:a|an)$/i.test(prev)) { if (!isCopulaOrAs(prev2)) return true; }
  else if (isDeterminer(prev) || isPreposition(prev)) return true;
  return modifiesNextNoun(ctx, m);
}

/** A few marked words modifying the noun after them ("the “X” platform"); a longer quote runs on into its clause ("… world” based on"). */
function modifiesNextNoun(ctx: Context, m: MarkedSpan): boolean {
  const next = ctx.toks[firstStartingFrom(ctx.toks, m.close)];
  const gap = next ? ctx.text.slice(m.close, next.start) : '';
  return next !== undefined && countWords(ctx.text.slice(m.start, m.end)) <= MAX_MODIFIER_WORDS && /^\s+$/.test(gap) && isWord(next.text) && !isCapitalised(next.text)
    && !isClauseWord(next.text) && !isPreposition(next.text) && !isCueVerb(next.text) && !isAuxiliary(next.text);
}

/** "“…,” X said" / "“…,” said X": the speaker and cue after the closing mark. */
function attributeAfter(ctx: Context, m: MarkedSpan): Pick<Draft, 'speaker' | 'cue'> | null {
  const inner = ctx.text.slice(m.start, m.end).trimEnd();
  let k = firstStartingFrom(ctx.toks, m.close);
  const endsOpen = /[,?!\u2014\u2013-]$/.test(inner);
  if (ctx.toks[k]?.text === ',' && ctx.toks[k]!.start === m.close) k++;
  else if (!endsOpen) return null;
  const s = sentenceOf(ctx, ctx.toks[k]?.start ?? m.close);
  const lastTok = ctx.sentenceTokens[s]![1];
  let c = k;
  while (c <= lastTok && isWord(ctx.toks[c]!.text) && isAuxiliary(ctx.toks[c]!.text)) c++;
  // "“… resign!” Ana Oresk said in an interview that she …": after a quote that closes its own sentence, a cue
  // that goes on to its own complement opens a new statement; it does not sign the quote before it.
  // So does one with an object of its own after a subject ("“Okay!” Kell showed an awkward calm"); after an inverted cue
  // the parse may take the speaker for the object ("“…?” tweeted Prince Alwaleed").
  const ownComplement = (cue: number, inverted = false): boolean => ctx.toks[k - 1]?.text !== ',' && !/[,\u2014\u2013-]$/.test(inner)
    && (hasComplementAfter(ctx, cue) || (!inverted && !LISTENER_CUES.test(ctx.toks[cue]!.text) && hasObjectPhraseAfter(ctx, cue)));
  if (c <= lastTok && isCueVerb(ctx.toks[c]!.text)) {
    if (ownComplement(c, true)) return null;
    const sp = speakerAfter(ctx.toks, c + 1, lastTok, k, { anyNounPhrase: true });
    if (sp) return { speaker: sp, cue: ctx.toks[c]! };
  }
  for (let i = k; i <= Math.min(lastTok, k + 30); i++) {
    const w = ctx.toks[i]!.text;
    // The full stop of an abbreviated affiliation in brackets ("(D-Mo.)") ends no sentence.
    if (isQuoteMark(w) || (w === '.' && ctx.toks[i + 1]?.text !== ')') || w === ';') break;
    // A cue word after an article is a noun ("one of the states suing …"), not the verb.
    if (!isCueVerb(w) || isDeterminer(ctx.toks[i - 1]!.text)) continue;
    // The rules' noun phrase, else the parse's subject ("…,” al-Ruiz said": a name the rules' capitals miss).
    const found = speakerBefore(ctx.toks, i, k, { anyNounPhrase: true }) ?? (ctx.syntax ? parsedSpeaker(ctx, i) : null);
    const sp = found && withNameBeforeAppositive(ctx, found, i);
    if (sp && sp.span.start === ctx.toks[k]!.start && !ownComplement(i)) return { speaker: sp, cue: ctx.toks[i]! };
    // "“…,” Ana Oresk, director of the port, tells the Gazette.": the name and its appositive run from the quote to the cue.
    const named = speakerAfter(ctx.toks, k, i - 1, k, { anyNounPhrase: true });
    if (named && /^\s*,?\s*$/.test(ctx.text.slice(named.span.end, ctx.toks[i]!.start)) && !ownComplement(i)) return { speaker: named, cue: ctx.toks[i]! };
    break;
  }
  return null;
}

/** Whether the parse gives a cue a clausal complement after it: what the cue says follows it. */
function hasComplementAfter(ctx: Context, cue: number): boolean {
  const view = ctx.syntax;
  if (!view) return false;
  const k = view.at(ctx.toks[cue]!.start);
  return k >= 0 && view.complementOf(k) > k;
}

/**
 * Whether the parse gives a cue an object of two words or more after it ("“Okay!” Kell showed an awkward calm"): the
 * verb has a thing of its own to say or do, and signs no quote before it.
 */
function hasObjectPhraseAfter(ctx: Context, cue: number): boolean {
  const view = ctx.syntax;
  if (!view) return false;
  const k = view.at(ctx.toks[cue]!.start);
  if (k < 0) return false;
  return view.childrenOf(k).some((x) => {
    if (x <= k || view.rel(x) !== 'obj') return false;
    const phrase = view.subtree(x);
    // "wrote in an email" read as an object is where it was written
    return /\s/.test(ctx.text.slice(phrase.start, phrase.end)) && view.upos(view.at(phrase.start)) !== 'ADP';
  });
}

/** A quote signed after it or on the line below, as pull quotes and readers' comments are: "“…” ― Ana Oresk", "“…”⏎⏎- Oresk.". */
const SIGNATURE = /^[ \t\u00a0]*(?:\n[ \t\u00a0]*){0,2}([―—–]|-(?=[ \t\u00a0]))[ \t\u00a0]*(\p{Lu}[\p{L}’'.-]*(?:[ \u00a0]+\p{Lu}[\p{L}’'.-]*){0,3})[ \t\u00a0]*[.,]?[ \t\u00a0]*(?:\n|$)/u;

/** "“…” ― Ana Oresk" at the end of a line: the name after the dash signs the quote. */
function attributeSigned(ctx: Context, m: MarkedSpan): Pick<Draft, 'speaker' | 'cue'> | null {
  if (m.unclosed) return null;
  const sig = SIGNATURE.exec(ctx.text.slice(m.close, m.close + 80));
  if (!sig) return null;
  const dashAt = m.close + sig[0].indexOf(sig[1]!);
  const nameAt = m.close + sig[0].indexOf(sig[2]!, sig[0].indexOf(sig[1]!) + 1);
  // A full stop after the name ends the line, unless the name ends in an initial ("Ana O.").
  const written = sig[2]!.replace(/(\p{L}{2,})\.$/u, '$1');
  const name = { start: nameAt, end: nameAt + written.length };
  return { speaker: { span: name, core: name }, cue: { start: dashAt, end: dashAt + 1 } };
}

/** The sentence span holding a character position. */
const sentenceSpan = (ctx: Context, pos: number): Span => ctx.sentences[sentenceOf(ctx, pos)]!;
const within = (a: Span, b: Span): boolean => a.start >= b.start && a.end <= b.end;

/** An open bracket right before a phrase (a party-state affiliation may start inside it: "(R-"). */
const IN_BRACKETS_BEFORE = /\(\s*(?:[\p{L}.]+\s*[-–]\s*)?$/u;
/** The bracket closing right after the phrase. */
const IN_BRACKETS_AFTER = /^[\p{L}.]*\s*\)/u;

/**
 * The speaker of a cue read from the dependency parse, when the syntax stage ran: the agent of a
 * passive cue ("stated by X"), else the subject of the cue or of the verb it is chained to
 * ("X arrived and said", "X criticised the plan, saying"); the appositive comes with it.
 */
function parsedSpeaker(ctx: Context, c: number): SpeakerFound | null {
  const view = ctx.syntax!;
  const tok = ctx.toks[c]!;
  const k = view.at(tok.start);
  if (k < 0) return null;
  const sentence = sentenceSpan(ctx, tok.start);
  let agent = view.agentOf(k, ctx.text);
  let who = agent >= 0 ? agent : view.subjectOf(participleHost(ctx, c, k));
  if (who < 0) return null;
  // "This was confirmed by X …, stating that …": a participle chained to a passive speaks with that verb's agent, not its subject.
  if (agent < 0 && view.rel(who) === 'nsubj:pass') {
    const chained = view.agentOf(view.head(who), ctx.text);
    if (chained >= 0) { agent = chained; who = chained; }
  }
  const phrase = view.speakerPhrase(who);
  // "…, Chief Ana Oresk said Monday.", "tweets early Friday saying": a time the parse took for the subject says when, not who.
  if (isTimePhrase(ctx.text.slice(phrase.core.start, phrase.core.end))) return null;
  // "In a statement that has echoed widely, the minister, Ana Oresk, stressed …": a relative "that" with a comma
  // before the cue belongs to a fronted phrase, not to the cue's clause.
  if (/^that$/i.test(ctx.text.slice(phrase.core.start, phrase.core.end)) && /,/.test(ctx.text.slice(phrase.core.end, tok.start))) return null;
  // The case marker "by" is not part of the agent's name.
  // "China on Thursday said": the time the parse hung on the subject is not part of who spoke.
  const core = trimTrailingTime(ctx.text, agent >= 0 ? trimLeadingBy(ctx.text, phrase.core) : phrase.core);
  const head = { start: view.tokens[who]!.start, end: view.tokens[who]!.end };
  const found = within(phrase.span, sentence) ? { span: trimTrailingTime(ctx.text, agent >= 0 ? trimLeadingBy(ctx.text, phrase.span) : phrase.span), core, head } : null;
  // "Rep. Ana Oresk (R-S.C.) said": a parse may take the bracketed affiliation for the subject; it never speaks.
  if (found && IN_BRACKETS_BEFORE.test(ctx.text.slice(sentence.start, found.span.start)) && IN_BRACKETS_AFTER.test(ctx.text.slice(found.span.end, sentence.end))) return null;
  return found ? withNameBeforeAppositive(ctx, withNameAfterRole(ctx.text, withClosingMarks(ctx.text, found), sentence), c) : null;
}

/** What closes a bracket the speaker's phrase opened ("Sen. Ana Oresk (R-Ga.)"). */
const BRACKET_CLOSE = /^[^()\s]{0,6}\)/;
/** A party and state ending a phrase before its period ("…, R-Ky."). */
const AFFILIATION_END = /-\p{Lu}\p{Ll}{1,4}$/u;

/**
 * The parse leaves punctuation out of a speaker's phrase, so a bracketed affiliation loses its closing bracket
 * ("(R-Ga"): the span runs on to the mark that closes what it opened, and to the period of an abbreviation.
 */
function withClosingMarks(text: string, sp: SpeakerFound): SpeakerFound {
  const words = text.slice(sp.span.start, sp.span.end);
  const opened = (words.match(/\(/g) ?? []).length > (words.match(/\)/g) ?? []).length;
  const bracket = opened ? BRACKET_CLOSE.exec(text.slice(sp.span.end, sp.span.end + 8))?.[0].length ?? 0 : 0;
  const period = !opened && AFFILIATION_END.test(words) && text[sp.span.end] === '.' && /[,\s]/.test(text[sp.span.end + 1] ?? ' ') ? 1 : 0;
  if (bracket + period === 0) return sp;
  const end = sp.span.end + bracket + period;
  return { ...sp, span: { start: sp.span.start, end }, core: sp.core.end === sp.span.end ? { start: sp.core.start, end } : sp.core };
}

/**
 * "X stressed that A is B, saying “…”": a parse may hang the participle on the verb of the reported
 * clause, whose subject did not say it. A participle cue after a comma hung on the complement of
 * another verb of saying speaks with that verb: the syntax token to take the subject of.
 */
function participleHost(ctx: Context, c: number, k: number): number {
  const view = ctx.syntax!;
  // After a comma, or after a quote the comma closes (`…conversation,” adding`).
  const prev = ctx.toks[c - 1]?.text;
  const afterComma = prev === ',' || (prev !== undefined && /^["”’']$/.test(prev) && ctx.toks[c - 2]?.text === ',');
  if (!/ing$/i.test(ctx.toks[c]!.text) || !afterComma || view.rel(k) !== 'advcl') return k;
  // The reported clause, past a predicate chained inside it ("that the strike needs to be [a conversation], adding").
  let h = view.head(k);
  for (let steps = 0; h >= 0 && steps < 3 && (view.rel(h) === 'xcomp' || view.rel(h) === 'conj'); steps++) h = view.head(h);
  if (h < 0 || view.rel(h) !== 'ccomp') return k;
  // "X said he doubted it, arguing …": a pronoun subject of the reported clause is the speaker again; keep it.
  const own = view.subjectOf(h);
  if (own >= 0 && isPronoun(view.word(ctx.text, own))) return k;
  const cue = view.head(h);
  return cue >= 0 && isCueVerb(view.word(ctx.text, cue)) ? cue : k;
}

/** A name right after a role word ("economist Ana Oresk"), when the parse left it out of the speaker's phrase. */
const NAME_AFTER = /^\s+(?:\p{Lu}[\p{L}’'.-]*)(?:\s+\p{Lu}[\p{L}’'.-]*)*/u;

/**
 * "As noted by economist Ana Oresk, “…”": a parse may end the speaker at the role and read the name as
 * the subject of the quote. A role word ending the phrase takes the capitalised words right after it.
 */
function withNameAfterRole(text: string, sp: SpeakerFound, sentence: Span): SpeakerFound {
  if (sp.core.end !== sp.span.end) return sp;
  const last = /[\p{L}-]+$/u.exec(text.slice(sp.core.start, sp.core.end))?.[0] ?? '';
  if (!isRoleNoun(last.toLowerCase()) || /\p{Lu}/u.test(last[0] ?? '')) return sp;
  const m = NAME_AFTER.exec(text.slice(sp.span.end, sentence.end));
  if (!m || m[0].trim().split(/\s+/).some((w) => isCalendarWord(w) || isCueVerb(w))) return sp;
  const end = sp.span.end + m[0].length;
  return { ...sp, span: { start: sp.span.start, end }, core: { start: sp.core.start, end } };
}

/** A source phrase without the "according to" that introduces it (a parse may hang the marker inside it). */
function trimAccordingTo(text: string, s: Span): Span {
  const m = /^according\s+to\s+/i.exec(text.slice(s.start, s.end));
  return m ? { start: s.start + m[0].length, end: s.end } : s;
}

/** A day or time closing a speaker phrase ("China on Thursday", "the ministry late Friday"). */
const TRAILING_TIME = /,?\s+(?:(?:on|late|early|earlier|last|this)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|tonight|week|month)$/i;

function trimTrailingTime(text: string, s: Span): Span {
  const m = TRAILING_TIME.exec(text.slice(s.start, s.end));
  return m && m.index > 0 ? { start: s.start, end: s.start + m.index } : s;
}

function trimLeadingBy(text: string, s: Span): Span {
  const m = /^by\s+/i.exec(text.slice(s.start, s.end));
  return m ? { start: s.start + m[0].length, end: s.end } : s;
}

/** A comma and a contrast that end a source phrase ("…, but also", "…, while"). */
const CONTRAST_AFTER_SOURCE = /,\s+(?:but|while|whereas|yet)\b/i;

/** "according to X" read from the parse: X is the nominal "according" marks. */
/** ", Jane Starner," — a name of capitalised words between two commas. */
const NAME_THEN_COMMA = /^,\s*(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*\s*,/u;

function parsedAccordingTo(ctx: Context, c: number): SpeakerFound | null {
  const view = ctx.syntax!;
  const k = view.at(ctx.toks[c]!.start);
  let host = k < 0 ? -1 : view.caseHost(k);
  if (host < 0) return null;
  // A parse may hang the marker on a modifier of the source ("according to [state]-run agency X"): the source is the noun it modifies.
  for (let n = 0; n < 4 && /^(?:compound|flat|amod)$/.test(view.rel(host)) && view.head(host) > host; n++) host = view.head(host);
  const phrase = view.speakerPhrase(host);
  // "according to official figures, but also …": the source ends where the sentence goes on with a contrast.
  const contrast = CONTRAST_AFTER_SOURCE.exec(ctx.text.slice(phrase.span.start, phrase.span.end));
  // "According to a report in the Gazette, Gov. Ana Oresk launched …": a source opening the sentence ends at the comma
  // after it; a parse may hang the clause's subject on it as an appositive.
  // (A name set off by commas after it is its appositive: "According to his aunt, Jane Starner, …".)
  const opening = sentenceSpan(ctx, ctx.toks[c]!.start).start === ctx.toks[c]!.start;
  const first = opening ? ctx.text.indexOf(',', view.tokens[host]!.end) : -1;
  const named = first >= 0 ? NAME_THEN_COMMA.exec(ctx.text.slice(first)) : null;
  const comma = named ? first + named[0].length - 1 : first;
  const cut = (e: number): number => Math.min(contrast ? Math.min(e, phrase.span.start + contrast.index) : e, comma >= 0 ? comma : e);
  const span = { start: Math.max(phrase.span.start, ctx.toks[c + 1]!.end), end: cut(phrase.span.end) };
  const core = { start: Math.max(phrase.core.start, ctx.toks[c + 1]!.end), end: cut(phrase.core.end) };
  return core.end > core.start && within(span, sentenceSpan(ctx, ctx.toks[c]!.start)) ? { span: trimAccordingTo(ctx.text, trimContent(ctx.text, span.start, span.end)), core: trimAccordingTo(ctx.text, trimContent(ctx.text, core.start, core.end)) } : null;
}

/**
 * A time adverbial of the cue that a parse may hang inside the clause ("said earlier this week that …",
 * "announced on Friday that …"): when it stands before "that", the clause starts after it.
 */
const LEADING_TIME_THAT = /^(?:on\s+|last\s+|earlier\s+|late\s+|this\s+)?(?:[\p{L}\p{N},]+\s+){0,3}?(?:earlier|later|yesterday|today|week|month|year|morning|afternoon|evening|night|weekend|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+that\s+/iu;

/** Conjunctions that open an adverbial clause after a comma ("…, X said, as they bristled at …"). */
const SUBORDINATOR = /^(?:as|when|while|after|before|because|since|although|though|amid)$/i;

/** Words after a cue that only say when, up to a comma or the end ("Friday afternoon, as …"). */
function timeOnlyUntilComma(text: string, clause: Span): boolean {
  const head = /^[^,;:]*/.exec(text.slice(clause.start, clause.end))![0];
  return isTimePhrase(head) && (head.length === clause.end - clause.start || text[clause.start + head.length] === ',');
}

/** The clause a cue governs read from the parse (its ccomp without "that"), when the syntax stage ran. */
function parsedContent(ctx: Context, c: number): Span | null {
  const view = ctx.syntax!;
  const k = view.at(ctx.toks[c]!.start);
  const comp = k < 0 ? -1 : view.complementOf(k);
  if (comp < 0) return null;
  let span = view.subtree(comp);
  // "A happened, the agency said, overshadowing B": a participle set off after the cue is the writer's, not what was said.
  if (comp > k && /ing$/i.test(view.word(ctx.text, comp)) && !view.childrenOf(comp).some((x) => /^nsubj/.test(view.rel(x))) && view.word(ctx.text, comp - 1) === ',') return null;
  // "The talks, the minister said, would resume": a parse may split the clause around its attribution into two
  // complements; the reported words run from the first over the aside to the end of the second.
  // Only when the first is a bare subject (no verb of its own): "A happened, X said, overshadowing B" is two things.
  // "noted that regarding the port, there are two issues": a parse may take the fronted phrase for the complement
  // and hang the clause after its comma on the cue; the reported words run on to that clause's end.
  if (comp > k && !view.holdsClause(span)) {
    const clause = view.childrenOf(k).find((x) => x > comp && /^(?:parataxis|conj)$/.test(view.rel(x)));
    if (clause !== undefined && /^\s*,/.test(ctx.text.slice(span.end, view.tokens[clause]!.start))) span = { start: span.start, end: view.subtree(clause).end };
  }
  const after = comp < k && /^(?:NOUN|PROPN|PRON|NUM)$/.test(view.upos(comp)) ? view.childrenOf(k).find((c) => c > k && view.rel(c) === 'ccomp') : undefined;
  if (after !== undefined) span = { start: span.start, end: view.subtree(after).end };
  const m = /^(?:that|whether|if)\s+/i.exec(ctx.text.slice(span.start, span.end)) ?? LEADING_TIME_THAT.exec(ctx.text.slice(span.start, span.end));
  return withCoordinatedRest(ctx, trimContent(ctx.text, span.start + (m ? m[0].length : 0), span.end));
}

/**
 * "X said A was studying B, and that of C, and had drawn conclusions": a parse may hang the
 * coordinated rest on the cue, but it goes on with what was said. A clause followed by ", and" runs on
 * to the sentence end, up to where another attribution starts.
 */
function withCoordinatedRest(ctx: Context, content: Span): Span {
  const after = ctx.text.slice(content.end, content.end + 8);
  if (!/^,\s+and\s/i.test(after)) return content;
  const sentence = sentenceSpan(ctx, content.start);
  const longer = clauseUpToNextCue(ctx, content.start, sentence.end);
  return longer.end > content.end ? longer : content;
}

/** The speaker of a cue inside a sentence, whichever side the rules find it on. */
function speakerOfCue(ctx: Context, c: number, first: number): SpeakerFound | null {
  const named = speakerAfterWhat(ctx, c, first) ?? absoluteWithSpeaker(ctx, c, first);
  if (named) return named;
  const parsed = ctx.syntax ? parsedSpeaker(ctx, c) : null;
  const found = parsed ? unlessNewSubject(ctx, c, first, parsed) : speakerOfCueByRules(ctx, c, first);
  const sp = found && withNameBeforeAppositive(ctx, found, c);
  // "Editor’s note: …", "the minister’s statement": a possessive right before the cue word makes it a noun, not a verb it is subject of.
  return sp && POSSESSIVE_END.test(ctx.text.slice(sp.span.start, sp.span.end)) && /^\s*$/.test(ctx.text.slice(sp.span.end, ctx.toks[c]!.start)) ? null : sp;
}

const POSSESSIVE_END = /\p{L}['’]s?$/u;

/** Tokens a "with" phrase may run before its participle ("with the harbour minister and other officials saying"). */
const MAX_WITH_PHRASE_TOKENS = 12;

/**
 * "…, with Harbour Minister Ana Oresk and other officials saying that …": in the absolute "with" construction the
 * noun phrase between "with" and the participle speaks (its named head first), not the subject of the clause the
 * construction hangs on.
 */
function absoluteWithSpeaker(ctx: Context, c: number, first: number): SpeakerFound | null {
  if (!/ing$/i.test(ctx.toks[c]!.text) || c - 1 <= first) return null;
  let w = c - 1;
  while (w > first && c - w <= MAX_WITH_PHRASE_TOKENS && ctx.toks[w]!.text.toLowerCase() !== 'with' && (isWord(ctx.toks[w]!.text) || /^['’]s?$/.test(ctx.toks[w]!.text))) w--;
  if (ctx.toks[w]!.text.toLowerCase() !== 'with' || w + 1 >= c || (w > first && ctx.toks[w - 1]!.text !== ',')) return null;
  const last = ctx.sentenceTokens[sentenceOf(ctx, ctx.toks[c]!.start)]![1];
  const head = speakerAfter(ctx.toks, w + 1, last, first, { anyNounPhrase: true });
  if (!head || head.span.end > ctx.toks[c]!.start) return null;
  const rest = ctx.toks.slice(firstStartingFrom(ctx.toks, head.span.end), c);
  // The phrase runs up to the participle: the head alone, or coordinated with others ("and other officials").
  if (rest.length > 0 && !/^(?:and|or)$/i.test(rest[0]!.text)) return null;
  return { ...head, span: { start: head.span.start, end: ctx.toks[c - 1]!.end } };
}

/** "in what host Ana Oresk described as …": the noun phrase between "what" and the cue speaks ("what" is the cue's object). */
function speakerAfterWhat(ctx: Context, c: number, first: number): SpeakerFound | null {
  if (!WHAT_CUE.test(ctx.toks[c]!.text)) return null;
  for (let w = c - 1; w >= first && w >= c - 7; w--) {
    if (ctx.toks[w]!.text.toLowerCase() !== 'what') continue;
    const sp = speakerAfter(ctx.toks, w + 1, c - 1, first);
    return sp && /^\s+$/.test(ctx.text.slice(sp.span.end, ctx.toks[c]!.start)) ? sp : null;
  }
  return null;
}

/**
 * "Ana Oresk, head of the ports board, which runs the harbour, said …": a parse lost in a chain of
 * appositives may give the cue an appositive, or a rule the phrase after the last comma; the person
 * named first, opening the clause right before the cue's speaker, speaks, described by the first appositive.
 */
function withNameBeforeAppositive(ctx: Context, sp: SpeakerFound, c: number): SpeakerFound {
  const cue = ctx.toks[c]!.start;
  // Appositives end with a comma right before the cue: test that before looking through the entities (most cues have none).
  if (sp.span.end > cue || !/,\s*$/.test(ctx.text.slice(Math.max(0, cue - 4), cue))) return sp;
  const sentence = sentenceSpan(ctx, sp.span.start);
  const person = ctx.entities.find((e) => e.type === 'PERSON' && e.start >= sentence.start && e.start <= sp.span.start && e.end <= cue);
  // The name opens its sentence, or the clause after a closing quote mark ("“…,” Ana Oresk, the minister, said").
  if (!person || !/^(?:|.*(?:[”"]|'')\s*,?\s*)$/su.test(ctx.text.slice(sentence.start, person.start))) return sp;
  // Only appositives between the name and the cue: commas around them, no quote marks.
  const between = ctx.text.slice(person.end, cue);
  if (!/^\s*,[^"“”]*,\s*$/u.test(between) || between.includes("''")) return sp;
  const end = person.end + between.slice(0, between.indexOf(',', between.indexOf(',') + 1)).trimEnd().length;
  const core = { start: person.start, end: person.end };
  return { span: { start: person.start, end }, core, head: core };
}

/**
 * "X confirmed that …, and the spokesperson, Y, indicated …": a parse that hangs the new subject inside
 * the first clause gives the cue X's subject; the subject written between ", and" and the cue speaks.
 */
function unlessNewSubject(ctx: Context, c: number, first: number, parsed: SpeakerFound): SpeakerFound {
  if (parsed.span.end > ctx.toks[c]!.start || !/,\s+and\s/i.test(ctx.text.slice(parsed.span.end, ctx.toks[c]!.start))) return parsed;
  const written = speakerOfCueByRules(ctx, c, first);
  return written && written.span.start > parsed.span.end ? written : parsed;
}

/** The speaker of a cue read from the words around it, without a parse. */
function speakerOfCueByRules(ctx: Context, c: number, first: number): SpeakerFound | null {
  const w = ctx.toks[c]!.text;
  // "As noted by X, …": the passive agent speaks.
  if (ctx.toks[c + 1]?.text.toLowerCase() === 'by') {
    const last = ctx.sentenceTokens[sentenceOf(ctx, ctx.toks[c]!.start)]![1];
    return speakerAfter(ctx.toks, c + 2, last, first, { anyNounPhrase: true });
  }
  if (!/ing$/i.test(w) && ctx.toks[c - 1]?.text === ',') {
    // "X, a member of the board, said" before "…, said" as a clause-final participle-like cue.
    const appositive = speakerBefore(ctx.toks, c, first);
    if (appositive) return appositive;
  }
  const participial = /ing$/i.test(w) || ctx.toks[c - 1]?.text === ',';
  if (participial) {
    // In a "where/when" clause the clause's own subject speaks ("…, where he refused, saying …").
    if (clauseStart(ctx.toks, c, first) > first) {
      const sub = clauseSubject(ctx.toks, c, first);
      if (sub) return sub;
    }
    // An earlier passive agent in the sentence ("confirmed by X …, stating") is the subject.
    for (let i = first; i < c; i++) {
      if (isCueVerb(ctx.toks[i]!.text) && ctx.toks[i + 1]?.text.toLowerCase() === 'by') {
        const sp = speakerAfter(ctx.toks, i + 2, c - 1, first);
        if (sp) return sp;
      }
    }
    return clauseSubject(ctx.toks, c, first) ?? (ctx.toks[c - 1]?.text === ',' ? speakerBefore(ctx.toks, c, first) : null);
  }
  return speakerBefore(ctx.toks, c, first);
}

const BE_FORM = /^(?:is|are|was|were|been|being|be)$/i;

/** "The plan was described as “reckless” by X": the agent in the "by" phrase right after the quote of a passive cue. */
function passiveAgentAfter(ctx: Context, c: number, m: MarkedSpan, first: number): SpeakerFound | null {
  if (!BE_FORM.test(ctx.toks[c - 1]?.text ?? '') && !(BE_FORM.test(ctx.toks[c - 2]?.text ?? '') && /ly$/i.test(ctx.toks[c - 1]?.text ?? ''))) return null;
  const k = firstStartingFrom(ctx.toks, m.close);
  if (ctx.toks[k]?.text.toLowerCase() !== 'by') return null;
  const last = ctx.sentenceTokens[sentenceOf(ctx, ctx.toks[k]!.start)]![1];
  return speakerAfter(ctx.toks, k + 1, last, first, { anyNounPhrase: true });
}

/** "X said: “…”", "X told reporters, “…”", "stating, “…”", "she notes that “…”", "called them “…”". */
function attributeBefore(ctx: Context, m: MarkedSpan): (Pick<Draft, 'speaker' | 'cue'> & { inline: boolean }) | null {
  let j = firstStartingFrom(ctx.toks, m.open) - 1;
  let s = sentenceOf(ctx, m.open);
  // A quote opening a paragraph after "…this stance:" is introduced by the sentence before.
  if (j >= 0 && j < ctx.sentenceTokens[s]![0] && ctx.toks[j]!.text === ':') s = sentenceOf(ctx, ctx.toks[j]!.start);
  const first = ctx.sentenceTokens[s]![0];
  if (j < first) return null;
  let inline = true;
  if (ctx.toks[j]!.text === ':' || ctx.toks[j]!.text === ',') { inline = false; j--; }
  if (ctx.toks[j]?.text.toLowerCase() === 'that') { inline = false; j--; }
  for (let c = j, n = 0; c >= first && n < MAX_CUE_TO_MARK_TOKENS; c--, n++) {
    const w = ctx.toks[c]!.text;
    if (isQuoteMark(w) || w === '.' || w === ';') break;
    const phrase = CUE_PHRASES.find((p) => p.length === 2 && w.toLowerCase() === p[1] && ctx.toks[c - 1]?.text.toLowerCase() === p[0]);
    if (phrase && c - 1 >= first) {
      const sp = speakerAfter(ctx.toks, c + 1, j, first);
      if (sp) return { speaker: sp, cue: { start: ctx.toks[c - 1]!.start, end: ctx.toks[c]!.end }, inline };
    }
    if (!isCueVerb(w)) continue;
    // "was described as “good” by both sides": a passive cue's agent after the quote speaks.
    const agent = passiveAgentAfter(ctx, c, m, first);
    if (agent) return { speaker: agent, cue: ctx.toks[c]!, inline };
    // "Said Ana Oresk: “…”": a cue opening its sentence has its speaker after it.
    const sp = speakerOfCue(ctx, c, first) ?? (c === first ? speakerAfter(ctx.toks, c + 1, j, first) : null);
    if (sp) return { speaker: sp, cue: ctx.toks[c]!, inline };
    return null;
  }
  if (ctx.toks[j + 1]?.text === ':' && countWords(ctx.text.slice(m.start, m.end)) >= MIN_COLON_QUOTE_WORDS) {
    const colon = ctx.toks[j + 1]!;
    for (let c = j; c >= first; c--) {
      if (isCueVerb(ctx.toks[c]!.text)) {
        const sp = speakerOfCue(ctx, c, first);
        if (sp) return { speaker: sp, cue: colon, inline: false };
      }
    }
    // "A statement attributed to Y reflects this stance:", "Quote from Y:" — the first name in the sentence, up to the colon
    // (a day or a month, "after Tuesday night's appearance", names no one). After a headline in capitals and a dash
    // ("RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones:"), the name after the dash.
    const dash = ctx.toks.slice(first, j + 1).findIndex((t) => /^[-–—]$/.test(t.text));
    const headline = dash > 1 && ctx.toks.slice(first, first + dash).every((t) => !/\p{Ll}/u.test(t.text));
    for (let c = headline ? first + dash + 1 : first + 1; c <= j; c++) {
      if (!isCapitalised(ctx.toks[c]!.text) || isCalendarWord(ctx.toks[c]!.text) || (headline && insideMark(ctx, ctx.toks[c]!.start))) continue;
      const e = phraseStartingAt(ctx.toks, c, j);
      if (e >= 0) return { speaker: { span: { start: ctx.toks[c]!.start, end: ctx.toks[e]!.end }, core: { start: ctx.toks[c]!.start, end: ctx.toks[e]!.end } }, cue: colon, inline: false };
    }
  }
  return null;
}

/** A partial quote inside a reported clause: "X said talks would be “unwise”", "X described it as a “heinous crime”". */
function attributeInline(ctx: Context, m: MarkedSpan): Pick<Draft, 'speaker' | 'cue'> | null {
  const s = sentenceOf(ctx, m.open);
  const first = ctx.sentenceTokens[s]![0];
  const j = firstStartingFrom(ctx.toks, m.open) - 1;
  for (let c = j; c >= first; c--) {
    const w = ctx.toks[c]!.text;
    if (w === ';') break;
    if (!isCueVerb(w) || insideMark(ctx, ctx.toks[c]!.start)) continue;
    const sp = passiveAgentAfter(ctx, c, m, first) ?? speakerOfCue(ctx, c, first);
    if (sp) return { speaker: sp, cue: ctx.toks[c]! };
  }
  return null;
}

/** Direct quotes with a speaker next to them, or partial quotes governed by a cue; the rest wait for continuation. */
function directQuotes(ctx: Context): { found: Draft[]; waiting: MarkedSpan[] } {
  const found: Draft[] = [];
  const waiting: MarkedSpan[] = [];
  for (const m of ctx.marks) {
    const opens = opensSentence(ctx, m);
    // A short name or formula in marks inside a sentence ("in the format of “500 for 500”, writes X") is named, not quoted.
    if (!opens && isNamedTerm(ctx, m)) { waiting.push(m); continue; }
    // A partial quote inside a reported clause belongs to that clause's cue, not to a cue after the sentence.
    // (after a preposition or a possessive too: "respond with “every lawful remedy”")
    const inside = opens || modifiesNextNoun(ctx, m) ? null : attributeInline(ctx, m);
    if (inside) { found.push({ start: m.start, end: m.end, direct: true, ...inside }); continue; }
    const signed = attributeSigned(ctx, m);
    if (signed) { found.push({ start: m.start, end: m.end, direct: true, ...signed }); continue; }
    const after = attributeAfter(ctx, m);
    if (after) { found.push({ start: m.start, end: m.end, direct: true, ...after }); continue; }
    const before = attributeBefore(ctx, m);
    // Inside a clause its cue governs, lowercase words in marks are the speaker's ("she would impose a “winter
    // minimum” fare"); a title-cased or named term is a name there too ("on “Harbour Day”").
    const term = before?.inline === true && isTermUse(ctx, m);
    if (before && !(term && (isTitleCased(ctx.text.slice(m.start, m.end)) || isNamingMarker(ctx.toks[firstStartingFrom(ctx.toks, m.open) - 1]?.text ?? '')))) {
      found.push({ start: m.start, end: m.end, direct: true, speaker: before.speaker, cue: before.cue, ...(term ? { termInClause: true } : {}) });
      continue;
    }
    if (!before && !isTermUse(ctx, m)) {
      const inline = attributeInline(ctx, m);
      if (inline) { found.push({ start: m.start, end: m.end, direct: true, ...inline }); continue; }
    }
    waiting.push(m);
  }
  return { found, waiting };
}

/** The words of a span outside its quote marks. */
function outsideMarks(ctx: Context, s: Span): string {
  let out = '';
  let at = s.start;
  for (const m of ctx.marks) {
    if (m.close <= s.start || m.open >= s.end) continue;
    out += ctx.text.slice(at, Math.max(at, m.open));
    at = Math.max(at, m.close);
  }
  return out + ctx.text.slice(at, Math.max(at, s.end));
}

function trimContent(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s,:]/.test(text[s]!)) s++;
  while (e > s && /[\s.,;:]/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/**
 * "… the rate, which is estimated at 30% according to official figures": the source vouches for the
 * clause its "according to" modifies (a relative or adverbial clause), not for the whole sentence before it.
 */
function accordingToClause(ctx: Context, c: number): Span | null {
  const view = ctx.syntax;
  if (!view) return null;
  const k = view.at(ctx.toks[c]!.start);
  const host = k < 0 ? -1 : view.caseHost(k);
  let pred = host < 0 ? -1 : view.head(host);
  // The parse may hang the source on a noun of the clause ("estimated at 30% according to …"): climb to its predicate.
  for (let n = 0; n < 3 && pred >= 0 && /^(?:NOUN|PROPN|NUM)$/.test(view.upos(pred)) && /^(?:nmod|obl|obj)$/.test(view.rel(pred)); n++) pred = view.head(pred);
  if (pred < 0 || !/^(?:acl:relcl|acl|advcl)$/.test(view.rel(pred))) return null;
  const clause = view.subtree(pred);
  const sent = sentenceSpan(ctx, ctx.toks[c]!.start);
  if (clause.start <= sent.start || clause.start >= ctx.toks[c]!.start) return null;
  // Only a clause set off as one: after a comma or a dash, or opened by a relative or subordinating word
  // (a parse may take a word inside the main clause for the head of one: "a nationwide “walk-in” at …").
  const opener = ctx.text.slice(clause.start, clause.start + 16).replace(/^[\s,;—–-]+/, '').toLowerCase();
  const before = ctx.text.slice(sent.start, clause.start);
  if (!/[,;—–-]\s*$/.test(before) && !/^[\s,;—–-]/.test(ctx.text.slice(clause.start, clause.start + 1)) && !/^(?:who|which|that|where|when|while|as|after|before|because|since|if|although|though)\b/.test(opener)) return null;
  const content = trimContent(ctx.text, clause.start, ctx.toks[c]!.start);
  return countWords(ctx.text.slice(content.start, content.end)) >= MIN_REPORTED_WORDS ? content : null;
}

/**
 * Is the quote inside the clausal complement the parse gives its cue (with its coordinated rest: "said A
 * had been “…”, and would resolve B through “…”"), with words of that clause before the marks?
 */
function inParsedComplement(ctx: Context, d: Draft): boolean {
  if (!ctx.syntax || !d.cue) return false;
  const clause = parsedContent(ctx, firstStartingFrom(ctx.toks, d.cue.start));
  // The quote's own closing full stop ("“not honorable.”") lies past the clause the parse gives.
  const end = d.start + ctx.text.slice(d.start, d.end).replace(/[\s.,;:!?]+$/u, '').length;
  return clause !== null && clause.start < d.start && clause.end >= end && countWords(ctx.text.slice(clause.start, d.start)) >= 2;
}

/** Reported speech: "X said (that) …", "X told Y that …", "…, X said.", "according to X, …", "…, according to X". */
function reportedQuotes(ctx: Context, usedCues: ReadonlySet<number>): Draft[] {
  const out: Draft[] = [];
  ctx.sentences.forEach((sent, si) => {
    const [first, last] = ctx.sentenceTokens[si]!;
    if (first > last) return;
    for (let c = first; c <= last; c++) {
      const tok = ctx.toks[c]!;
      const w = tok.text.toLowerCase();
      // Most tokens are neither a cue nor "according": test that first, the marks after.
      if (w !== 'according' && !isCueVerb(w)) continue;
      if (usedCues.has(tok.start) || insideMark(ctx, tok.start)) continue;
      if (w === 'according' && ctx.toks[c + 1]?.text.toLowerCase() === 'to') {
        const sp = (ctx.syntax ? parsedAccordingTo(ctx, c) : null) ?? speakerAfter(ctx.toks, c + 2, last, first, { anyNounPhrase: true });
        if (!sp) continue;
        const cue = { start: tok.start, end: ctx.toks[c + 1]!.end };
        const before = c > first ? ctx.text.slice(sent.start, tok.start) : '';
        const content = countWords(before) >= MIN_REPORTED_WORDS
          ? accordingToClause(ctx, c) ?? afterOpeningSubordinate(ctx, trimContent(ctx.text, sent.start, tok.start))
          : trimContent(ctx.text, sp.span.end, sent.end);
        if (countWords(ctx.text.slice(content.start, content.end)) >= MIN_REPORTED_WORDS) out.push({ ...content, direct: false, speaker: sp, cue });
        continue;
      }
      if (!isCueVerb(w) || isNamePart(ctx, c, first)) continue;
      if (RELAY_CUES.test(w) && relayedBy(ctx, c, first)) continue; // "X reported, citing Y": one attribution, read at X's cue
      if (ctx.toks[c + 1]?.text.toLowerCase() === 'by') {
        // "This was stated by X": X said the sentence before; otherwise the agent speaks through a later cue.
        const back = backReference(ctx, si, c);
        if (back) out.push(back);
        continue;
      }
      const found = invertedSpeaker(ctx, c, first, last) ? null : speakerOfCue(ctx, c, first);
      const sp = found ? citedSource(ctx, c, last, first) ?? found : null;
      if (!sp) {
        // "…, said X." — the inverted form at the sentence end (not "…, tells X": X was told).
        if (ctx.toks[c - 1]?.text === ',' && !TELLING.test(w)) {
          const inv = speakerAfter(ctx.toks, c + 1, last, first);
          const after = inv ? firstStartingFrom(ctx.toks, inv.span.end) : -1;
          const appositive = inv !== null && isClosingAppositive(ctx, inv.span.end, last);
          const content = !inv ? null
            : after >= last || appositive ? trimContent(ctx.text, sent.start, ctx.toks[c - 1]!.start)
              : opensClauseAfterAside(ctx, after, last) ? trimContent(ctx.text, ctx.toks[after]!.end, sent.end)
                // "The ferries, said Ana Oresk, will run …": the subject before the aside and the predicate after it.
                : c - 1 > first && predicateAfter(ctx, after, last) ? trimContent(ctx.text, sent.start, sent.end) : null;
          // The speaker's phrase takes the appositive that closes the sentence ("Ana Oresk, a fund manager at Kelm").
          const speaker = inv && appositive ? { ...inv, span: { start: inv.span.start, end: ctx.toks[last]!.text === '.' ? ctx.toks[last - 1]!.end : ctx.toks[last]!.end } } : inv;
          if (speaker && content && countWords(ctx.text.slice(content.start, content.end)) >= MIN_REPORTED_WORDS) out.push({ ...content, direct: false, speaker, cue: tok });
        }
        continue;
      }
      // A parse that hangs the speaker inside a clause before the cue gives that clause: the words after the cue are the report.
      const parsed = reportedContent(ctx, c, last, found!, sent);
      const read = parsed && parsed.end <= tok.start && parsed.start <= sp.span.start && parsed.end >= sp.span.end ? reportedContent({ ...ctx, syntax: undefined }, c, last, found!, sent) : parsed;
      // "The deal, said Oresk, was unfair": a predicate after the aside has its subject before it; the sentence is what was said.
      const content = read && predicateAfterAside(ctx, c, first, read) ? trimContent(ctx.text, sent.start, sent.end) : read;
      // "called on": the cue is the phrasal verb
      const cue = calledOnToDo(ctx, c, last) ? { start: tok.start, end: ctx.toks[c + 1]!.end } : tok;
      if (content && countWords(ctx.text.slice(content.start, content.end)) >= MIN_REPORTED_WORDS) out.push({ ...withWholeMarks(ctx, content), direct: false, speaker: sp, cue });
    }
  });
  return out;
}

/**
 * "…, says Ana Oresk, a fund manager at Kelm." — a cue after a comma whose speaker runs to the sentence end (or to an
 * appositive closing it, or to the predicate of a subject before the aside) is the inverted form: its speaker is the
 * phrase after it, whatever a parse of the words before it may make their subject.
 */
function invertedSpeaker(ctx: Context, c: number, first: number, last: number): SpeakerFound | null {
  // ("…, tells the Kelm Gazette.": who is told follows a verb of telling, never who spoke.)
  if (ctx.toks[c - 1]?.text !== ',' || TELLING.test(ctx.toks[c]!.text)) return null;
  const closing = speakerAfter(ctx.toks, c + 1, last, first);
  if (!closing) return null;
  const after = firstStartingFrom(ctx.toks, closing.span.end);
  return after >= last || isClosingAppositive(ctx, closing.span.end, last) || predicateAfter(ctx, after, last) ? closing : null;
}

/** A name, then the party and state in AP style, up to a state abbreviation: "Rep. Ana Oresk, R-W." before "Va.". */
const NAME_BEFORE_PARTY = /((?:\p{Lu}[\p{L}'’-]*\.?\s+){0,4}\p{Lu}[\p{L}'’-]*),\s*[RDI]-(?:\p{Lu}[\p{L}.]*)?$/u;

/**
 * "Rep. Ana Oresk, R-W.Va., visited … and argued that …": a parse may take the state abbreviation for the
 * subject; the speaker is the name before the party and state.
 */
function withNameBeforeParty(ctx: Context, sp: SpeakerFound | null): SpeakerFound | null {
  if (!sp || !/^\p{Lu}[\p{L}.]{0,5}$/u.test(ctx.text.slice(sp.span.start, sp.span.end))) return sp;
  const before = ctx.text.slice(Math.max(0, sp.span.start - 80), sp.span.start);
  const m = NAME_BEFORE_PARTY.exec(before);
  if (!m) return sp;
  const start = sp.span.start - before.length + m.index;
  const name = { start, end: start + m[1]!.length };
  return { span: { start, end: sp.span.end }, core: name };
}

/** Words read as said right after an inverted cue ("…, says [Ana Oresk, a fund manager]."): they are its speaker. */
function isInvertedSpeaker(ctx: Context, t: Draft): boolean {
  if (!t.cue || t.start < t.cue.end) return false;
  const c = firstStartingFrom(ctx.toks, t.cue.start);
  const [first, last] = ctx.sentenceTokens[sentenceOf(ctx, t.cue.start)]!;
  const inverted = invertedSpeaker(ctx, c, first, last);
  return inverted !== null && t.start <= inverted.span.start + 1 && t.end >= inverted.span.end - 1;
}

/** ", will run …" after a speaker set off by commas: a predicate whose subject stands before the aside. */
function predicateAfter(ctx: Context, comma: number, last: number): boolean {
  if (ctx.toks[comma]?.text !== ',' || comma + 1 > last) return false;
  const next = ctx.toks[comma + 1]!;
  if (isFiniteAuxiliary(next.text)) return true;
  const view = ctx.syntax;
  return view !== undefined && view.upos(view.at(next.start)) === 'VERB' && !/(?:ing|ed)$/i.test(next.text);
}

/** ", a fund manager at Kelm." after a speaker: one appositive with no verb, up to the sentence end. */
function isClosingAppositive(ctx: Context, from: number, last: number): boolean {
  const k = firstStartingFrom(ctx.toks, from);
  if (ctx.toks[k]?.text !== ',' || k >= last) return false;
  const rest = ctx.toks.slice(k + 1, last + 1).filter((t) => isWord(t.text));
  if (rest.length === 0 || ctx.toks.slice(k + 1, last + 1).some((t) => /^[,;:]$/.test(t.text))) return false;
  // Only the parse tells an appositive from a clause ("…, said Ana Oresk, the ministry will close …").
  const view = ctx.syntax;
  return view !== undefined && rest.every((t) => !isCueVerb(t.text) && !/^(?:VERB|AUX)$/.test(view.upos(view.at(t.start))));
}

/**
 * "In addition to X, said Ana Oresk, the ministry will …": an attribution set off by commas inside the
 * sentence, followed by a clause with its own subject (a determiner, a pronoun or a name opens it),
 * which is what was said. Not when a predicate follows ("The deal, said Oresk, was unfair"): the
 * subject before the aside belongs to it and the words said are not one span.
 */
function opensClauseAfterAside(ctx: Context, comma: number, last: number): boolean {
  if (ctx.toks[comma]?.text !== ',' || comma + 1 > last) return false;
  const next = ctx.toks[comma + 1]!.text;
  if (/^(?:who|whom|which|that|what)$/i.test(next)) return false;
  return (isDeterminer(next) || isPronoun(next) || isCapitalised(next)) && !isAuxiliary(next) && !isPreposition(next);
}

/**
 * Whether reported words say something outside the quote marks they hold: words beyond a determiner, an
 * auxiliary or a pronoun ("the tariffs would “make …”" says no more than its quote; "the plan, which the
 * board rejected, would “…”" does).
 */
function saysMoreOutsideMarks(ctx: Context, d: Span): boolean {
  const outside = outsideMarks(ctx, d).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (outside.length < MIN_REPORTED_WORDS) return false;
  return outside.filter((w) => !isDeterminer(w) && !isAuxiliary(w) && !isPronoun(w) && !/^(?:that|to|and|of)$/i.test(w)).length >= MIN_REPORTED_WORDS - 1;
}

/** Reported words that open with a finite verb right after an attribution set off by commas inside the sentence. */
function predicateAfterAside(ctx: Context, c: number, first: number, content: Span): boolean {
  if (c - 1 <= first || ctx.toks[c - 1]?.text !== ',') return false;
  const k = firstStartingFrom(ctx.toks, content.start);
  return k > c && ctx.toks[k - 1]?.text === ',' && isFiniteAuxiliary(ctx.toks[k]?.text ?? '');
}

/** Reported words that end inside marked words ("would be “not honorable") run to the closing mark. */
function withWholeMarks(ctx: Context, s: Span): Span {
  const m = insideMark(ctx, s.end - 1);
  return m && m.start > s.start && m.close > s.end && !m.unclosed ? { start: s.start, end: m.close } : s;
}

/**
 * A capitalised word after a capitalised word of its sentence is part of a name ("the United States",
 * "Corvel Reports Daily"), not a verb of saying, whatever form it shares with one.
 */
function isNamePart(ctx: Context, c: number, first: number): boolean {
  return c > first && /^\p{Lu}\p{Ll}/u.test(ctx.toks[c]!.text) && isCapitalised(ctx.toks[c - 1]!.text);
}

/** Verbs of speaking that report what was said through "of" or "about" ("spoke of a new era", "talked about an exchange"). */
const SPEAK_OF_VERB = /^(?:speak|speaks|spoke|spoken|speaking|talk|talks|talked|talking)$/i;
/** Adverbs that may stand between such a verb and its "of" ("speaking more frequently of"). */
const SPEAK_OF_ADVERB = /^(?:\p{Ll}+ly|more|often|again|also|repeatedly|openly)$/u;
/** Where the noun phrase after "of"/"about" ends: a clause break, a quote mark or the sentence end. */
const PHRASE_BREAK = /[,;:.!?](?=\s|$)|["“”]|\s(?:since|while|when|as|after|before|because|but|and\s+(?:has|have|had|is|are|was|were|will|would))\b/u;

/**
 * "Officials have been speaking more frequently of the importance of the ferry link", "X talked about a
 * swap of berths": the noun phrase after "of"/"about" is what the speaker said, reported in a noun
 * (never inside words already quoted).
 */
function spokeOfQuotes(ctx: Context, usedCues: ReadonlySet<number>, quoted: readonly Span[]): Draft[] {
  const out: Draft[] = [];
  ctx.sentences.forEach((sent, si) => {
    const [first, last] = ctx.sentenceTokens[si]!;
    for (let c = first + 1; c <= last; c++) {
      const tok = ctx.toks[c]!;
      if (!SPEAK_OF_VERB.test(tok.text) || usedCues.has(tok.start) || insideMark(ctx, tok.start)) continue;
      // Inside someone's quoted words ("We talked about an exchange …"), it is part of that quote.
      if (quoted.some((q) => q.start <= tok.start && tok.end <= q.end)) continue;
      let j = c + 1;
      while (j <= last && j - c <= 3 && SPEAK_OF_ADVERB.test(ctx.toks[j]!.text)) j++;
      if (j >= last || !/^(?:of|about)$/i.test(ctx.toks[j]!.text)) continue;
      const from = ctx.toks[j + 1]!.start;
      const rest = ctx.text.slice(from, sent.end);
      const stop = PHRASE_BREAK.exec(rest);
      const content = trimContent(ctx.text, from, from + (stop ? stop.index : rest.length));
      if (countWords(ctx.text.slice(content.start, content.end)) < 2) continue;
      const speaker = speakerOfCue(ctx, c, first);
      if (speaker && !/^and\b/i.test(ctx.text.slice(speaker.span.start, speaker.span.end))) out.push({ ...content, direct: false, speaker, cue: { start: tok.start, end: tok.end } });
    }
  });
  return out;
}

/** Particles of phrasal cues ("pointed out that", "spoke up"). */
const PARTICLE = /^(?:out|up|back|on)$/i;

/**
 * A reported clause, up to where the same speaker's next attribution starts ("that X, and
 * called on Y to …", "that X, adding that Y"): that is a statement of its own.
 */
function clauseUpToNextCue(ctx: Context, from: number, to: number): Span {
  const { toks } = ctx;
  for (let i = firstStartingFrom(toks, from) + 1; i < toks.length && toks[i]!.end <= to; i++) {
    const w = toks[i]!.text;
    if (!isCueVerb(w) || insideMark(ctx, toks[i]!.start)) continue;
    const prev = toks[i - 1]!.text;
    const joined = prev === ',' && /ing$/i.test(w) ? i - 1 : prev.toLowerCase() === 'and' ? (toks[i - 2]?.text === ',' ? i - 2 : i - 1) : -1;
    if (joined > 0 && toks[joined]!.start > from) return trimContent(ctx.text, from, toks[joined]!.start);
  }
  return trimContent(ctx.text, from, to);
}

/** Participles that relay another source ("…, citing Y", "…, quoting Y"). */
const RELAY_CUES = /^(?:citing|quoting)$/i;
/** Demonstratives that point back to what was just said ("This was stated by X"). */
const BACK_REFERENCE = /^(?:this|that|these|it|such)$/i;

/** A relay participle after another cue of its sentence ("X reported on Sunday, citing Y"). */
function relayedBy(ctx: Context, c: number, first: number): boolean {
  for (let i = c - 1; i >= first; i--) if (isCueVerb(ctx.toks[i]!.text) && !insideMark(ctx, ctx.toks[i]!.start)) return true;
  return false;
}

/**
 * "X reported, citing a source close to the talks, that …": the source relayed is the speaker,
 * when the phrase after "citing" can speak (not "figures", "data" or a document: then X stays).
 */
function citedSource(ctx: Context, c: number, last: number, first: number): SpeakerFound | null {
  for (let i = c + 1; i <= Math.min(last, c + 8); i++) {
    const w = ctx.toks[i]!.text;
    if (w === '.' || w === ';' || w.toLowerCase() === 'that' || isQuoteMark(w)) return null;
    // "…, citing Y" or right after the cue ("X reports citing Y").
    if (!RELAY_CUES.test(w) || (ctx.toks[i - 1]!.text !== ',' && i !== c + 1)) continue;
    const sp = speakerAfter(ctx.toks, i + 1, last, first, { anyNounPhrase: true });
    if (!sp) return null;
    const kind = classifySpeaker(ctx.text, sp.core, ctx.entities.filter((m) => m.start < sp.core.end && sp.core.start < m.end)).kind;
    return kind === 'document' || kind === 'junk' ? null : sp;
  }
  return null;
}

/** "This was stated by X." after a sentence: X's reported statement is that sentence (of the same paragraph). */
/** "This is supported by …", "This was criticised by …": the agent judges what came before; it did not say it. */
const JUDGES_NOT_SAYS = /^(?:supported|backed|endorsed|welcomed|praised|critici[sz]ed|rejected|opposed|condemned|denied|disputed|challenged|contradicted|questioned|reinforced|undermined)$/i;

function backReference(ctx: Context, si: number, c: number): Draft | null {
  const [first, last] = ctx.sentenceTokens[si]!;
  const opener = ctx.toks[first]!.text;
  if (si === 0 || !BACK_REFERENCE.test(opener) || c - first > 3 || JUDGES_NOT_SAYS.test(ctx.toks[c]!.text)) return null;
  for (let i = first + 1; i < c; i++) if (!isAuxiliary(ctx.toks[i]!.text)) return null;
  const sp = speakerAfter(ctx.toks, c + 2, last, first, { anyNounPhrase: true });
  const prev = ctx.sentences[si - 1]!;
  if (!sp || /\n/.test(ctx.text.slice(prev.end, ctx.sentences[si]!.start))) return null;
  const content = trimContent(ctx.text, prev.start, prev.end);
  return countWords(ctx.text.slice(content.start, content.end)) >= MIN_REPORTED_WORDS ? { ...content, direct: false, speaker: sp, cue: { start: ctx.toks[c]!.start, end: ctx.toks[c + 1]!.end } } : null;
}

/** The clause a cue governs: after "that", a colon or a bare clause; or the clause before "…, X said." */
function reportedContent(ctx: Context, c: number, last: number, sp: SpeakerFound, sent: Span): Span | null {
  // "This campaign, he says, is different": an attribution set off by commas between a subject and its predicate;
  // the sentence around it is what was said (as with "The deal, said Oresk, was unfair").
  const opening = firstStartingFrom(ctx.toks, sp.span.start) - 1;
  if (ctx.toks[opening]?.text === ',' && opening > firstStartingFrom(ctx.toks, sent.start) && firstStartingFrom(ctx.toks, sp.span.end) === c && predicateAfter(ctx, c + 1, last)) {
    return trimContent(ctx.text, sent.start, sent.end);
  }
  const parsed = ctx.syntax ? parsedContent(ctx, c) : null;
  if (parsed) return parsed;
  const { toks, text } = ctx;
  const cueWord = toks[c]!.text;
  const callOn = calledOnToDo(ctx, c, last);
  if (callOn) return clauseUpToNextCue(ctx, callOn.start, sent.end);
  for (let i = c + 1; i <= Math.min(last, c + MAX_CUE_TO_THAT_TOKENS); i++) {
    const w = toks[i]!.text;
    // Another cue verb starts another attribution ("the talks" after an article is a noun, not one).
    const cueHere = isCueVerb(w) && !RELAY_CUES.test(w) && !isDeterminer(toks[i - 1]!.text) && !insideMark(ctx, toks[i]!.start);
    if (w === '.' || w === ';' || cueHere) break;
    if (w.toLowerCase() !== 'that') continue;
    const between = toks.slice(c + 1, i);
    // "affirmed the following day, through a post …, that": a time before the adjuncts says when, not what.
    const comma = between.findIndex((t) => t.text === ',');
    const timeFirst = comma > 0 && isTimePhrase(between.slice(0, comma).map((t) => t.text).join(' '));
    const adjunct = between.length === 0 || between[0]!.text === ',' || isPreposition(between[0]!.text) || PARTICLE.test(between[0]!.text) || LISTENER_CUES.test(cueWord) || timeFirst;
    if (adjunct) return clauseUpToNextCue(ctx, toks[i]!.end, sent.end);
    break;
  }
  const next = toks[c + 1];
  if (next && next.text === ':') return trimContent(text, next.end, sent.end);
  // A bare clause follows a frequent speech verb, or any cue when a subject plainly starts it ("believes the plan …").
  // Only for verbs PolNeAR saw as cues: a general speech verb before "the …" mostly takes an object ("condemned the strike").
  const clauseStarts = learnedCueRate(cueWord) > 0 && isWord(next?.text ?? '') && (isPronoun(next!.text) || isDeterminer(next!.text)) && !/^(?:it|this|that|her|his|its|their)$/i.test(next!.text);
  // "…, the agency reports citing Y.": the relay participle opens no clause of what was said.
  if (next && (cueRate(cueWord) >= BARE_CLAUSE_CUE_RATE || clauseStarts) && isWord(next.text) && !isPreposition(next.text) && !RELAY_CUES.test(next.text) && c + 1 <= last) {
    let from = c + 1;
    if (LISTENER_CUES.test(cueWord)) {
      const e = phraseStartingAt(toks, from, last);
      if (e < 0) return null;
      from = e + 1;
    }
    const lead = from <= last ? LEADING_TIME_THAT.exec(text.slice(toks[from]!.start, sent.end)) : null;
    const clause = from <= last ? trimContent(text, toks[from]!.start + (lead ? lead[0].length : 0), sent.end) : null;
    // Nothing after the listener ("…, X told reporters."), or only when ("…, X said Friday afternoon, as …"): the clause is the one before.
    if (clause && clause.end > clause.start && !timeOnlyUntilComma(text, clause)) return clause;
  }
  // "…, he said." — the clause before the speaker, when the cue ends the sentence.
  const before = firstStartingFrom(toks, sp.span.start) - 1;
  let restEnd = last;
  // "…, the agency reported on Sunday, citing figures": the participle clause is not part of the adjunct.
  for (let i = c + 1; i < last; i++) {
    if (toks[i]!.text === ',' && (/ing$/i.test(toks[i + 1]!.text) || SUBORDINATOR.test(toks[i + 1]!.text))) { restEnd = i - 1; break; }
    if (i === c + 1 && RELAY_CUES.test(toks[i]!.text)) { restEnd = i - 1; break; }
  }
  const rest = toks.slice(c + 1, restEnd + 1).filter((t) => isWord(t.text));
  // "…, X told reporters." / "…, X told the Daily Ledger on Monday.": the listener is no clause either.
  // (Not when the clause before is an attribution of its own: "X were incensed that …, sources told the Ledger.")
  const listener = LISTENER_CUES.test(cueWord) && rest.length <= MAX_LISTENER_WORDS && !rest.some((t) => isCueVerb(t.text) || isClauseWord(t.text))
    && !toks.slice(firstStartingFrom(toks, sent.start), before).some((t) => (isCueVerb(t.text) || /^that$/i.test(t.text)) && !insideMark(ctx, t.start));
  // "…, they should be addressed within the treaty": a passive verb's subject is what is spoken of, not a speaker.
  const passive = /^(?:be|been|being|is|are|was|were)$/i.test(toks[c - 1]?.text ?? '');
  const when = rest.length > 0 && isTimePhrase(rest.map((t) => t.text).join(' '));
  if (!passive && toks[before]?.text === ',' && rest.length <= 6 && (rest.length === 0 || isPreposition(rest[0]!.text) || listener || when)) {
    return trimContent(text, sent.start, toks[before]!.start);
  }
  return null;
}

/** "called on", "calls upon": a call to someone to do something. */
const CALL = /^(?:call|calls|called|calling)$/i;

/**
 * "the report called on officials to monitor the port": who is called on and what they are to do, the words
 * from the first after "on" to the sentence end (a short phrase before "to" and a word after it), or null.
 */
function calledOnToDo(ctx: Context, c: number, last: number): Span | null {
  const { toks } = ctx;
  if (!CALL.test(toks[c]!.text) || !/^(?:on|upon)$/i.test(toks[c + 1]?.text ?? '')) return null;
  const from = c + 2;
  for (let i = from + 1; i <= Math.min(last - 1, from + MAX_LISTENER_WORDS); i++) {
    const w = toks[i]!.text;
    if (!isWord(w)) return null;
    if (/^to$/i.test(w)) return isWord(toks[i + 1]!.text) && !isDeterminer(toks[i + 1]!.text) ? { start: toks[from]!.start, end: toks[last]!.end } : null;
  }
  return null;
}

/** A paragraph closed by a dash and its attribution ("… we will reply - Oresk said.", "… - said Ana Oresk."): name, cue. */
const DASH_ATTRIBUTION = /\s[-–—]\s+(?:(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,2})\s+(said|says|added|stated)|(said|says|added|stated)\s+(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,2}))\.?\s*$/u;

/**
 * Unmarked direct speech in the dash convention of some outlets: a paragraph of the speaker's words
 * closed by " - Ana Oresk said." is a direct quote of the words before the dash.
 */
function dashAttributedQuotes(ctx: Context): Draft[] {
  const out: Draft[] = [];
  for (const p of splitParagraphs(ctx.text)) {
    const para = ctx.text.slice(p.start, p.end);
    const m = DASH_ATTRIBUTION.exec(para);
    if (!m || insideMark(ctx, p.start + m.index) || countWords(para.slice(0, m.index)) < MIN_CONTINUATION_WORDS) continue;
    const name = m[1] ?? m[4]!;
    const cue = m[2] ?? m[3]!;
    const nameAt = p.start + m.index + m[0].indexOf(name, m[1] ? 0 : m[0].indexOf(cue) + cue.length);
    const cueAt = p.start + m.index + m[0].indexOf(cue);
    const speaker = { start: nameAt, end: nameAt + name.length };
    out.push({ start: p.start, end: p.start + m.index, direct: true, speaker: { span: speaker, core: speaker }, cue: { start: cueAt, end: cueAt + cue.length } });
  }
  return out;
}

/** Nouns that carry what someone said, when "from"/"by" names the speaker and "that" opens the words: "a statement from X that …". */
const STATEMENT_NOUN = /^(?:statement|statements|remarks|comments|announcement|assertion|claim|warning|pledge|assurance|admission)$/i;

/** "a statement from Foreign Minister X that his country proposed …": the clause after "that" is X's. */
function statementNounQuotes(ctx: Context, usedCues: ReadonlySet<number>): Draft[] {
  const out: Draft[] = [];
  ctx.sentences.forEach((sent, si) => {
    const [first, last] = ctx.sentenceTokens[si]!;
    for (let c = first; c < last; c++) {
      const tok = ctx.toks[c]!;
      if (!STATEMENT_NOUN.test(tok.text) || !/^(?:from|by)$/i.test(ctx.toks[c + 1]!.text) || usedCues.has(tok.start) || insideMark(ctx, tok.start)) continue;
      const sp = speakerAfter(ctx.toks, c + 2, last, first);
      if (!sp) continue;
      const k = firstStartingFrom(ctx.toks, sp.span.end);
      if (ctx.toks[k]?.text.toLowerCase() !== 'that' || k > last) continue;
      const content = clauseUpToNextCue(ctx, ctx.toks[k]!.end, sent.end);
      if (countWords(ctx.text.slice(content.start, content.end)) >= MIN_REPORTED_WORDS) out.push({ ...content, direct: false, speaker: sp, cue: { start: tok.start, end: ctx.toks[c + 1]!.end } });
    }
  });
  return out;
}

/** Verbs of "what X says are …", "what X calls …": X's words for the thing named after them. */
const WHAT_CUE = /^(?:says|said|claims|claimed|calls|called|describes|described|considers|considered|sees|saw|views|viewed|deems|deemed|terms|termed|regards|regarded|dubs|dubbed|labels|labelled|labeled)$/i;
/** Cues that name a thing directly ("what X calls a tax grab"); the others need "as" or a form of "be" ("what X says are …"). */
const NAMING_WHAT_CUE = /^(?:calls|called|terms|termed|dubs|dubbed|labels|labelled|labeled)$/i;

/**
 * "a response to what Kovac says are unfair harbour fees", "what the ministry described as provocations": the
 * words after the cue are the speaker's, up to the end of their clause.
 */
function whatSaysQuotes(ctx: Context, usedCues: ReadonlySet<number>): Draft[] {
  const out: Draft[] = [];
  ctx.sentences.forEach((sent, si) => {
    const [first, last] = ctx.sentenceTokens[si]!;
    for (let c = first + 2; c < last; c++) {
      const cue = ctx.toks[c]!;
      if (!WHAT_CUE.test(cue.text) || usedCues.has(cue.start) || insideMark(ctx, cue.start)) continue;
      const sp = speakerAfterWhat(ctx, c, first);
      if (!sp) continue;
      let k = c + 1;
      const link = ctx.toks[k]?.text.toLowerCase();
      if (link === 'as' || link === 'is' || link === 'are' || link === 'was' || link === 'were') k++;
      else if (link === 'to' && ctx.toks[k + 1]?.text.toLowerCase() === 'be') k += 2;
      else if (!NAMING_WHAT_CUE.test(cue.text)) continue;
      const from = ctx.toks[k];
      if (!from || k > last || insideMark(ctx, from.start) || isQuoteMark(from.text)) continue;
      const rest = ctx.text.slice(from.start, sent.end);
      const stop = /[,;:()]|[.!?](?=\s|$)|\s[-–—]\s/.exec(rest);
      const end = from.start + (stop ? stop.index : rest.length);
      const content = { start: from.start, end: from.start + ctx.text.slice(from.start, end).trimEnd().length };
      if (countWords(ctx.text.slice(content.start, content.end)) >= 2) out.push({ ...content, direct: false, speaker: sp, cue: { start: cue.start, end: cue.end } });
    }
  });
  return out;
}

/** Verbs that state a figure someone gives ("put the toll at 5,500", "estimated the damage at $2 billion"). */
const FIGURE_VERB = /^(?:put|puts|putting|placed|places|placing|pegged|pegs|pegging|estimated|estimates|estimating)$/i;
/** The figure after "at": a number, with the words of its unit. */
const AT_FIGURE = /^\s*at\s+(?:(?:about|around|roughly|nearly|almost|more\s+than|over|some|least|at\s+least)\s+)*[$€£¥]?\d[\d,.]*(?:\s*(?:%|percent|per\s+cent|million|billion|trillion|thousand|hundred))?/i;
/** Most words between the figure verb and "at" (the thing counted: "the death toll in the city"). */
const MAX_COUNTED_WORDS = 10;

/** A figure someone gives: a figure verb's words ending "at" a number ("put [the toll at 5,500]"). */
function isFigureGiven(ctx: Context, d: Draft): boolean {
  if (!d.cue || !FIGURE_VERB.test(ctx.text.slice(d.cue.start, d.cue.end))) return false;
  return /\bat\s+(?:[\p{L}]+\s+){0,3}[$€£¥]?\d[\d,.]*(?:\s*[%\p{L}]+)?$/u.test(ctx.text.slice(d.start, d.end));
}

/**
 * "Health authorities put the death toll at 5,500": a figure given by someone is reported speech, the
 * thing counted and the figure its words, the subject of the verb its speaker (read from the parse).
 */
function figureQuotes(ctx: Context): Draft[] {
  if (!ctx.syntax) return [];
  const out: Draft[] = [];
  ctx.sentences.forEach((sent, si) => {
    const [first, last] = ctx.sentenceTokens[si]!;
    for (let c = first + 1; c < last; c++) {
      const tok = ctx.toks[c]!;
      if (!FIGURE_VERB.test(tok.text) || insideMark(ctx, tok.start)) continue;
      // "was estimated at": the passive gives no one's figure.
      if (/^(?:is|are|was|were|be|been|being)$/i.test(ctx.toks[c - 1]!.text)) continue;
      let at = -1;
      for (let i = c + 2; i <= Math.min(last, c + 1 + MAX_COUNTED_WORDS); i++) {
        const w = ctx.toks[i]!.text;
        if (/^[.;:!?]$/.test(w) || isQuoteMark(w)) break;
        if (w.toLowerCase() === 'at') { at = i; break; }
      }
      if (at < 0) continue;
      const figure = AT_FIGURE.exec(ctx.text.slice(ctx.toks[at]!.start - 1, sent.end));
      if (!figure) continue;
      const sp = parsedSpeaker(ctx, c);
      if (!sp || sp.span.end > tok.start) continue;
      const content = trimContent(ctx.text, ctx.toks[c + 1]!.start, ctx.toks[at]!.start - 1 + figure[0].length);
      if (countWords(ctx.text.slice(content.start, content.end)) >= MIN_REPORTED_WORDS) out.push({ ...content, direct: false, speaker: sp, cue: tok });
    }
  });
  return out;
}

/** A transcript turn: a paragraph opened by its speaker's name in capitals and a colon ("PELL: Well, look, …"). */
const TRANSCRIPT_TURN = /^[ \t\u00a0]*["“]?((?:MR\.|MS\.|MRS\.|DR\.|SEN\.|REP\.|GOV\.)?[ \u00a0]?\p{Lu}{2,}[\p{Lu}’'-]*(?:[ \u00a0]+\p{Lu}{2,}[\p{Lu}’'-]*){0,2}):[ \t\u00a0]+(?=\S)/u;
/** Capitalised labels that open a paragraph with a colon and name no speaker. */
const NOT_A_SPEAKER = /^(?:UPDATE|UPDATED|NOTE|EDITOR'S NOTE|EDITOR’S NOTE|WATCH|READ MORE|READ|RELATED|PHOTOS?|VIDEO|BREAKING|EXCLUSIVE|CORRECTION|CLARIFICATION|SOURCES?|QUOTE|WARNING|DISCLAIMER|LIVE|ANALYSIS|OPINION|ADVERTISEMENT|TRANSCRIPT|CROSSTALK|END|MORE|PHOTO|AUDIO|FILE|UPDATES|TAGS|TOPICS|SUBSCRIBE|SHARE|CONTACT|EMAIL|WEB|URL|DATE|TIME|BY|CREDIT|COPYRIGHT|AP|AFP|REUTERS)$/;
/** Fewest turns for a text to be read as a transcript (one capitalised label alone is a heading). */
const MIN_TRANSCRIPT_TURNS = 2;

/** A transcript's turns as direct quotes of the speaker who opens each ("WALLACE: …", "PENCE: …"). */
function transcriptQuotes(ctx: Context): Draft[] {
  const out: Draft[] = [];
  for (const p of splitParagraphs(ctx.text)) {
    const para = ctx.text.slice(p.start, p.end);
    const m = TRANSCRIPT_TURN.exec(para);
    if (!m || NOT_A_SPEAKER.test(m[1]!.replace(/[ \u00a0]+/g, ' '))) continue;
    const nameAt = p.start + m[0].indexOf(m[1]!);
    // A turn may open with a quote mark (a transcript quoted whole); a name inside someone else's marks is not a turn.
    const mark = insideMark(ctx, nameAt);
    if (mark && !/^["“]$/.test(ctx.text[nameAt - 1] ?? '')) continue;
    const colonAt = nameAt + m[1]!.length;
    const words = trimContent(ctx.text, p.start + m[0].length, p.end);
    if (countWords(ctx.text.slice(words.start, words.end)) < MIN_REPORTED_WORDS) continue;
    const name = { start: nameAt, end: colonAt };
    out.push({ start: words.start, end: words.end, direct: true, speaker: { span: name, core: name }, cue: { start: colonAt, end: colonAt + 1 } });
  }
  return out.length >= MIN_TRANSCRIPT_TURNS ? out : [];
}

/** A line of its own opened by a name and a colon, after an optional capitalised label and dash ("EXCLUSIVE – "). */
const NAMED_LINE = /^[ \t\u00a0]*(?:\p{Lu}[\p{Lu} ]*[ \u00a0]+[–—-][ \u00a0]+)?((?:\p{Lu}[\p{L}.’'-]*[ \u00a0]+){0,5}\p{Lu}[\p{L}.’'-]*):[ \t\u00a0]+(?=\S)/u;
/** A headline or subheading is this short at most. */
const MAX_HEADLINE_WORDS = 30;

/**
 * A headline or subheading that gives a person's words after their name and a colon ("Vesk: No outside
 * influence on the inquiry", "Former Minister Ana Vesk: ‘We Will Not Sign’"): those words are the person's.
 * The name must end in a person the entities stage found, so labels ("Update:", "Analysis:", "Photo:") are not speakers.
 */
function headlineQuotes(ctx: Context): Draft[] {
  const out: Draft[] = [];
  for (const p of splitParagraphs(ctx.text)) {
    const line = ctx.text.slice(p.start, p.end);
    if (/\n/.test(line.trim()) || countWords(line) > MAX_HEADLINE_WORDS) continue;
    const m = NAMED_LINE.exec(line);
    if (!m) continue;
    const nameAt = p.start + m[0].indexOf(m[1]!);
    const name = { start: nameAt, end: nameAt + m[1]!.length };
    const person = ctx.entities.find((e) => e.type === 'PERSON' && e.start >= name.start && e.end === name.end);
    if (!person || insideMark(ctx, nameAt)) continue;
    const words = trimContent(ctx.text, p.start + m[0].length, p.end);
    if (countWords(ctx.text.slice(words.start, words.end)) < MIN_REPORTED_WORDS) continue;
    const whole = ctx.marks.some((k) => k.open <= words.start && k.close >= words.end - 1);
    out.push({ start: words.start, end: words.end, direct: whole, speaker: { span: name, core: { start: person.start, end: person.end } }, cue: { start: name.end, end: name.end + 1 }, headline: true });
  }
  return out;
}

/** A list item's marker at the start of a paragraph: an arrow, bullet, dash or number. */
const LIST_MARKER = /^[ \t]*(?:[→•●▪■◦‣*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*/u;
/** Verbs that introduce a list of points someone made ("named three results:", "listed the demands:"), beyond the cue verbs. */
const LIST_VERBS = /^(?:named|listed|outlined|identified|set|laid|gave|presented|summed|summarised|summarized)$/i;

/**
 * "X named three results of the meeting:" followed by list items ("→ in the coming days …"): each item
 * is X's reported statement, and words in marks inside it X's direct words, unless the item has a
 * cue of its own.
 */
function listedQuotes(ctx: Context): Draft[] {
  const out: Draft[] = [];
  const paras = splitParagraphs(ctx.text);
  for (let p = 0; p < paras.length - 1; p++) {
    const intro = ctx.text.slice(paras[p]!.start, paras[p]!.end).trimEnd();
    if (!intro.endsWith(':') || !LIST_MARKER.test(ctx.text.slice(paras[p + 1]!.start, paras[p + 1]!.end))) continue;
    const colon = paras[p]!.start + intro.length - 1;
    const si = sentenceOf(ctx, colon);
    const [first] = ctx.sentenceTokens[si]!;
    const last = firstStartingFrom(ctx.toks, colon) - 1;
    let found: Pick<Draft, 'speaker' | 'cue'> | null = null;
    for (let c = first; c <= last && !found; c++) {
      const w = ctx.toks[c]!.text;
      if (insideMark(ctx, ctx.toks[c]!.start) || !(isCueVerb(w) || LIST_VERBS.test(w)) || isNamePart(ctx, c, first)) continue;
      const sp = speakerOfCue(ctx, c, first);
      if (sp) found = { speaker: sp, cue: ctx.toks[c]! };
    }
    if (!found) continue;
    for (let q = p + 1; q < paras.length; q++) {
      const para = paras[q]!;
      const marker = LIST_MARKER.exec(ctx.text.slice(para.start, para.end));
      if (!marker) break;
      const item = trimContent(ctx.text, para.start + marker[0].length, para.end);
      const itemToks = ctx.toks.slice(firstStartingFrom(ctx.toks, item.start), firstStartingFrom(ctx.toks, item.end));
      if (itemToks.some((t) => isCueVerb(t.text) && !insideMark(ctx, t.start))) continue;
      if (countWords(outsideMarks(ctx, item)) >= MIN_REPORTED_WORDS) out.push({ ...item, direct: false, ...found });
      for (const m of ctx.marks) if (m.open >= item.start && m.close <= para.end) out.push({ start: m.start, end: m.end, direct: true, ...found });
    }
  }
  return out;
}

/** Quotes standing alone after an attributed one ("“…,” she said. “…”"): the same speaker. */
/** A label that introduces a quote on its own line ("Quote: “…”"). */
const QUOTE_LABEL = /^\s*(?:quote|quotation|citation)\s*:\s*$/i;

function continuationQuotes(ctx: Context, waiting: readonly MarkedSpan[], known: Draft[]): Draft[] {
  const out: Draft[] = [];
  const sorted = [...known].sort((a, b) => a.start - b.start);
  for (const m of waiting) {
    const s = sentenceOf(ctx, m.open);
    const sentence = ctx.sentences[s]!;
    // A quote that opens its sentence, or only a "Quote:" label before it (the layout of some outlets).
    const opensSentence = m.open <= sentence.start + 1 || QUOTE_LABEL.test(ctx.text.slice(sentence.start, m.open));
    if (!opensSentence || countWords(ctx.text.slice(m.start, m.end)) < MIN_CONTINUATION_WORDS) continue;
    const prev = [...sorted, ...out].filter((d) => d.end <= m.open && d.speaker).sort((a, b) => b.end - a.end)[0];
    if (!prev) continue;
    const between = ctx.text.slice(prev.end, m.open);
    // Within the paragraph or the next two: the convention for a speaker carried across paragraphs. Lines opened by a
    // label of the same layout ("Source: …", "Details: …") are its furniture, not paragraphs of another speaker.
    if ((between.match(/\n(?!\s*\p{Lu}\p{Ll}+:[ \t])\s*\S/gu) ?? []).length > 2) continue;
    // "“A,” Ana Oresk said. “B”": the second part of a quote split by its attribution is said through the same cue,
    // in the same paragraph or opening the next one (where a heading in marks, with no stop, is not a part).
    const nextParagraph = /\n\s*$/.test(between) && !/\n\s*\S/.test(between);
    const split = prev.direct && prev.cue && prev.cue.start >= prev.end && prev.cue.end <= m.open && (!/\n/.test(between) || (nextParagraph && !isHeadingInMarks(ctx, m)));
    out.push({ start: m.start, end: m.end, direct: true, speaker: prev.speaker, ...(split ? { cue: prev.cue } : {}) });
  }
  return out;
}

/** Words in marks alone on their line with no stop at their end: a heading, not a paragraph of speech. */
function isHeadingInMarks(ctx: Context, m: MarkedSpan): boolean {
  const lineEnd = ctx.text.indexOf('\n', m.close);
  const rest = ctx.text.slice(m.close, lineEnd < 0 ? ctx.text.length : lineEnd);
  return !/[.!?…]\s*$/.test(ctx.text.slice(m.start, m.end)) && !/[\p{L}\p{N}]/u.test(rest);
}

/** The words of a span, lower-cased and space-joined with a space at each end, for matching one quote inside another. */
const wordKey = (text: string, s: Span): string => ` ${(text.slice(s.start, s.end).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;

/**
 * A direct quote whose words recur inside a longer direct quote elsewhere in the article (a subheading
 * or summary line “Not on these terms” over “…, and not on these terms,” Ana Oresk said) is an echo
 * of that quote: when no cue of its own introduces it, it takes that quote's speaker.
 */
function withEchoedSpeakers(ctx: Context, drafts: Draft[]): Draft[] {
  const keys = drafts.map((d) => (d.direct ? wordKey(ctx.text, d) : ''));
  return drafts.map((d, i) => {
    // A quote with a cue whose subject can speak for no one ("the sharp response signals a readiness to “…”") echoes too.
    const unspoken = d.cue !== undefined && d.speaker !== undefined && classifySpeaker(ctx.text, d.speaker.core, ctx.entities.filter((m) => m.start < d.speaker!.core.end && d.speaker!.core.start < m.end)).kind === 'junk';
    if (!d.direct || (d.cue && !unspoken) || countWords(ctx.text.slice(d.start, d.end)) < (unspoken ? ECHO_MIN_WORDS : MIN_CONTINUATION_WORDS)) return d;
    const source = drafts.find((e, k) => k !== i && e.direct && e.speaker && keys[k]!.length > keys[i]!.length && keys[k]!.includes(keys[i]!));
    return source ? { ...d, speaker: source.speaker } : d;
  });
}

/**
 * Find direct quotes and reported speech in a text, with speaker and cue.
 * Independent of other layers; pass `sentences` and `entities` when you have them.
 *
 * @example
 * findQuotes('“We will not sign,” Lena Ortiz said.')
 * // → [{ start: 1, end: 17, direct: true, speakerSpan: {start: 19, end: 29}, cue: {start: 30, end: 34} }]
 */
export function findQuotes(text: string, options: FindQuotesOptions = {}): Quote[] {
  const sentences = options.sentences && options.sentences.length > 0 ? [...options.sentences].sort((a, b) => a.start - b.start) : splitSentences(text);
  const toks = tokenize(text);
  const sentenceTokens = sentences.map((s) => [firstStartingFrom(toks, s.start), firstStartingFrom(toks, s.end) - 1] as const);
  const entities = options.entities ? [...options.entities].sort((a, b) => a.start - b.start) : [];
  const syntax = options.syntax && options.tokens && options.syntax.length === options.tokens.length ? new SyntaxView(options.tokens, options.syntax) : undefined;
  const ctx: Context = { text, toks, sentences, sentenceTokens, marks: findMarkedSpans(text), entities, ...(syntax ? { syntax } : {}) };

  const turns = transcriptQuotes(ctx);
  // A transcript's turns name their speakers; quote marks around a turn do not make it someone else's quote.
  const inTurn = (d: Span): boolean => turns.some((t) => d.start < t.end && t.start < d.end);
  const marked = directQuotes(ctx);
  const direct = marked.found.filter((d) => !inTurn(d));
  const waiting = marked.waiting.filter((m) => !inTurn(m));
  // A cue that introduced a quote is spent, unless the quote is a few marked words inside the "that" clause it
  // governs ("arguing that the fares would stop the town being “sold short”"): the clause is then reported too.
  // So is a longer quote inside that clause, and inside a bare clause the parse gives the cue ("said Kell and Corvel had
  // been “in contact”"): the clause is reported when it says more outside the marks (the filter below).
  const partialInClause = (d: Draft): boolean => d.cue!.end < d.start && ((countWords(text.slice(d.start, d.end)) <= MAX_TERM_WORDS && /\bthat\b/i.test(text.slice(d.cue!.end, d.start))) || inParsedComplement(ctx, d));
  const dashed = [...dashAttributedQuotes(ctx), ...turns, ...headlineQuotes(ctx).filter((h) => !inTurn(h))];
  // The cue of a dash attribution ("… - Oresk said.") is spent on the paragraph it closes.
  const usedCues = new Set([...direct.filter((d) => d.cue && !partialInClause(d)), ...dashed].map((d) => d.cue!.start));
  // "what X says are …" reads its words better than the general reading of the same cue.
  const whatSays = whatSaysQuotes(ctx, usedCues);
  const byCue = [...reportedQuotes(ctx, usedCues), ...statementNounQuotes(ctx, usedCues), ...spokeOfQuotes(ctx, usedCues, [...direct, ...dashed])]
    .filter((r) => !whatSays.some((q) => r.cue && r.cue.start === q.cue!.start)).concat(whatSays);
  const reported = [...byCue, ...figureQuotes(ctx).filter((f) => !byCue.some((r) => r.cue && r.cue.start === f.cue!.start))].filter(
    // A reported clause that only wraps a direct quote already found is that quote; one that says more outside the marks is kept too.
    (r) => !direct.some((d) => Math.min(d.end, r.end) - Math.max(d.start, r.start) > 0.5 * (r.end - r.start) && !saysMoreOutsideMarks(ctx, r)),
  );
  const continued = continuationQuotes(ctx, waiting, [...direct, ...reported]);
  const weights = options.tagger === false ? null : shippedWeights();
  const tagged = (weights ? taggedQuotes(weights, ctx).map((t) => withCueSpeaker(ctx, t)) : []).filter(
    // Fragments and words inside marks the rules read as a term or title are not quotes.
    (t) => countWords(text.slice(t.start, t.end)) >= MIN_REPORTED_WORDS && !waiting.some((m) => Math.min(t.end, m.end) - Math.max(t.start, m.start) >= SAME_QUOTE_SHARE * (t.end - t.start)) && !isInvertedSpeaker(ctx, t),
  );
  // A rules quote that proves no statement gives way to the tagger's reading it took in ("issued a statement urging X
  // to …": not the statement, but what the urging asks).
  const screened = (d: Draft): Draft | null => {
    const a = withDocumentBeforeRelay(ctx, withoutPassiveSubject(ctx, withParsedSpeaker(ctx, d)));
    if (isQuestionPut(ctx, a) || inSayingIdiom(ctx, a) || inReducedRelative(ctx, a)) return null;
    const b = withoutLeadingPreposition(ctx, a);
    return isStatement(ctx, b) && !isWhereSaid(ctx, b) && (b.direct || b.speaker !== undefined) && !isAwayFromCue(ctx, b) && !hasNoSourceSubject(ctx, b) ? b : null;
  };
  const combined = combine({ text, rules: withListed([...direct, ...reported, ...continued, ...dashed], listedQuotes(ctx)), tagged, clauseSaysMore: (d) => saysMoreOutsideMarks(ctx, d) });
  const drafts = withEchoedSpeakers(ctx, combined.flatMap((d) => { const kept = screened(d) ?? (d.absorbed ? screened(d.absorbed) : null); return kept ? [kept] : []; }).map((d) => withIncludingTail(ctx, withoutTrailingAside(ctx, withConsequence(ctx, withSubjectBeforeAside(ctx, d))))).filter((d) => !isTopicOnly(ctx, d)).map((d) => (isAttributedAct(ctx, d) || inPrescription(ctx, d) ? { ...d, act: true } : d)).filter(notBeforeItsReport, ctx).map(withSpeakerGoingOn, ctx).sort((a, b) => a.start - b.start || b.end - a.end));
  // A speaker phrase of punctuation alone, or the bare word "According", names no one: the words stay, with no speaker.
  const names = (d: Draft): boolean => { const w = text.slice(d.speaker!.span.start, d.speaker!.span.end).trim(); return /[\p{L}\p{N}]/u.test(w) && !/^according$/i.test(w) && !isDateline(text, d.speaker!.span); };
  const named = drafts.map((d) => (d.speaker && !names(d) ? { ...d, speaker: undefined } : d));
  const kept = withoutSecondCues(named.filter((d) => (d.direct || d.speaker) && !isInfinitiveInsideReport(ctx, d, named) && !isRelayOfInner(ctx, d, named)));
  const quotedByCue = new Map<number, Draft[]>();
  for (const d of kept) if (d.direct && d.cue) quotedByCue.set(d.cue.start, [...(quotedByCue.get(d.cue.start) ?? []), d]);
  const described = describeSpeakers(text, kept.map((d) => asOneAttribution(d, quotedByCue)), { entities: options.entities, entityIndex: options.entityIndex, references: options.references, sentences, tokens: toks });
  return withoutNestedUnsourced(described);
}

/** A paragraph's dateline: place, date and agency before a dash ("WASHINGTON, Dec. 8 (UPI) —", "New York (AFP) –"). */
const DATELINE = new RegExp(
  String.raw`^[ \t]*(?:` +
    // "WASHINGTON —", "RENO, NEV. (AP) —", "WASHINGTON, Dec. 8 (UPI) —": a place in capitals
    String.raw`\p{Lu}{2}[\p{Lu}.'’-]*(?:[ ,]+\p{Lu}[\p{Lu}.'’-]*){0,3}|` +
    // "New York (AFP) –", "RENO, Nev. (AP) —": a place in ordinary case, with its agency
    String.raw`\p{Lu}[\p{L}.'’-]*(?:[ ,]+\p{Lu}[\p{L}.'’-]*){0,3}(?=[ ,]*(?:\p{Lu}[a-z]{2,4}\.?[ ]+\d{1,2}[ ,]*)?\()` +
  String.raw`)[ ,]*(?:\p{Lu}[a-z]{2,4}\.?[ ]+\d{1,2}[ ,]*)?(?:\([\p{L}. ]{2,20}\)[ ]*)?(?:[—―–]|-[ ])`,
  'u',
);

/**
 * The phrase lies in the dateline opening its paragraph: where the story was filed names no one who spoke
 * ("WASHINGTON ― After bragging for a year …").
 */
function isDateline(text: string, span: Span): boolean {
  const paragraph = text.lastIndexOf('\n', span.start - 1) + 1;
  const m = DATELINE.exec(text.slice(paragraph, paragraph + 80));
  return m !== null && span.end <= paragraph + m[0].length;
}

/** The words before an outlet a document reached: "a letter from the Legion obtained by " before "The Associated Press" ("seen by organizers as" names who sees). */
const RELAYED_DOCUMENT = /(?:^|[,;:]\s+|\n)([^,;:\n]{3,120}?)\s+(?:obtained|acquired)\s+by\s+$/u;

/**
 * "A Feb. 1 letter from the Legion obtained by The Associated Press warns": a speaker found after "obtained by" is the
 * outlet the document reached; the subject is the document, named from the start of its phrase.
 */
function withDocumentBeforeRelay(ctx: Context, d: Draft): Draft {
  if (!d.speaker) return d;
  const sentence = sentenceSpan(ctx, d.speaker.span.start);
  const m = RELAYED_DOCUMENT.exec(ctx.text.slice(sentence.start, d.speaker.span.start));
  if (!m) return d;
  const start = sentence.start + m.index + m[0].indexOf(m[1]!);
  return { ...d, speaker: { span: { start, end: d.speaker.span.end }, core: { start, end: start + m[1]!.length } } };
}

/** Distance from a record's words to its cue, in characters. */
const cueDistance = (d: Draft): number => (d.cue ? Math.max(d.cue.start - d.end, d.start - d.cue.end, 0) : Infinity);

/**
 * The same reported words with the same speaker read again at a second cue (a parse that chains a later verb,
 * "… after a storm slammed into …", to the speaker): one record, at the cue nearest the words.
 */
function withoutSecondCues(drafts: readonly Draft[]): Draft[] {
  const same = (a: Draft, b: Draft): boolean => !a.direct && !b.direct && a.start === b.start && a.end === b.end && a.speaker?.span.start === b.speaker?.span.start && a.speaker?.span.end === b.speaker?.span.end;
  return drafts.filter((d, i) => !drafts.some((o, k) => k !== i && same(d, o) && (cueDistance(o) < cueDistance(d) || (cueDistance(o) === cueDistance(d) && k < i))));
}

/**
 * "…, the ministry said A, the Daily Ledger reported.": an outlet's verb of saying after words that hold
 * another speaker's attribution is the relay of that statement, not a statement of the outlet's own.
 */
function isRelayOfInner(ctx: Context, d: Draft, all: readonly Draft[]): boolean {
  if (d.direct || !d.cue || d.cue.start < d.end || /^according\b/i.test(ctx.text.slice(d.cue.start, d.cue.end))) return false;
  if (d.speaker && !isPublisher(ctx, d.speaker.core)) return false; // "…, the source added": a person who tells it all
  return all.some((o) => o !== d && !o.direct && o.speaker !== undefined && o.cue !== undefined && o.cue.start >= d.start && o.end <= d.end && o.start > o.cue.end && o.speaker.span.start >= d.start);
}

/** A speaker that publishes rather than speaks: an outlet or organisation by name, a document, a collective ("state media"). */
function isPublisher(ctx: Context, core: Span): boolean {
  const mentions = ctx.entities.filter((m) => m.start < core.end && core.start < m.end);
  const kind = classifySpeaker(ctx.text, core, mentions);
  if (kind.kind === 'document' || kind.kind === 'collective') return true;
  return kind.kind === 'name' && mentions.length > 0 && mentions.every((m) => m.type !== 'PER');
}

/**
 * "He argued that the neighbours had reason to believe that A": a verb of saying in the infinitive inside
 * another speaker's reported words is part of what that speaker said, not a statement of its subject's.
 */
function isInfinitiveInsideReport(ctx: Context, d: Draft, all: readonly Draft[]): boolean {
  if (d.direct || !d.cue || !/\bto\s+$/i.test(ctx.text.slice(Math.max(0, d.cue.start - 4), d.cue.start))) return false;
  return all.some((o) => o !== d && !o.direct && o.speaker !== undefined && o.cue !== undefined && o.start <= d.cue!.start && o.end >= d.cue!.end);
}

/**
 * Reported words with no speaker inside another record's reported words ("…, emphasizing that A; therefore,
 * [the latter must act]" read again at a cue before it): a piece of that record, not a statement of its own.
 */
function withoutNestedUnsourced(quotes: readonly Quote[]): Quote[] {
  const sourced = quotes.filter((q) => !q.direct && (q.speaker || q.speakerText));
  return quotes.filter((q) => q.direct || q.speaker || q.speakerText || !sourced.some((o) => o !== q && o.start <= q.start && o.end >= q.end));
}

/** Connectives that carry reported reasoning on past a semicolon ("that A; therefore, B"). */
const CONSEQUENCE = /^;\s*(?:therefore|thus|hence|consequently|accordingly)\b,?\s*/i;

/**
 * Reported words that stop at a semicolon the speaker's reasoning goes on past ("emphasizing that the
 * stakes are high; therefore, the latter must act"): the conclusion is reported too, up to the sentence end.
 */
function withConsequence(ctx: Context, d: Draft): Draft {
  if (d.direct || !d.cue || d.cue.end > d.start) return d;
  const m = CONSEQUENCE.exec(ctx.text.slice(d.end, d.end + 40));
  if (!m) return d;
  const sent = ctx.sentences[sentenceOf(ctx, d.start)]!;
  const rest = trimContent(ctx.text, d.end + m[0].length, sent.end);
  if (rest.end <= rest.start || ctx.text.slice(rest.start, rest.end).includes(';') || insideMark(ctx, d.end)) return d;
  return { ...d, end: rest.end, ...(d.content && d.content.end === d.end ? { content: { start: d.content.start, end: rest.end } } : {}) };
}

/** List items' quotes replace what the other readers found on the same words (the list's introduction names the speaker). */
function withListed(rules: readonly Draft[], listed: readonly Draft[]): Draft[] {
  if (listed.length === 0) return [...rules];
  return [...rules.filter((r) => !listed.some((l) => l.direct === r.direct && sameQuote(l, r))), ...listed];
}

/**
 * A reported clause and a partial quote inside it under the same cue are one attribution as PolNeAR
 * delimits it: the clause's `content` is the quote's, so both records carry the same attribution.
 */
function asOneAttribution(d: Draft, quotedByCue: ReadonlyMap<number, readonly Draft[]>): Draft {
  if (d.direct || !d.cue) return d;
  const quoted = quotedByCue.get(d.cue.start)?.find((x) => x.start >= d.start && x.end <= d.end);
  return quoted ? { ...d, content: quoted.content ?? { start: quoted.start, end: quoted.end } } : d;
}

/** A source tag closing reported words (", according to …"). */
const TRAILING_ACCORDING = /,\s+according\s+to\s/i;
/** A source and its verb of saying closing the words (", the Daily Ledger reported"): the relay, not what was said. */
const TRAILING_REPORT = /,\s+(?:the\s+)?(?:[\p{L}’'.-]+\s+){0,7}?(\p{Ll}+)[.!]?\s*$/u;
/** "… would adopt countermeasures after President Ana Oresk imposed tariffs": a past event someone else did, the writer's time for the report. */
const AFTER_NAMED_EVENT = /\s(?:after|following)\s+(?:\p{Lu}[\p{L}.’'-]*\s+){1,4}\p{Ll}+ed\b/u;
/** Words of a statement about what will be done. */
const FUTURE_MODAL = /\b(?:would|will|could|might|shall)\b/i;
/** A concession the writer adds after what was reported (", though this has not yet led to results"). */
/** "…, which raises concerns that …", "…, which led to …": the writer's consequence of the reported clause, not the speaker's words. */
const WRITERS_CONSEQUENCE = /,\s+which\s+(?:\w+ly\s+)?(?:raises|raised|has raised|prompted|prompts|sparked|sparks|led|leads|has led|forced|forces|fuelled|fueled|fuels|triggered|triggers|comes|came)\b/i;
/** Words of the reported clause before such a consequence for it to stand as a report on its own. */
const MIN_CLAUSE_BEFORE_CONSEQUENCE = 6;
const CONCESSION = /,\s+(?:though|although|even\s+though)\s/i;
/** The writer's aside between dashes, opened by a participle ("… soybeans and pork—echoing an earlier dispute—plus …"). */
const DASH_ASIDE = /\s*[—–]\s*\p{Ll}+ing\b/u;
/** Another source's attribution tacked on with "with" (", with some arguing that …", ", with critics saying …"). */
const TACKED_ON_SOURCE = /,\s+with\s+(?:[\p{L}’'-]+\s+){1,3}?([\p{Ll}]+ing)\b/u;

/** Past forms of verbs of saying that can go on a speaker's sentence after "and" ("and added", "and said"). */
const SAYING_PAST = /^(?:\p{Ll}+ed|said|told|wrote|spoke)$/u;

/** A relative clause whose subject says something ("in which he announced"), or "and there are concerns that". */
const RELATIVE_ATTRIBUTION = /^\s+(?:(?:in\s+which|where|whereby)\s+(?:he|she|they|it|the\s+\p{Ll}+)\s+(?:also\s+)?(?:said|announced|stated|declared|claimed|warned|argued|added|called|urged|insisted|noted|wrote|told|confirmed|suggested|vowed|promised)\b|and\s+there\s+(?:is|are|was|were|have\s+been|has\s+been)\s+(?:growing\s+|mounting\s+|also\s+)?(?:concerns?|fears?|warnings?|claims?|reports?|speculation|suggestions?)\s+that\b)/iu;

/** Words between "and" and a cue verb that can be the subject of a new attribution ("and the report called", "and the spokesman, Ana Oresk, said"). */
const MAX_NEW_SUBJECT_TOKENS = 14;

/**
 * Where reported words give way to the next attribution of the sentence: ", saying …", ", adding that …"
 * (the speaker goes on with a statement of its own), ", and the report called on …" (another clause with
 * its own verb of saying). The offset in the draft's words, or undefined.
 */
function nextAttribution(ctx: Context, d: Draft): number | undefined {
  const { toks } = ctx;
  const last = firstStartingFrom(toks, d.end) - 1;
  for (let i = firstStartingFrom(toks, d.start) + 1; i <= last; i++) {
    // "said that A and mentioned B": the speaker's next act of saying, after a clause the cue governs.
    if (d.cue && d.cue.end <= d.start && /^and$/i.test(toks[i]!.text) && toks[i - 1]!.text !== ',' && SAYING_PAST.test(toks[i + 1]?.text ?? '') && isCueVerb(toks[i + 1]!.text) && !insideMark(ctx, toks[i]!.start)) return toks[i - 1]!.end - d.start;
    if (toks[i]!.text !== ',' || insideMark(ctx, toks[i]!.start)) continue;
    const next = toks[i + 1]?.text ?? '';
    if (/ing$/i.test(next) && isCueVerb(next) && !RELAY_CUES.test(next) && introducesWords(ctx, i + 1)) return toks[i]!.start - d.start;
    // ", in which he announced …", ", and there are concerns that …": another attribution opens after the comma.
    if (RELATIVE_ATTRIBUTION.test(ctx.text.slice(toks[i]!.end, toks[i]!.end + 80))) return toks[i]!.start - d.start;
    if (!/^(?:and|but)$/i.test(next)) continue;
    // The cue may follow the draft (after an appositive's comma), when the parse ended the reported words at the new subject.
    for (let k = i + 2; k <= Math.min(last + 2, toks.length - 1, i + 2 + MAX_NEW_SUBJECT_TOKENS); k++) {
      const w = toks[k]!.text;
      if (w === '.' || w === ';' || (isQuoteMark(w) && !isPluralPossessive(toks, k)) || w.toLowerCase() === 'that') break;
      // "and that of …", "and then" are no subject; a cue right after "and" has the same subject (kept as one clause).
      if (isCueVerb(w) && /(?:ed|s)$|^(?:said|told|wrote)$/i.test(w) && k > i + 2 && !isDeterminer(toks[k - 1]!.text) && !isPreposition(toks[k - 1]!.text)) return toks[i]!.start - d.start;
    }
  }
  return undefined;
}

/** The apostrophe of a plural possessive ("the workers' groups"), not a quote mark: right after a word ending in s. */
const isPluralPossessive = (toks: readonly Token[], k: number): boolean =>
  /^['’]$/.test(toks[k]!.text) && k > 0 && toks[k - 1]!.end === toks[k]!.start && /s$/i.test(toks[k - 1]!.text);

/**
 * A participle cue inside reported words that goes on with a statement of its own ("…, saying that …",
 * "…, emphasizing “…”", "…, saying the ports must …"), not one that only acts on someone ("issued
 * warnings, notifying the authorities"): it introduces a clause, a quote or "that".
 */
function introducesWords(ctx: Context, p: number): boolean {
  const after = ctx.toks[p + 1]?.text ?? '';
  if (/^(?:that|,|:)$/i.test(after) || isQuoteMark(after)) return true;
  if (!ctx.syntax) return false;
  const k = ctx.syntax.at(ctx.toks[p]!.start);
  return k >= 0 && ctx.syntax.complementOf(k) >= 0;
}

/** Conjunctions that open a sentence with a subordinate clause ("While X noted that …, he declined …"). */
const SUBORDINATE_OPENER = /^(?:while|although|though|whereas)$/i;

/**
 * "While rescue teams search for survivors, 900 people are missing, according to X": what X reports is the
 * main clause, not the writer's opening "While …" clause before it.
 */
function afterOpeningSubordinate(ctx: Context, content: Span): Span {
  const words = ctx.text.slice(content.start, content.end);
  const opener = /^\p{L}+/u.exec(words)?.[0] ?? '';
  const comma = words.indexOf(', ');
  if (!SUBORDINATE_OPENER.test(opener) || comma < 0) return content;
  const rest = trimContent(ctx.text, content.start + comma + 1, content.end);
  return countWords(ctx.text.slice(rest.start, rest.end)) >= MIN_REPORTED_WORDS ? rest : content;
}

/**
 * "While X noted that A, he declined to …": reported words inside an opening subordinate clause end at
 * the comma where the main clause starts with its pronoun subject. The offset in the draft's words, or undefined.
 */
function mainClauseAfterSubordinate(ctx: Context, d: Draft): number | undefined {
  const [first] = ctx.sentenceTokens[sentenceOf(ctx, d.start)]!;
  if (!SUBORDINATE_OPENER.test(ctx.toks[first]?.text ?? '') || !d.cue || d.cue.start < ctx.toks[first]!.start) return undefined;
  const m = /,\s+(?:he|she|they|we|it|I)\s+\p{Ll}/u.exec(ctx.text.slice(d.start, d.end));
  return m?.index ?? mainSubjectInside(ctx, d);
}

/** The offset in the draft's words of the comma before the main clause's subject, when the parse hangs the cue's clause on that main verb. */
function mainSubjectInside(ctx: Context, d: Draft): number | undefined {
  const view = ctx.syntax;
  const k = view && d.cue ? view.at(d.cue.start) : -1;
  if (!view || k < 0 || view.rel(k) !== 'advcl') return undefined;
  const subject = view.subjectOf(view.head(k));
  if (subject < 0) return undefined;
  const from = view.subtree(subject).start;
  const comma = ctx.text.lastIndexOf(',', from);
  return from > d.start && from < d.end && comma >= d.start && /^,\s*$/.test(ctx.text.slice(comma, from)) ? comma - d.start : undefined;
}

/** ", including …", ", such as …": members or parts named after a noun of the reported words, which go on over them. */
const INCLUDING_TAIL = /^,\s+(?:including|such\s+as|notably)\s/i;

/**
 * Reported words that stop where a parse hung ", including linking A to B" elsewhere ("… under political
 * conditions, including linking …"): the list of what the noun covers is part of what was said, up to
 * the next participle clause or the sentence end.
 */
function withIncludingTail(ctx: Context, d: Draft): Draft {
  if (d.direct || !INCLUDING_TAIL.test(ctx.text.slice(d.end, d.end + 20))) return d;
  const sent = ctx.sentences[sentenceOf(ctx, d.end)]!;
  const rest = ctx.text.slice(d.end + 1, sent.end);
  const stop = /,\s+\p{Ll}+ing\b/u.exec(rest);
  const end = trimContent(ctx.text, d.start, stop ? d.end + 1 + stop.index : sent.end).end;
  if (end <= d.end) return d;
  const content = d.content && d.content.end >= d.end ? d.content : undefined;
  return { ...d, end, ...(content ? { content: { start: content.start, end: Math.max(content.end, end) } } : {}) };
}

/**
 * Reported words end where the writer's concession or another source's attribution starts
 * ("expressed willingness to mediate, though this has not yet led to results"; "voiced doubts about
 * the talks, with some arguing that …"). The main span is cut there; the clause as first read stays
 * the `content` when none was set.
 */
function withoutTrailingAside(ctx: Context, d: Draft): Draft {
  if (d.direct) return d;
  const words = ctx.text.slice(d.start, d.end);
  const concession = CONCESSION.exec(words);
  const tacked = TACKED_ON_SOURCE.exec(words);
  // "…, according to this account": another attribution tag closing the sentence, not what the cue's speaker said.
  const according = d.cue && !/^according\b/i.test(ctx.text.slice(d.cue.start, d.cue.end)) ? TRAILING_ACCORDING.exec(words)?.index : undefined;
  const closing = TRAILING_REPORT.exec(words);
  const relayTag = d.cue && d.cue.end <= d.start && closing && SAYING_PAST.test(closing[1]!) && isCueVerb(closing[1]!) ? closing.index : undefined;
  const consequence = WRITERS_CONSEQUENCE.exec(words);
  const mainClause = mainClauseAfterSubordinate(ctx, d);
  // Only after words about what will be done ("it would adopt …"): "the talks collapsed after Oresk walked out" says why.
  const after = AFTER_NAMED_EVENT.exec(words);
  const afterEvent = after && FUTURE_MODAL.test(words.slice(0, after.index)) ? after.index : undefined;
  const cuts = [afterEvent, according, relayTag, concession?.index, consequence && countWords(words.slice(0, consequence.index)) >= MIN_CLAUSE_BEFORE_CONSEQUENCE ? consequence.index : undefined, tacked && isCueVerb(tacked[1]!) ? tacked.index : undefined, mainClause, DASH_ASIDE.exec(words)?.index, nextAttribution(ctx, d)].filter((x): x is number => x !== undefined && x > 0);
  if (cuts.length === 0) return d;
  const end = d.start + Math.min(...cuts);
  // "While the mayor rejected [the statements], the board affirmed …": a cue's object inside an opening
  // subordinate clause is an act attributed to its subject, not words running on into the main clause.
  if (mainClause !== undefined && d.start + mainClause === end && countWords(ctx.text.slice(d.start, end)) < MIN_REPORTED_WORDS) return { ...d, end, content: { start: d.start, end }, act: true };
  if (countWords(ctx.text.slice(d.start, end)) < MIN_REPORTED_WORDS || insideMark(ctx, end)) return d;
  // A content taken from the attribution that follows the cut ("A, and Y warned that [B]") is not this record's.
  const content = d.content && d.content.start >= end ? { start: d.start, end } : d.content ?? { start: d.start, end: d.end };
  return { ...d, end, content };
}

/**
 * A tagger attribution whose source the tagger left out: the speaker of its cue as the rules or
 * the parse read it ("he", "the ministry" before the cue), when the cue is a verb of saying.
 */
function withCueSpeaker(ctx: Context, t: Draft): Draft {
  if (t.speaker || !t.cue) return t;
  const c = firstStartingFrom(ctx.toks, t.cue.start);
  const tok = ctx.toks[c];
  if (!tok || !isCueVerb(tok.text) || insideMark(ctx, tok.start)) return t;
  const first = ctx.sentenceTokens[sentenceOf(ctx, tok.start)]![0];
  const sp = speakerOfCue(ctx, c, first);
  // The speaker stands outside what was said.
  return sp && (sp.span.end <= t.start || sp.span.start >= t.end) ? { ...t, speaker: sp } : t;
}

/**
 * The speaker of a quote is the subject (or passive agent) of its cue verb when the parse gives one,
 * whichever reader found the quote: the parse's phrase replaces the rules' or the tagger's guess.
 */
function withParsedSpeaker(ctx: Context, d: Draft): Draft {
  if (!ctx.syntax || !d.cue) return d;
  let c = firstStartingFrom(ctx.toks, d.cue.start);
  // A cue read with its auxiliaries ("have made it clear", "were also reported"): the verb after them has the subject.
  while (c + 1 < ctx.toks.length && ctx.toks[c + 1]!.end <= d.cue.end && isAuxiliary(ctx.toks[c]!.text)) c++;
  // "The dams are said to have released …": hearsay, its subject is what was said of, not a speaker.
  if (/^(?:is|are|was|were|be|been)$/i.test(ctx.toks[c - 1]?.text ?? '') && /^to$/i.test(ctx.toks[c + 1]?.text ?? '')) return d;
  const tok = ctx.toks[c];
  if (!tok || !isWord(tok.text) || insideMark(ctx, tok.start)) return d;
  // "…, the agency said, overshadowing hopes of …": a participle that is no verb of saying, after a comma, tells what
  // the event did; the subject the parse chains it to did not voice the hopes or fears it names.
  if (PARTICIPLE_OPENING.test(tok.text) && !isCueVerb(tok.text) && ctx.toks[c - 1]?.text === ',') return d;
  const [first, last] = ctx.sentenceTokens[sentenceOf(ctx, tok.start)]!;
  // "X reported, citing a source close to the talks, that …": the relayed source speaks, not the outlet.
  const parsed = tok.text.toLowerCase() === 'according' ? parsedAccordingTo(ctx, c) : citedSource(ctx, c, last, first) ?? speakerAfterWhat(ctx, c, first) ?? absoluteWithSpeaker(ctx, c, first) ?? parsedSpeaker(ctx, c);
  const sp = withNameBeforeParty(ctx, parsed && tok.text.toLowerCase() !== 'according' ? unlessNewSubject(ctx, c, first, parsed) : parsed);
  const content = d.content ?? d;
  // (Nor words inside quote marks: the parse may take a quoted subject for the cue's.)
  if (!sp || overlap(sp.span, content) > 0 || overlap(sp.span, d) > 0 || (d.speaker && insideMark(ctx, sp.span.start) && !insideMark(ctx, d.speaker.span.start))) return d;
  // "…,” Ana Oresk tells the Kelm Gazette.": the phrase right after a verb of telling is who was told, not who spoke.
  if (LISTENER_CUES.test(tok.text) && sp.span.start >= tok.end && d.speaker && d.speaker.span.end <= tok.start) return d;
  return { ...d, speaker: sp };
}

/** A passive verb of report with its auxiliaries ("were also reported", "is said", "was believed"), ending the text before the agent. */
const REPORT_PARTICIPLE = 'reported|said|believed|thought|understood|expected|estimated|feared|confirmed|known|presumed';
const PASSIVE_REPORT = new RegExp(String.raw`\b(?:is|are|was|were|be|been|being)(?:\s+(?:also|not|now|still|widely|initially|later|reportedly|already))*\s+(?:${REPORT_PARTICIPLE})$`, 'i');
/** The cue's words up to its participle of report ("were also reported" in "were also reported dead on"). */
const UP_TO_PARTICIPLE = new RegExp(String.raw`^[\p{L}\s]*?\b(?:${REPORT_PARTICIPLE})\b`, 'iu');

/**
 * "Some 700 people were reported dead in …": the subject of a passive verb of report is what was
 * reported, not who reported it; with no "by" agent the words have no speaker (and a reported record none).
 */
function withoutPassiveSubject(ctx: Context, d: Draft): Draft {
  if (d.direct || !d.cue || !d.speaker || d.speaker.span.end > d.cue.start) return d;
  // The passive verb is the cue, or opens it ("were also reported dead on"), auxiliaries before it or inside it.
  const from = Math.max(d.speaker.span.end, d.cue.start - 30);
  const verb = UP_TO_PARTICIPLE.exec(ctx.text.slice(d.cue.start, d.cue.end));
  const upTo = verb ? d.cue.start + verb[0].length : -1;
  if (upTo < 0 || !PASSIVE_REPORT.test(ctx.text.slice(from, upTo)) || /^\s+by\b/i.test(ctx.text.slice(upTo, upTo + 4)) || /^it$/i.test(ctx.text.slice(d.speaker.span.start, d.speaker.span.end))) return d;
  const { speaker: _dropped, ...rest } = d;
  return rest;
}

/**
 * "When asked what the agenda is, Oresk replied: …": the question is put to the speaker by someone
 * unnamed; it is no statement of the speaker's.
 */
function isQuestionPut(ctx: Context, d: Draft): boolean {
  if (d.direct || !d.cue || !/^asked$/i.test(ctx.text.slice(d.cue.start, d.cue.end).trim())) return false;
  return /\b(?:when|if|after|before|once|as)\s+$/i.test(ctx.text.slice(Math.max(0, d.cue.start - 8), d.cue.start));
}

/**
 * Reported words that stand apart from the words their cue governs: before a cue that opens a "that" clause
 * after it ("[in a statement to the agency], stating that …"), or after "according to X" with more than a
 * comma between ("according to official figures, but also [the spread of …]").
 */
/** Verbs of thinking and perceiving that address the reader when their subject is "you" ("you probably think …"). */
const READER_VERB = /^(?:think|know|knew|remember|feel|see|saw|seen|realize|realise|learn|learned|notice|find|found|imagine|plan|planning|want|need|should|may|might|will|would|can|could)$/i;
/** Entity types that can be a source (a person, a body, a place standing for its government). */
const SOURCE_ENTITY = /^(?:PERSON|PER|ORG|GPE|LOC|NORP|FAC)$/;
/** Quantifiers the parse may tag as adjectives that stand for people on their own ("many have voiced concerns"). */
const BARE_QUANTIFIER_WORD = /^(?:many|most|some|several|various|few|others|all|both|each|half|third|quarter|majority|minority)$/i;

/** The token of a preposition opening a speaker phrase (not "about" before a count: "About 4 in 10 voters"), else -1. */
function leadingPreposition(ctx: Context, sp: SpeakerFound): number {
  let at = firstStartingFrom(ctx.toks, Math.min(sp.core.start, sp.span.start));
  // ("Tuesday after CNBC reported that …": a day or month before the preposition says when, too.)
  if (isCalendarWord(ctx.toks[at]?.text ?? '') && isPreposition(ctx.toks[at + 1]?.text ?? '') && ctx.toks[at + 1]!.end < sp.span.end) at++;
  const opening = ctx.toks[at];
  if (!opening || !isPreposition(opening.text)) return -1;
  const count = /^(?:about|around|over|under)$/i.test(opening.text) && /^(?:\d|a$|an$|one|two|three|four|five|six|seven|eight|nine|ten|half|third|quarter|dozen|hundred|thousand)/i.test(ctx.toks[at + 1]?.text ?? '');
  return count ? -1 : at;
}

/**
 * A speaker phrase that took the preposition before it ("after BuzzFeed reported that …", "with some polls
 * indicating …"): the source is what follows the preposition, when that can speak; otherwise it stays as it is.
 */
function withoutLeadingPreposition(ctx: Context, d: Draft): Draft {
  if (d.direct || !d.speaker) return d;
  const at = leadingPreposition(ctx, d.speaker);
  const next = ctx.toks[at + 1];
  if (at < 0 || !next || next.start >= d.speaker.span.end) return d;
  const span = { start: next.start, end: d.speaker.span.end };
  const core = { start: Math.max(next.start, d.speaker.core.start), end: d.speaker.core.end };
  const kind = classifySpeaker(ctx.text, core, ctx.entities.filter((m) => m.start < core.end && core.start < m.end)).kind;
  // ("In 2003, authorities …": a phrase set off by a comma is an adverbial the speaker phrase should not have taken.)
  return kind === 'junk' || /,/.test(ctx.text.slice(span.start, span.end)) ? d : { ...d, speaker: { ...d.speaker, span, core } };
}

/**
 * Reported words whose subject can be no source: the reader addressed ("you probably think", "you know"), a
 * phrase that opens with a preposition ("In 2003, concealing …"), or a lone adjective the parse reads before a
 * noun taken for the cue ("Current fears about …", "parliamentary reports calling for …").
 */
function hasNoSourceSubject(ctx: Context, d: Draft): boolean {
  if (d.direct || !d.speaker) return false;
  const core = d.speaker.core;
  const toks = ctx.toks.slice(firstStartingFrom(ctx.toks, core.start), firstStartingFrom(ctx.toks, core.end)).filter((t) => isWord(t.text));
  // (A phrase of punctuation alone loses its speaker where findQuotes ends, for every record.)
  if (toks.length === 0) return false;
  // (A moderator's "You said that …" puts words to someone; "you probably think …" addresses the reader.)
  if (toks.length === 1 && /^you$/i.test(toks[0]!.text)) return d.cue !== undefined && READER_VERB.test(ctx.text.slice(d.cue.start, d.cue.end).split(/\s/)[0]!);
  // (A phrase still opening with a preposition is one whose words after it name no source: see withoutLeadingPreposition.)
  if (leadingPreposition(ctx, d.speaker) >= 0) return true;
  // A lone article ("the … is predicted to"), never a speaker.
  if (/^(?:the|a|an)$/i.test(ctx.text.slice(d.speaker.span.start, d.speaker.span.end).trim())) return true;
  const named = ctx.entities.some((m) => m.start < core.end && core.start < m.end && SOURCE_ENTITY.test(m.type));
  const view = ctx.syntax;
  if (!view || toks.length > 1 || named || BARE_QUANTIFIER_WORD.test(toks[0]!.text) || canHeadSpeaker(toks[0]!.text)) return false;
  // An adjective before a noun the cue words were taken from ("Current fears about …", "parliamentary reports calling …");
  // a name the entities stage missed stands before a verb ("Cuban said …").
  const k = view.at(toks[0]!.start);
  const cue = d.cue ? view.at(d.cue.start) : -1;
  return k >= 0 && cue === k + 1 && view.upos(k) === 'ADJ' && view.upos(cue) === 'NOUN';
}

function isAwayFromCue(ctx: Context, d: Draft): boolean {
  if (d.direct || !d.cue) return false;
  // ("…, the minister said that evening." is no clause after the cue: "that" is a determiner there.)
  if (d.end <= d.cue.start) return /^\s*that\b(?!\s+(?:day|evening|morning|afternoon|night|week|weekend|month|year|time)\b)/i.test(ctx.text.slice(d.cue.end, d.cue.end + 30));
  if (!/^according\b/i.test(ctx.text.slice(d.cue.start, d.cue.end)) || !d.speaker || d.start < d.speaker.span.end) return false;
  return !/^[\s,:]*$/.test(ctx.text.slice(d.speaker.span.end, d.start));
}

/**
 * "The talks, the minister said, would resume": an attribution set between commas inside the sentence it
 * reports; the words before it (the reported clause's subject) are reported too, so the record runs from the
 * sentence start over the aside.
 */
function withSubjectBeforeAside(ctx: Context, d: Draft): Draft {
  if (d.direct || !d.cue || !d.speaker || d.start < d.cue.end || d.speaker.span.end > d.cue.start) return d;
  // The cue may keep an adjunct of its own before the comma ("Ana Oresk explained earlier in the hearing, …").
  if (!/^[^,.;:"“”\n]{0,40},\s*$/.test(ctx.text.slice(d.cue.end, d.start))) return d;
  const sent = sentenceSpan(ctx, d.cue.start);
  const head = /^(.+?),\s*$/su.exec(ctx.text.slice(sent.start, d.speaker.span.start));
  if (!head || /["“”]|\n/.test(head[1]!) || countWords(head[1]!) < 2) return d;
  // Only a subject: no verb of saying or clause of its own before the aside ("Asked about it, X said, …" is no subject).
  const before = ctx.toks.slice(firstStartingFrom(ctx.toks, sent.start), firstStartingFrom(ctx.toks, d.speaker.span.start));
  if (before.some((t) => isCueVerb(t.text)) || /(?:ed|ing)$/i.test(before[0]?.text ?? '') || /,/.test(head[1]!)) return d;
  const start = trimContent(ctx.text, sent.start, d.end).start;
  return { ...d, start, content: { start, end: (d.content ?? d).end } };
}

/** Modals that prescribe rather than report ("they must approach …"). */
const PRESCRIBING = /^(?:must|should|ought)$/i;

/**
 * "If X seek talks, they must approach Y with respect, acknowledging its role": a participle of saying on a
 * verb the writer prescribes says what X should acknowledge, not what anyone said (kept as an act in the
 * attribution layer, as PolNeAR marks it; no quote).
 */
function inPrescription(ctx: Context, d: Draft): boolean {
  if (d.direct || !d.cue || !ctx.syntax) return false;
  const c = firstStartingFrom(ctx.toks, d.cue.start);
  if (!/ing$/i.test(ctx.toks[c]!.text) || ctx.toks[c - 1]?.text !== ',') return false;
  const view = ctx.syntax;
  const k = view.at(d.cue.start);
  const host = k < 0 || view.rel(k) !== 'advcl' ? -1 : view.head(k);
  if (host < 0) return false;
  return view.childrenOf(host).some((x) => /^aux/.test(view.rel(x)) && PRESCRIBING.test(view.word(ctx.text, x)));
}

/** A subject noun phrase opening its sentence and closed by a comma ("The chief findings of the survey, "). */
const SUBJECT_THEN_COMMA = /^(?:the|a|an|this|these|those|its|their|his|her)\s[^,;:.!?"“”]{1,80},\s*$/i;

/**
 * "The main results, announced by Ana Oresk, include three points", "The latest rise, announced on Tuesday,
 * includes …": a participle of saying that only modifies the subject reports nothing of what the sentence goes on to say.
 */
function inReducedRelative(ctx: Context, d: Draft): boolean {
  if (d.direct || !d.cue || d.start < d.cue.end) return false;
  if (!/ed$/i.test(ctx.text.slice(d.cue.start, d.cue.end))) return false;
  const sent = sentenceSpan(ctx, d.cue.start);
  return SUBJECT_THEN_COMMA.test(ctx.text.slice(sent.start, d.cue.start)) && !/^\s*that\b/i.test(ctx.text.slice(d.cue.end, d.cue.end + 8));
}

/** Set phrases built on a verb of saying that report nothing ("Having said that,", "needless to say", "so to speak"), and the writer's "it seems". */
const SAYING_IDIOM = /\b(?:it\s+(?:seems|seemed|appears|appeared)|having\s+said\s+that|that\s+said|needless\s+to\s+say|so\s+to\s+speak|suffice\s+(?:it\s+)?to\s+say|to\s+say\s+(?:nothing\s+of|the\s+least)|that\s+is\s+to\s+say|goes\s+without\s+saying|truth\s+be\s+told|all\s+told)\b/gi;

function inSayingIdiom(ctx: Context, d: Draft): boolean {
  if (d.direct || !d.cue) return false;
  const from = Math.max(0, d.cue.start - 24);
  for (const m of ctx.text.slice(from, d.cue.end + 24).matchAll(SAYING_IDIOM)) {
    const at = from + m.index;
    if (at <= d.cue.start && at + m[0].length >= d.cue.end) return true;
  }
  return false;
}

/**
 * "Ana Oresk said that the dam would hold and mentioned the floods of 1998": a cue right after "and" that
 * closes another record's reported words goes on with that record's speaker, whatever subject a parse
 * found inside the reported clause.
 */
function withSpeakerGoingOn(this: Context, d: Draft, _i: number, all: readonly Draft[]): Draft {
  if (!d.cue || d.direct) return d;
  const cue = d.cue;
  // ", noting that …" right after words another participle reported (", indicating that A, noting that B") goes on too.
  const participle = /ing$/i.test(this.text.slice(cue.start, cue.end).split(/\s/)[0]!);
  const goesOn = (o: Draft): boolean => {
    const gap = this.text.slice(o.end, cue.start);
    return /^\s+and\s+$/i.test(gap) || (participle && /^\s*,\s*$/.test(gap) && /ing$/i.test(this.text.slice(o.cue!.start, o.cue!.end)));
  };
  const before = all.find((o) => o !== d && !o.direct && o.speaker && o.cue && o.cue.end <= o.start && o.end <= cue.start && goesOn(o));
  return before ? { ...d, speaker: before.speaker } : d;
}

/**
 * "In a statement issued on Monday, Ana Oresk said the plan had failed": the words before a cue are no
 * report of it when the same cue reports words after it (the fronted phrase says where or when it was said).
 */
function notBeforeItsReport(this: Context, d: Draft, _i: number, all: readonly Draft[]): boolean {
  if (d.direct || !d.cue || d.end > d.cue.start) return true;
  const cue = d.cue;
  return !all.some((o) => o !== d && !o.direct && o.cue?.start === cue.start && o.start >= cue.end && /^\s*(?:that\s+)?$/i.test(this.text.slice(cue.end, o.start)));
}

/**
 * Reported speech has someone reporting it (a reported record with no source phrase at all is the
 * writer's own voice) and states something: its words hold a clause. A reported "quote" that is a noun
 * phrase ("unveiled a sweeping new policy", "dubbed the moment …") is what someone did, not what
 * they said. Words in quote marks are quotes whatever their form.
 */
/** Reported words that are only a pronoun pointing back, with the circumstances of saying it. */
const BACK_POINTER = /^(?:this|that|these|those|it|so)(?:\s*[,.;:]?\s*$|\s+(?:in|to|during|at|on|with|via|through|when|while|after|before|from|as|again|too|also|publicly|clearly|repeatedly|earlier|later|today|yesterday)\b)/i;

function isStatement(ctx: Context, d: Draft): boolean {
  if (!ctx.syntax || d.direct || d.headline) return true;
  // The words the record shows (its main span), not the wider PolNeAR content, must be the statement.
  if (ctx.syntax.holdsClause(d)) return true;
  // "according to X, …" and a verb whose object is what was said ("stressed the need for talks") report words in any form.
  if (!d.cue) return false;
  const view = ctx.syntax;
  const words = ctx.toks.slice(firstStartingFrom(ctx.toks, d.cue.start), firstStartingFrom(ctx.toks, d.cue.end));
  if (/^according$/i.test(words[0]?.text ?? '')) return true;
  if (isFigureGiven(ctx, d)) return true;
  // "what X says are unfair fees": the noun phrase after the cue is X's words for the thing.
  if (WHAT_CUE.test(words[0]?.text ?? '') && d.speaker && /\bwhat\s+$/i.test(ctx.text.slice(Math.max(0, d.speaker.span.start - 8), d.speaker.span.start))
    && /^\s+$/.test(ctx.text.slice(d.speaker.span.end, d.cue.start)) && /^\s+(?:(?:as|is|are|was|were|to\s+be)\s+)?$/i.test(ctx.text.slice(d.cue.end, d.start))) return true;
  // "spoke of a new era": the noun phrase after "of"/"about" is what was said.
  if (SPEAK_OF_VERB.test(words[0]?.text ?? '') && /\b(?:of|about)\s*$/i.test(ctx.text.slice(d.cue.end, d.start))) return true;
  // "citing Y", "quoting Y" where Y can speak (a name, a body, a role, a document): Y is a source, not what it said ("citing concerns" is said).
  if (RELAY_CUES.test(words[0]?.text ?? '') && /^(?:name|collective|role|document)$/.test(classifySpeaker(ctx.text, d, ctx.entities.filter((m) => m.start < d.end && d.start < m.end)).kind)) return false;
  // The phrase must be that verb's own object or complement ("have called for …"), not words the cue happens to sit near.
  return words.some((w) => objectIsSaid(w.text) && view.governedBy(d, view.at(w.start)));
}

/**
 * An act attributed to someone rather than a statement: reported words that are only the noun-phrase
 * object of their cue verb ("announced sweeping tariffs", "signed a memorandum that …", "ordered an
 * inquiry"), with no clause of their own as the verb's complement. What was said has a clause (a
 * "that" clause, a reported proposition) or quote marks; "according to X, …" reports words in any form.
 */
const ANNOUNCES_ACT = /^(?:announc|declar)/i;

function isAttributedAct(ctx: Context, d: Draft): boolean {
  if (d.direct) return false;
  // "X expressed this in a statement to the agency": the record points back at words said elsewhere; it shows
  // that X said something (an attribution, as PolNeAR marks it), not what, so it is no quote of its own.
  if (BACK_POINTER.test(ctx.text.slice(d.start, d.end))) return true;
  if (!ctx.syntax || !d.cue) return false;
  const view = ctx.syntax;
  const c = firstStartingFrom(ctx.toks, d.cue.start);
  const cueTok = ctx.toks[c];
  if (!cueTok || /^according$/i.test(cueTok.text) || RELAY_CUES.test(cueTok.text) || isFigureGiven(ctx, d)) return false;
  // Items of a list a cue introduces ("named three results:" then "→ …") are what was said, whatever their form.
  if (d.cue.end <= d.start && /[:\n]/.test(ctx.text.slice(d.cue.end, d.start))) return false;
  // "X seeks to mount pressure on Y": an aim, an act attributed to X, not words X said.
  if (INTENTION.test(cueTok.text) && /^\s*to\s/i.test(ctx.text.slice(d.cue.end, d.cue.end + 4))) return true;
  const top = view.topWord(d);
  if (top < 0) return false;
  // Cue words that only qualify the verb of reported words with no subject of their own ("he did not immediately
  // [outline the scope]"): the record is what someone did, unless that verb is itself one of saying.
  const cueWords = ctx.toks.slice(c, firstStartingFrom(ctx.toks, d.cue.end)).map((t) => view.at(t.start)).filter((i) => i >= 0);
  const inside = (i: number): boolean => i >= 0 && view.tokens[i]!.start >= d.start && view.tokens[i]!.end <= d.end;
  const ownSubject = view.childrenOf(top).some((i) => /^(?:nsubj|nsubj:pass|expl)$/.test(view.rel(i)) && inside(i));
  if (!ownSubject && cueWords.length > 0 && cueWords.every((i) => inside(view.head(i))) && view.upos(top) === 'VERB' && !isCueVerb(view.word(ctx.text, top))) return true;
  if (view.holdsOwnClause(d)) return false;
  if (!/^(?:obj|iobj)$/.test(view.rel(top)) || !/^(?:NOUN|PROPN|PRON|NUM)$/.test(view.upos(top)) || /^(?:what|how|why|whether|if|that)$/i.test(view.word(ctx.text, top))) return false;
  // A verb whose object is itself what was said ("stressed the need for talks", "expressed doubts") reports speech;
  // announcing or declaring a thing ("announced new tariffs", "declared a day of mourning") is an act.
  const verb = view.word(ctx.text, view.head(top));
  return !objectIsSaid(verb) || ANNOUNCES_ACT.test(verb);
}

/**
 * "emphasized in his article in the newspaper …", "said during an interview", "confirmed it in [a] statement to the
 * Ledger": words the cue reaches through "in",
 * "during", "at", "through" or "via" and that hold no clause name where or how something was said, not what.
 * (A direct quote is preceded by its mark, so only a record running over words outside marks can match.)
 */
function isWhereSaid(ctx: Context, d: Draft): boolean {
  if (!ctx.syntax || !d.cue || d.cue.start > d.start || !/\b(?:in|during|at|through|via)\s+(?:(?:a|an|the|his|her|its|their|this|that)\s+)?$/i.test(ctx.text.slice(d.cue.start, d.start))) return false;
  return !ctx.syntax.holdsClause(d);
}

/** Verbs of aiming or trying: with "to" and a verb they attribute an aim, not speech. */
const INTENTION = /^(?:seek|seeks|sought|seeking|try|tries|tried|trying|aim|aims|aimed|aiming|intend|intends|intended|intending|attempt|attempts|attempted|strive|strives|strove)$/i;

/**
 * "Officials warned the public about the coming storm": reported words that only name the topic
 * (a phrase opened by "about", "regarding", "concerning", no clause in it) say nothing that was said.
 * A question's topic ("asked about the candidates") is what was asked, and stays.
 */
function isTopicOnly(ctx: Context, d: Draft): boolean {
  if (d.direct || !ctx.syntax || !d.cue) return false;
  if (!/^(?:about|regarding|concerning)\s/i.test(ctx.text.slice(d.start, d.end)) || ctx.syntax.holdsClause(d)) return false;
  return !/^ask/i.test(ctx.text.slice(d.cue.start, d.cue.end));
}

/** Options of {@link findQuotes}. */
export interface FindQuotesOptions {
  /** Sentence spans from an earlier stage (else a light splitter runs). */
  readonly sentences?: readonly Span[];
  /** Entity mentions from an earlier stage, to resolve speakers to entity ids. */
  readonly entities?: readonly EntityMentionLike[];
  /** The article's entities (types, titles), to resolve a role ("the minister") to the person given that title. */
  readonly entityIndex?: readonly ArticleEntityLike[];
  /** Pronouns, roles and capitals resolved by the references stage, when it ran. */
  readonly references?: readonly ReferenceLike[];
  /** The tokens layer and its dependency parse (index-aligned), when the syntax stage ran: speakers are then subjects of their cues. */
  readonly tokens?: readonly Span[];
  readonly syntax?: readonly DependencyLike[];
  /** Set false to use the rules alone, without the trained tagger (models/quote-tagger.json). */
  readonly tagger?: boolean;
}

/** Share of the shorter of two contents their overlap must cover for them to be the same quote. */
const SAME_QUOTE_SHARE = 0.5;

function sameQuote(a: Span, b: Span): boolean {
  const common = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return common > 0 && common >= SAME_QUOTE_SHARE * Math.min(a.end - a.start, b.end - b.start);
}

const overlap = (a: Span, b: Span): number => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/** A rules quote and a tagger attribution are the same one: they overlap and share the cue, or mostly cover each other. */
function agree(rule: Draft, tagged: Draft): boolean {
  if (overlap(rule, tagged) <= 0) return false;
  if (rule.cue && tagged.cue && overlap(rule.cue, tagged.cue) > 0) return true;
  return sameQuote(rule, tagged);
}

/**
 * Merge the rules' quotes with the tagger's. The rules' spans are the main
 * spans (the product's conventions: marked words only, no "that"); a rules
 * quote takes the tagger's span of the same attribution as its `content` (a
 * mixed quote's whole clause, a reported clause trimmed as PolNeAR trims it);
 * a tagger attribution no rules quote agrees with becomes a quote of its own,
 * so one sentence can hold several.
 */
/** Words that open with a present participle ("expressing satisfaction with …"). */
const PARTICIPLE_OPENING = /^\p{Ll}+ing\b/u;

function combine(parts: { text: string; rules: readonly Draft[]; tagged: readonly Draft[]; clauseSaysMore: (d: Draft) => boolean }): Draft[] {
  const { rules, tagged } = parts;
  const used = new Set<number>();
  // Both tests need an overlap: each side looks only at the other side's quotes that overlap it.
  const taggedIndex = new SpanIndex(tagged.map((t, k) => ({ start: t.start, end: t.end, k })));
  const rulesIndex = new SpanIndex(rules);
  // Words in marks read from a clause's cue inside the reported clause the tagger read: the clause stays a record too.
  const partOfClause = (r: Draft, t: Draft): boolean => r.termInClause === true && !t.direct && t.start <= r.start && t.end >= r.end && parts.clauseSaysMore(t);
  const out = rules.map((r): Draft => {
    let best = -1;
    for (const k of taggedIndex.overlapping(r).map((c) => c.k).sort((a, b) => a - b)) {
      if (agree(r, tagged[k]!) && (best < 0 || overlap(r, tagged[k]!) > overlap(r, tagged[best]!))) best = k;
    }
    if (best < 0) return r;
    const t = tagged[best]!;
    if (!partOfClause(r, t)) used.add(best);
    // The tagger reads a sentence at a time: words in marks that run on past its sentence are the speaker's to their end.
    const inside = r.direct && t.start >= r.start && t.end <= r.end;
    return (t.start === r.start && t.end === r.end) || inside ? { ...r, absorbed: t } : { ...r, content: { start: t.start, end: t.end }, absorbed: t };
  });
  // A cue the rules read reported words elsewhere for ("This was stated by X, expressing satisfaction …": the
  // sentence before): a participle phrase the tagger gives that cue is what the speaker did, not a second statement.
  const cueSpentElsewhere = (t: Draft): boolean => !t.direct && t.cue !== undefined && PARTICIPLE_OPENING.test(parts.text.slice(t.start, t.end))
    && rules.some((r) => !r.direct && r.cue?.start === t.cue!.start && (r.end <= t.start || r.start >= t.end));
  tagged.forEach((t, k) => {
    if (!used.has(k) && !cueSpentElsewhere(t) && !rulesIndex.overlapping(t).some((r) => sameQuote(r, t) && !partOfClause(r, t))) out.push(t);
  });
  return out;
}

export type { Draft };
