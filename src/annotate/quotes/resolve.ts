import { firstStartingFrom, type Span } from '../../core/index.js';
import { spanIndexAt, tokenize, type Token } from './segment.js';
import { isAuxiliary, isCalendarWord, isCapitalised, isClauseWord, isCueVerb, isDeterminer, isPreposition, isPronoun, isSourceHead } from './lexicon.js';
import { widenOverPreposition, type SpeakerFound } from './speaker.js';
import { withoutAsides } from './speaker-asides.js';
import { canHeadSpeaker, classifySpeaker, isRelationalRole, isRoleNoun, roleGender, type SpeakerPhrase } from './speaker-kind.js';
import { entityGenders, pronounGender, type Gender } from './gender.js';
import { isWritersImpersonalRemark } from './writer-voice.js';
import { sidesNamedBefore } from './meeting-sides.js';
import type { EntityMentionLike, Quote, ReferenceLike } from './types.js';
import { demonymOfCountry } from '../entities/countries.js';
import { officeOf, roleClass } from '../reference/lexicon.js';

interface DraftLike extends Span {
  readonly direct: boolean;
  readonly speaker?: SpeakerFound;
  readonly cue?: Span;
  readonly content?: Span;
  readonly act?: boolean;
}

/** How far back a pronoun or role looks for what it refers to, in characters (about two paragraphs). */
const MAX_ANTECEDENT_DISTANCE = 1500;
/** How far ahead a role in a lead sentence may find its holder ("…, the mayor said." before "Mayor X said …"). */
const MAX_CATAPHOR_DISTANCE = 600;

/** Cues of an attitude or a decision rather than of speech ("believes", "has refused", "seems"): the last word of the cue. */
const ATTITUDE_CUE = /\b(?:believ|think|thought|refus|want|hop|fear|see|saw|view|consider|feel|felt|know|knew|seem|appear|intend|plan|seek|sought|wish|expect)\w*$/i;

/**
 * Cues of conjecture or explanation rather than of speech ("seems", "explains", "hoping", "citing"):
 * with a subject that can speak for no one ("the situation seems", "several factors explain",
 * "tensions continue, hoping") the clause is the writer's own reasoning. The last word of the cue.
 * A document or body that shows or suggests ("the poll shows that …", "the study suggests …") is no such subject: it stays.
 */
const CONJECTURE_CUE = /\b(?:seem|appear|explain|hop|cit|suggest|indicat|show|reveal)\w*$/i;
/** Attitudes a state is given in the writer's words ("Veskaria believes that …"), never a statement it made. */
const STATE_ATTITUDE_CUE = /\b(?:believ|think|thought|seem|appear|feel|felt|hop|wish|fear|refus)\w*$/i;

/** How many sentences back a definite role with no title holder looks for the person it stands for. */
const ROLE_SENTENCES = 2;

const PERSON_PRONOUNS = /^(?:he|she|i)$/i;
const THING_PRONOUNS = /^it$/i;
/** "they": a group that speaks as one (an organisation, officials, researchers), never one person or a country. */
const PLURAL_PRONOUNS = /^they$/i;
/** "I", "we" outside quote marks: the writer (or the outlet) speaking, never someone the article names. */
const FIRST_PERSON = /^(?:i|we)$/i;

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** A resolved speaker: an entity id, or a text for one the article does not name as an entity. */
interface Resolved {
  readonly entity?: string;
  readonly text?: string;
  /** 'person' or 'group' (organisations, states, collectives), for pronoun agreement; undefined when unknown. */
  readonly sort?: 'person' | 'group';
}

/** What the resolver knows about the article. */
interface Discourse {
  readonly text: string;
  readonly mentions: readonly EntityMentionLike[];
  readonly references: readonly ReferenceLike[];
  readonly sentences: readonly Span[];
  readonly quoted: readonly Span[];
  readonly genders: ReadonlyMap<string, Gender>;
  readonly types: ReadonlyMap<string, string>;
  readonly titles: ReadonlyMap<string, readonly string[]>;
  /** Capitals to the entity of the country they stand for (entityIndex `standsFor`). */
  readonly standsFor: ReadonlyMap<string, string>;
  readonly tokens?: readonly Token[];
  /** Speakers already resolved, in text order of their phrases: the most salient referents of what follows. */
  readonly speakers: Array<{ core: Span; resolved: Resolved }>;
}

const isPossessive = (text: string, m: Span): boolean => /^[’']s?\b/.test(text.slice(m.end, m.end + 2)) || /[’']s?$/.test(text.slice(m.start, m.end));
const inQuote = (d: Discourse, s: Span): boolean => d.quoted.some((q) => s.start >= q.start && s.end <= q.end);

function sortOfType(type: string | undefined): Resolved['sort'] {
  return type === 'PERSON' ? 'person' : type ? 'group' : undefined;
}

/** A mention followed by a cue verb, perhaps after an auxiliary ("Ana Oresk told", "Ana Oresk has said"): the subject of that cue. */
function isCueSubject(text: string, m: Span): boolean {
  const next = /^\s+([\p{L}’']+)(?:\s+([\p{L}’']+))?/u.exec(text.slice(m.end, m.end + 40));
  if (!next) return false;
  return isCueVerb(next[1]!) || (isAuxiliary(next[1]!) && next[2] !== undefined && isCueVerb(next[2]));
}

/**
 * The antecedent of a pronoun, by salience: in its own sentence, the first fitting entity named
 * before it that is not a possessive; else, sentence by sentence backwards, the speaker of a quote
 * there (named or described), then a fitting entity that is the subject of a cue verb there, then the
 * first fitting entity named (the subject, as a rule), then a possessive. Persons whose gender the text shows otherwise than the pronoun's are skipped.
 */
function antecedent(pronoun: string, at: number, d: Discourse, maxSentences = Infinity): Resolved | undefined {
  const sorts: ReadonlyArray<Resolved['sort']> = PERSON_PRONOUNS.test(pronoun) ? ['person'] : THING_PRONOUNS.test(pronoun) || PLURAL_PRONOUNS.test(pronoun) ? ['group'] : ['person', 'group'];
  const gender = pronounGender(pronoun);
  const plural = PLURAL_PRONOUNS.test(pronoun);
  // "they" stands for a body or a group of people, not for a state or a place ("the U.S.", "Kell").
  // "it" says nothing as a place ("Coral Springs"); a state or a body can.
  const typeFits = (type: string | undefined): boolean => sorts.includes(sortOfType(type)) && !(plural && type !== 'ORG') && type !== 'LOC';
  const fits = (m: EntityMentionLike): boolean =>
    m.end <= at && at - m.end <= MAX_ANTECEDENT_DISTANCE && typeFits(m.type) && !inQuote(d, m)
    && !(gender && m.type === 'PERSON' && d.genders.has(m.entity) && d.genders.get(m.entity) !== gender);
  const speakerFits = (r: Resolved): boolean => {
    if (r.entity) {
      const type = d.types.get(r.entity);
      return typeFits(type) && !(gender && type === 'PERSON' && d.genders.has(r.entity) && d.genders.get(r.entity) !== gender);
    }
    return r.sort === undefined || sorts.includes(r.sort);
  };
  let s = spanIndexAt(d.sentences, at);
  let end = at;
  const possessives: EntityMentionLike[] = [];
  for (let n = 0; s >= 0 && end > 0 && at - end <= MAX_ANTECEDENT_DISTANCE && n <= maxSentences; s--, n++) {
    const from = d.sentences[s]!.start;
    const inSentence = d.mentions.filter((m) => m.start >= from && m.end <= end && fits(m));
    if (n > 0) {
      const spoke = d.speakers.filter((x) => x.core.start >= from && x.core.end <= end && speakerFits(x.resolved));
      if (spoke.length > 0) return spoke[0]!.resolved;
    }
    end = from;
    if (inSentence.length === 0) continue;
    const plain = inSentence.filter((m) => !isPossessive(d.text, m));
    // In an earlier sentence, who spoke there ("…, ministry spokesman Tomas Vell told reporters.") outranks its first name.
    const speaking = n > 0 ? plain.find((m) => isCueSubject(d.text, m)) : undefined;
    if (speaking) return { entity: speaking.entity };
    if (plain.length > 0) return { entity: plain[0]!.entity };
    possessives.push(...inSentence);
  }
  return possessives[0] ? { entity: possessives[0].entity } : undefined;
}

/** A title's head noun and the words before it, lower-cased ("Vice President" → president, [vice]). */
function titleParts(title: string): { head: string; modifiers: string[] } {
  const words = title.toLowerCase().split(' ');
  return { head: words[words.length - 1]!, modifiers: words.slice(0, -1) };
}

/** The offices (see `officeOf`) of the titles the article gave an entity with this head noun ("vice president" for "president"). */
function officesWithHead(entity: string, head: string, d: Discourse): string[] {
  return (d.titles.get(entity) ?? []).map(titleParts).flatMap((t) => (t.head === head ? [officeOf(head, t.modifiers)] : []));
}

/** Classes of office too general to tell two people apart ("the official" may be the minister). */
const GENERAL_ROLE_CLASSES = new Set(['official', 'person']);

/**
 * The article gave the person only offices other than this one: another rank of it ("the
 * president" is not Vice President Oresk), or only roles of another kind ("the president" is not
 * Senator Wade, who is a legislator). A general role ("the official") fits anyone.
 */
function holdsOtherOffice(entity: string, head: string, office: string, d: Discourse): boolean {
  const offices = officesWithHead(entity, head, d);
  if (offices.length > 0) return !offices.includes(office);
  const wanted = roleClass(head, office.split(' ').slice(0, -1));
  if (wanted === undefined || GENERAL_ROLE_CLASSES.has(wanted)) return false;
  const classes = (d.titles.get(entity) ?? []).map(titleParts).map((t) => roleClass(t.head, t.modifiers));
  return classes.length > 0 && classes.every((c) => c !== undefined && !GENERAL_ROLE_CLASSES.has(c) && c !== wanted);
}

/** The office a role phrase names: its head, with the lower rank its words give it ("the deputy minister"). */
function officeOfPhrase(text: string, core: Span, head: string): string {
  return officeOf(head, text.slice(core.start, core.end).toLowerCase().split(/\s+/).slice(0, -1));
}

/** A role ("the minister", "the mayor"): the person the article gave that title, before the role or just after it; a vice president is not "the president". */
function titleHolder(head: string, office: string, at: number, d: Discourse): string | undefined {
  const holds = (entity: string): boolean => officesWithHead(entity, head, d).includes(office);
  let best: EntityMentionLike | undefined;
  for (const m of d.mentions) {
    if (m.end > at) {
      if (!best && m.start - at <= MAX_CATAPHOR_DISTANCE && d.types.get(m.entity) === 'PERSON' && holds(m.entity)) return m.entity;
      break;
    }
    if (at - m.end <= MAX_ANTECEDENT_DISTANCE && d.types.get(m.entity) === 'PERSON' && holds(m.entity)) best = m;
  }
  return best?.entity;
}

/** Documents a body issues in its own name ("its statement", "the report"): they speak for the body that spoke just before. */
const ISSUED_DOCUMENT = /^(?:statements?|reports?|release|communique|letter|memo|tweets?|posts?|message|article|editorial|column|filings?|ruling|order|decree|resolution|declaration|transcript|readout|notice|bulletin|announcement)$/;

/** Sentences back (the pronoun's own included) that "they" looks for the group it stands for. */
const GROUP_SENTENCES = 2;

/**
 * The nearest group of people named by a plural noun before `at` in its sentence or the one before
 * ("reformists", "Western diplomats", "the researchers"), outside quote marks, with a capitalised
 * word before it that qualifies it ("European officials"). Undefined when there is none.
 */
function pluralGroupBefore(at: number, d: Discourse): (Span & { text: string }) | undefined {
  const s = spanIndexAt(d.sentences, at);
  const from = d.sentences[Math.max(0, s - (GROUP_SENTENCES - 1))]?.start ?? Math.max(0, at - MAX_ANTECEDENT_DISTANCE);
  const toks = d.tokens ? tokensWithin(d.tokens, from, at) : tokenize(d.text, from, at);
  for (let k = toks.length - 1; k >= 0; k--) {
    const t = toks[k]!;
    // Lower case, or capitalised only as its sentence opens ("Analysts expect …").
    const opens = k === 0 ? from === d.sentences[spanIndexAt(d.sentences, t.start)]?.start || t.start === from : /^[.!?]$/.test(toks[k - 1]!.text) || /\n/.test(d.text.slice(toks[k - 1]!.end, t.start));
    if (!(/^\p{Ll}+$/u.test(t.text) || (opens && /^\p{Lu}\p{Ll}+$/u.test(t.text))) || inQuote(d, t) || d.mentions.some((m) => overlaps(m, t))) continue;
    const word = t.text.toLowerCase();
    const kind = classifySpeaker(word, { start: 0, end: word.length }, []);
    // A group of people by the lexicons or by a suffix that names people ("reformists", "Iranians"), not any plural in -er/-or ("receptors").
    const people = canHeadSpeaker(word) || /(?:ists|ians|ans)$/.test(word);
    if (!kind.plural || kind.kind !== 'collective' || !people || /^(?:people|public)$/.test(kind.head)) continue;
    // The capitalised words right before it that qualify it ("European officials", "Wall Street investors"), not one opening the sentence.
    let q = k;
    while (!opens && q > 0 && /^\p{Lu}[\p{L}.’'-]*$/u.test(toks[q - 1]!.text) && d.text.slice(toks[q - 1]!.end, toks[q]!.start) === ' '
      && !isDeterminer(toks[q - 1]!.text) && !isPronoun(toks[q - 1]!.text) && q - 1 > 0 && !/^[.!?]$/.test(toks[q - 2]!.text)) q--;
    const start = toks[q]!.start;
    return { start, end: t.end, text: d.text.slice(start, t.end) };
  }
  return undefined;
}

/** "the latter", "the former": the last, or the one before the last, entity named before it. */
function anaphorTarget(head: string, at: number, d: Discourse): string | undefined {
  // A possessive counts: "in response to Oresk's call, after the latter announced" is Oresk.
  const before = d.mentions.filter((m) => m.end <= at && at - m.end <= MAX_ANTECEDENT_DISTANCE && !inQuote(d, m));
  const distinct: string[] = [];
  for (let k = before.length - 1; k >= 0 && distinct.length < 2; k--) if (!distinct.includes(before[k]!.entity)) distinct.push(before[k]!.entity);
  return head === 'latter' ? distinct[0] : distinct[1];
}

/**
 * A short description of a speaker phrase: "unnamed …" for an indefinite one (a role or group
 * the text does not name: "a Veskarian official"), else the words without their article and quote marks.
 */
function describe(text: string, core: Span, unnamedRole = false): string {
  // "liberal economists - including a minority of the committee -": an aside set off by dashes is not the description
  const all = text.slice(core.start, core.end).replace(/["“”«»]/g, '').replace(/\s[-–—―]+\s[\s\S]*$/, '').split(/\s+/).filter(Boolean);
  // "even though most presidents": the conjunction opening the clause is no part of who spoke
  let opener = /^even$/i.test(all[0] ?? '') && SUBORDINATING.test(all[1] ?? '') ? 1 : 0;
  while (opener < all.length && SUBORDINATING.test(all[opener]!)) opener++;
  let words = opener < all.length ? all.slice(opener) : all;
  // "that prosecutors said", "whose attorneys argued": the word opening the clause is no part of who spoke; "who have
  // been the strongest opponents", a relative clause without its noun, describes no one
  if (words.length > 0 && RELATIVE_WORD.test(words[0]!)) {
    words = words.slice(1);
    if (words.length === 0 || isAuxiliary(words[0]!) || /^\p{Ll}+(?:ly|ed)$/u.test(words[0]!)) return '';
  }
  if (words.length === 0) return '';
  const first = words[0]!.toLowerCase();
  const rest = isDeterminer(first) || first === 'some' ? words.slice(1) : words;
  if (/^(?:a|an|some|one)$/.test(first) && (unnamedRole || !rest.some((w) => isCapitalised(w)))) return `unnamed ${rest.join(' ')}`;
  return rest.join(' ');
}

/** Conjunctions that open a clause before its subject. */
const SUBORDINATING = /^(?:though|although|because|while|whereas|when|whenever|if|since|unless|as)$/i;
/** Words that open a relative or a question clause. */
const RELATIVE_WORD = /^(?:who|whom|whose|which|what|that)$/i;

/** The text's tokens inside [from, to), by binary search (the text is tokenized once). */
function tokensWithin(tokens: readonly Token[], from: number, to: number): readonly Token[] {
  const lo = firstStartingFrom(tokens, from);
  let end = lo;
  while (end < tokens.length && tokens[end]!.end <= to) end++;
  return tokens.slice(lo, end);
}

/** A capitalised word that can be part of a name (not a month, a function word or a cue). */
function nameWord(w: string): boolean {
  return isCapitalised(w) && !isCalendarWord(w) && !isDeterminer(w) && !isClauseWord(w) && !isPreposition(w) && !isPronoun(w) && !isAuxiliary(w) && !isCueVerb(w);
}

/** Without entities: the nearest preceding run of capitalised words that reads as a name (not a date, not a possessive). */
function antecedentName(text: string, at: number, quoted: readonly Span[], tokens: readonly Token[] | undefined, person: boolean, from = Math.max(0, at - MAX_ANTECEDENT_DISTANCE), nonPersons: readonly EntityMentionLike[] = []): string | undefined {
  const toks = tokens ? tokensWithin(tokens, from, at) : tokenize(text, from, at);
  let end = toks.length - 1;
  while (end >= 0) {
    const t = toks[end]!;
    if (!nameWord(t.text) || /[’']s$/.test(t.text) || quoted.some((q) => t.start >= q.start && t.end <= q.end) || /^\p{N}/u.test(toks[end + 1]?.text ?? '')) { end--; continue; }
    // "Nevertheless, …": a lone capitalised word before a comma is a sentence adverb, not a name.
    if (toks[end + 1]?.text === ',' && !(end > 0 && nameWord(toks[end - 1]!.text))) { end--; continue; }
    let start = end;
    while (start > 0 && nameWord(toks[start - 1]!.text) && text.slice(toks[start - 1]!.end, toks[start]!.start) === ' ') start--;
    const span = { start: toks[start]!.start, end: toks[end]!.end };
    // "The Kell president …, he said": a place or a body the entities stage found is no "he" or "she".
    if (person && nonPersons.some((m) => overlaps(m, span))) { end = start - 1; continue; }
    // "The Kell president": a capitalised word before a role noun qualifies the role; it is no person's name.
    const after = toks[end + 1]?.text ?? '';
    if (person && /^\p{Ll}/u.test(after) && isRoleNoun(after.toLowerCase())) { end = start - 1; continue; }
    // "Police did not …, but he said": a body capitalised as its sentence opens is no "he" or "she".
    const word = text.slice(span.start, span.end).toLowerCase();
    if (person && start === end && classifySpeaker(word, { start: 0, end: word.length }, []).kind === 'collective') { end--; continue; }
    return text.slice(span.start, span.end);
  }
  return undefined;
}

/** Start of the sentence holding `at`: after the last line break, or after the last `.!?` followed by a space, before it. */
function sentenceStartBefore(text: string, at: number): number {
  const line = text.lastIndexOf('\n', at);
  for (let k = at - 1; k > line; k--) {
    const c = text[k]!;
    // Only the last end mark counts, and only when a space follows it ("U.S." inside a word does not end a sentence).
    if (c === '.' || c === '!' || c === '?') return /\s/.test(text[k + 1] ?? '') ? k + 1 : line + 1;
  }
  return line + 1;
}

/** Bodies that a country qualifies when the sentence says where ("In Kell, authorities said" → "Kellish authorities"). */
const BARE_AUTHORITY = /^(?:authorities|officials|police|government|rescuers|state media|military|army|health officials|emergency services)$/i;
/** A sentence opening with the country it is about: "In Kell, …", "In Kell, which …, …". */
const IN_COUNTRY = /^In\s+((?:\p{Lu}[\p{L}’'.-]*\s?){1,3}),/u;

/**
 * "In Kell, which was also hit by the storm, authorities reported …": a bare body is that country's
 * (its adjective before it, as a reader would say it), when the sentence opens with the country.
 */
function withCountryOfSentence(text: string, core: Span, described: string): string {
  if (!BARE_AUTHORITY.test(described)) return described;
  const start = wordStartFrom(text, sentenceStartBefore(text, core.start));
  const m = IN_COUNTRY.exec(text.slice(start, core.start));
  const adjective = m ? demonymOfCountry(m[1]!.trim()) : undefined;
  return adjective ? `${adjective} ${described}` : described;
}

/** The first non-space position from `at`. */
const wordStartFrom = (text: string, at: number): number => at + (/^\s*/.exec(text.slice(at))?.[0].length ?? 0);

/** The noun phrase a relative "who"/"which" attaches to: the words right before it (a comma between allowed). */
function relativeHead(text: string, at: number, d: Discourse): Resolved | undefined {
  const before = text.slice(Math.max(0, at - 120), at).replace(/[\s,]+$/, '');
  const end = at - (text.slice(Math.max(0, at - 120), at).length - before.length);
  const m = d.mentions.filter((x) => x.end <= end && end - x.end <= 2).pop();
  if (!m) return undefined;
  // "Robert Stone, a teacher from Hilton Head, South Carolina, who …": "who" is a person, not the place ending his appositive
  const type = d.types.get(m.entity);
  // (only after a comma, and only a person whose appositive opens with a comma, a bracket or "of": "Bamberg who" is Bamberg)
  if (/^who/i.test(text.slice(at, at + 4)) && (type === 'GPE' || type === 'LOC') && /,\s*$/.test(text.slice(m.end, at))) {
    // (a sentence splitter may end a sentence inside "(R-Md.), who": the sentence before counts too)
    const s = spanIndexAt(d.sentences, at);
    const from = d.sentences[Math.max(0, s - 1)]?.start ?? 0;
    const person = d.mentions.filter((x) => x.start >= from && x.end <= m.start && d.types.get(x.entity) === 'PERSON').pop();
    return person && /^\s*(?:[,(]|of\s)/.test(text.slice(person.end, person.end + 4)) ? { entity: person.entity } : undefined;
  }
  return { entity: m.entity };
}

/** Longest appositive read after a speaker phrase, in characters. */
const MAX_APPOSITIVE_CHARS = 100;

/**
 * A person named at the end of an appositive right after a speaker phrase (", aide to the president
 * Ana Oresk," closed by a comma or the sentence end), with no verb of saying between.
 */
function trailingAppositivePerson(span: Span, d: Discourse): EntityMentionLike | undefined {
  const { text } = d;
  const m = d.mentions.find((x) => x.start >= span.end && x.start - span.end <= MAX_APPOSITIVE_CHARS && d.types.get(x.entity) === 'PERSON');
  if (!m) return undefined;
  const between = text.slice(span.end, m.start);
  if (!/^\s*,\s/.test(between) || /[,;:.!?"“”()]/.test(between.slice(between.indexOf(',') + 1)) || between.split(/\s+/).some((w) => isCueVerb(w))) return undefined;
  return /^\s*(?:[,.;]|$)/.test(text.slice(m.end, m.end + 3)) ? m : undefined;
}

/**
 * Resolve one speaker phrase. The appositive's person wins over a role, a body or a place in the
 * core ("the spokesperson for the ministry, Ana Ruiz"); a name resolves to its entity; a pronoun,
 * role or anaphor to the entity it refers to (the `references` layer first, when an earlier stage
 * gave it); a collective or an unresolved role keeps its description; a document speaks for the
 * author it names; junk gives no speaker.
 */
function resolveSpeaker(sp: SpeakerFound, d: Discourse, hasMentions: boolean): { resolved?: Resolved; phrase: SpeakerPhrase } {
  const { text } = d;
  const core = sp.core;
  const inCore = d.mentions.filter((m) => overlaps(m, core));
  const phrase = classifySpeaker(text, core, inCore, sp.head);
  // A reference speaks when it is the phrase's head ("the minister", "he"), not a place in its tail ("an official in [Corvel]").
  const head = phrase.headSpan ?? core;
  const referenced = d.references.find((r) => overlaps(r, head) && (phrase.kind !== 'name'));
  // A pronoun that speaks goes first to who spoke or was named just before (the quote-aware salience below);
  // the references stage answers it when that finds no one.
  if (referenced && phrase.kind !== 'pronoun') return { resolved: { entity: referenced.entity }, phrase };
  // An appositive, not a name in a prepositional tail after the core ("…, particularly in Corvel").
  const appositivePerson = d.mentions.find((m) => m.start >= core.end && m.end <= sp.span.end && d.types.get(m.entity) === 'PERSON'
    && !/\b(?:in|at|from|of|for|on|with|near|to|by)\s+(?:the\s+)?$/i.test(text.slice(core.end, m.start)) && !MEMBERS_NAMED.test(text.slice(core.end, m.start)));
  const corePerson = phrase.kind === 'name' && phrase.mention && d.types.get(phrase.mention.entity) === 'PERSON';
  if (appositivePerson && !corePerson && phrase.kind !== 'pronoun') return { resolved: { entity: appositivePerson.entity }, phrase };
  // A role whose appositive the phrase left out ("stated by the head of the delegation, aide to the president Ana Oresk, …").
  const trailing = phrase.kind === 'role' ? trailingAppositivePerson(sp.span, d) : undefined;
  if (trailing) return { resolved: { entity: trailing.entity }, phrase };
  // Without an entity for it, a name standing as the appositive of a role ("the head of the delegation, Ana Oresk").
  const appositiveName = /^\s*,\s*((?:\p{Lu}[\p{L}’'.-]*\s?){2,4})$/u.exec(text.slice(core.end, sp.span.end));
  if (appositiveName && (phrase.kind === 'role' || phrase.kind === 'collective')) return { resolved: { text: appositiveName[1]!.trim(), sort: 'person' }, phrase };
  switch (phrase.kind) {
    case 'name':
      // A capital standing for its country's government ("Corvel said") speaks as that state.
      if (phrase.mention) return { resolved: { entity: d.standsFor.get(phrase.mention.entity) ?? phrase.mention.entity }, phrase };
      return { resolved: { text: describe(text, core) }, phrase };
    case 'pronoun': {
      const pronoun = text.slice(core.start, core.end);
      // "I think", "we asked him" in the article's own words: the writer speaks, not anyone it names.
      if (FIRST_PERSON.test(pronoun) && !inQuote(d, core)) return { phrase };
      // "Analysts expect … They say": the group the text just spoke of, when no body is named nearer.
      if (PLURAL_PRONOUNS.test(pronoun)) {
        const group = pluralGroupBefore(core.start, d);
        const body = group && d.mentions.some((m) => m.start > group.start && m.end <= core.start && d.types.get(m.entity) === 'ORG' && !inQuote(d, m));
        if (group && !body) return { resolved: { text: group.text, sort: 'group' }, phrase };
      }
      if (hasMentions) {
        const r = antecedent(pronoun, core.start, d);
        if (r) return { resolved: r, phrase };
      }
      // "he", "she" is a person: a reference the earlier stage linked to a place or a body is not taken.
      if (referenced && !(PERSON_PRONOUNS.test(pronoun) && d.types.get(referenced.entity) !== undefined && d.types.get(referenced.entity) !== 'PERSON')) return { resolved: { entity: referenced.entity }, phrase };
      // "they" with no group or body before it: no capitalised word nearby stands in for one.
      if (PLURAL_PRONOUNS.test(pronoun)) return { phrase };
      const sentenceStart = sentenceStartBefore(text, core.start);
      const person = PERSON_PRONOUNS.test(pronoun);
      const nonPersons = d.mentions.filter((m) => m.type !== 'PERSON');
      const name = antecedentName(text, core.start, d.quoted, d.tokens, person, sentenceStart, nonPersons) ?? previousSpeakerText(d, core.start) ?? antecedentName(text, core.start, d.quoted, d.tokens, person, undefined, nonPersons);
      return { resolved: name ? { text: name } : undefined, phrase };
    }
    case 'relative':
      return { resolved: relativeHead(text, core.start, d), phrase };
    case 'anaphor': {
      const entity = anaphorTarget(phrase.head, core.start, d);
      return { resolved: entity ? { entity } : undefined, phrase };
    }
    case 'role': {
      if (!phrase.indefinite) {
        const office = officeOfPhrase(text, core, phrase.head);
        const holder = titleHolder(phrase.head, office, core.start, d);
        if (holder) return { resolved: { entity: holder }, phrase };
        // "the official", "the 78-year-old Republican": the person the text is about, as for "he" (or "she" for
        // "the spokeswoman"). Not a relation to someone ("the victim's mother", "his lawyer", "a relative"):
        // that is another person, whom the text need not name.
        // Only a definite role ("the official", "this diplomat"): a bare one is what is left of a longer phrase ("one … official").
        const definite = /(?:^|\s)(?:the|this|that|his|her|its|their)\s+$/i.test(` ${text.slice(Math.max(0, core.start - 8), core.start)}`) || /^(?:the|this|that|his|her|its|their)\s/i.test(text.slice(core.start, core.end));
        // And a role the lexicons know ("the official", "the Republican"), not one guessed from its ending ("the consumer").
        const known = isRoleNoun(phrase.head) || isSourceHead(phrase.head);
        const salient = hasMentions && definite && known && !isRelationalRole(text, core, phrase) ? antecedent(roleGender(phrase.head) === 'female' ? 'she' : 'he', core.start, d, ROLE_SENTENCES) : undefined;
        // Not someone the article gave another rank of this office ("the president" is not Vice President Oresk).
        if (salient && !(salient.entity !== undefined && holdsOtherOffice(salient.entity, phrase.head, office, d))) return { resolved: salient, phrase };
      }
      return { resolved: { text: describe(text, core, true), sort: 'person' }, phrase };
    }
    case 'collective': {
      const sides = sidesNamedBefore(text, core);
      return { resolved: { text: sides ?? withCountryOfSentence(text, core, describe(text, core, true)), sort: 'group' }, phrase };
    }
    case 'document': {
      // "the ministry's statement", "a statement by the ministry": its author is the entity it names.
      // Not the outlet a document was given to or seen by ("an interview with The New York Times", "a letter … obtained
      // by The Associated Press"): the one interviewed, or who wrote it, speaks.
      const relayedTo = (m: Span): boolean => /\b(?:interviews?\s+(?:with|to|on)|(?:obtained|seen|reviewed|acquired|viewed)\s+by)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 30), m.start));
      const author = d.mentions.find((m) => overlaps(m, sp.span) && d.types.get(m.entity) !== 'LOC' && !relayedTo(m));
      if (author) return { resolved: { entity: author.entity }, phrase };
      // "according to an interview with The New York Times": the one who spoke in it, the person who spoke just before
      if (/^interviews?$/i.test(phrase.head)) {
        const previous = d.speakers.filter((x) => x.core.end <= core.start && core.start - x.core.end <= MAX_ANTECEDENT_DISTANCE / 3).pop();
        const person = previous?.resolved.entity !== undefined && d.types.get(previous.resolved.entity) === 'PERSON';
        if (person) return { resolved: previous!.resolved, phrase };
      }
      // "a tweet from a prominent analyst", "a report by local officials": the role or group it comes from.
      const from = /\s(?:from|by)\s+(\S.*)$/su.exec(text.slice(core.start, core.end));
      if (from) {
        const by = { start: core.end - from[1]!.length, end: core.end };
        const kind = classifySpeaker(text, by, []).kind;
        if (kind === 'role' || kind === 'collective') return { resolved: { text: describe(text, by, true), sort: kind === 'role' ? 'person' : 'group' }, phrase };
      }
      // "The Commerce Ministry statement": the capitalised words before the document noun name its author.
      // Not a word capitalised only because it opens the sentence ("The ad", "Another slide", "Instant polls", "Video shows").
      const named = /^(?:[Tt]he\s+)?((?:\p{Lu}[\p{L}’'-]*\s+)+)\p{Ll}/u.exec(text.slice(core.start, core.end));
      const opensSentence = named !== null && core.start + named[0].indexOf(named[1]!) === wordStartFrom(text, sentenceStartBefore(text, core.start)) && !/\s\S/.test(named[1]!.trim());
      if (named && /^\p{Lu}/u.test(named[1]!) && !opensSentence && !/^(?:All|Some|Many|Most|This|That|These|Those|Its|Their|His|Her|A|An|One|The|Another|Each|Every|Both|Such)\b/.test(named[1]!)) return { resolved: { text: named[1]!.trim(), sort: 'group' }, phrase };
      // "the report", "its statement": the body that spoke just before (a newspaper, a ministry), never a person.
      // Only a text a body issues (a statement, a report, a post), never a video, a photo or evidence; and only a body
      // the text names ("officers", "people" issue no report).
      const previous = ISSUED_DOCUMENT.test(phrase.head) ? d.speakers.filter((x) => x.core.end <= core.start && core.start - x.core.end <= MAX_ANTECEDENT_DISTANCE / 3).pop() : undefined;
      const group = previous && (previous.resolved.entity ? d.types.get(previous.resolved.entity) !== 'PERSON' : previous.resolved.sort !== 'person' && /^\p{Lu}/u.test(previous.resolved.text ?? ''));
      if (group) return { resolved: previous.resolved, phrase };
      // Else the document as described ("recent studies", "poll"): no author to name, never the word that opens the sentence.
      const described = describe(text, core);
      return { resolved: /\p{L}{3}/u.test(described) ? { text: described.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()), sort: 'group' } : undefined, phrase };
    }
    default:
      return { phrase };
  }
}

/** The text of the latest speaker resolved before `at` that has a name (a pronoun usually continues the last speaker). */
function previousSpeakerText(d: Discourse, at: number): string | undefined {
  const prev = d.speakers.filter((x) => x.core.end <= at && at - x.core.end <= MAX_ANTECEDENT_DISTANCE && x.resolved.text && /\p{Lu}/u.test(x.resolved.text)).pop();
  return prev?.resolved.text;
}

function junkPhrase(text: string, sp: SpeakerFound, mentions: readonly EntityMentionLike[]): boolean {
  return classifySpeaker(text, sp.core, mentions.filter((m) => overlaps(m, sp.core))).kind === 'junk';
}

/** Index of the first token of the sentence holding `at`. */
function sentenceFirstToken(tokens: readonly Token[], sentences: readonly Span[], at: number): number {
  const s = sentences[Math.max(0, spanIndexAt(sentences, at))];
  const from = s ? s.start : 0;
  const first = firstStartingFrom(tokens, from);
  return first < tokens.length ? first : 0;
}

/**
 * A speaker phrase starts after a label that heads its line ("Details: Ana Oresk, the minister, confirmed …"):
 * the label is the page's furniture, not part of who spoke.
 */
function afterLabel(text: string, sp: SpeakerFound): SpeakerFound {
  const words = text.slice(sp.span.start, sp.span.end);
  const m = /^[^:\n]{1,30}:\s+(?=\S)/u.exec(words);
  if (!m || /\d:\d/.test(m[0])) return sp;
  const start = sp.span.start + m[0].length;
  // The phrase after the label: its core up to its appositive ("Ana Oresk, the minister").
  const comma = text.slice(start, sp.span.end).indexOf(',');
  const coreEnd = sp.core.end > start ? sp.core.end : comma > 0 ? start + comma : sp.span.end;
  return startingAt(sp, start, { start, end: coreEnd });
}

/** ", including the Kell Courier", ", such as …", ", among them …": members named after a group. */
const MEMBERS_NAMED = /,\s+(?:including|such\s+as|among\s+them|notably)\s/i;

/**
 * "State media, including the Kell Courier, reported": the group speaks; the members it names only
 * say who is in it. The core ends before them (the whole phrase stays the speaker's words).
 */
function withoutMembersNamed(text: string, sp: SpeakerFound): SpeakerFound {
  const m = MEMBERS_NAMED.exec(text.slice(sp.core.start, sp.core.end));
  if (!m || m.index === 0) return sp;
  const end = sp.core.start + m.index;
  const { head, ...rest } = sp;
  return { ...rest, ...(head && head.end <= end ? { head } : {}), core: { start: sp.core.start, end } };
}

/** The speaker phrase from `start` on, with its new core; a head read before `start` is no head of it. */
function startingAt(sp: SpeakerFound, start: number, core: Span): SpeakerFound {
  const { head, ...rest } = sp;
  return { ...rest, ...(head && head.start >= start ? { head } : {}), core, span: { start, end: sp.span.end } };
}

/**
 * Words before the speaker that a parse or a rule may take into the phrase: a time ("Last week"), a fronted
 * adjunct up to its comma ("Ahead of Friday's meeting, "), a preposition or conjunction that opens the clause
 * ("With", "After", "as", "like", "which").
 */
const LEADING_ADJUNCT = new RegExp([
  String.raw`^(?:last|this|next|earlier|late)\s+(?:week|month|year|night|weekend|spring|summer|autumn|fall|winter|\p{L}+day)\s+`,
  String.raw`^(?:ahead\s+of|after|before|during|despite|amid|following|in|on|at|with|since|because|while|when|although|though)\b[^,\n]{1,60},\s+`,
  String.raw`^(?:with|after|before|like|as|which|since|because|while|when|although|though|once|until|unlike|amid)\s+`,
].join('|'), 'iu');

/**
 * A wire story's dateline, in capitals, with its date or agency: "BRUSSELS - ", "WASHINGTON (AP) — ", "CLEVELAND, July 19
 * (UPI) — ". Case matters, so it stands apart from the case-blind patterns above: a name before a dash in ordinary
 * case ("Ana Oresk — who ran the port — said") is the speaker, not a dateline.
 */
const WIRE_DATELINE = /^\p{Lu}{2,}[\p{Lu}\s.'’-]*(?:,[^()—–\n]{1,30})?\s*(?:\([^()\n]{1,20}\))?\s*(?:[—–]+|-+\s)\s*/u;

function afterLeadingAdjunct(text: string, sp: SpeakerFound): SpeakerFound {
  const words = text.slice(sp.span.start, sp.core.end);
  const m = WIRE_DATELINE.exec(words) ?? LEADING_ADJUNCT.exec(words);
  if (!m || m[0].length >= words.length || !/\p{L}/u.test(words.slice(m[0].length))) return sp;
  const start = sp.span.start + m[0].length;
  return startingAt(sp, start, { start: Math.max(start, sp.core.start), end: sp.core.end });
}

/** A speaker phrase cut inside a name ("J. Oresk" of "Ana J. Oresk", "Berg" of "Lind-Berg"): the whole name. */
function overMentions(text: string, sp: SpeakerFound, mentions: readonly EntityMentionLike[]): SpeakerFound {
  // Only a name that runs on inside one sentence ("Kell. A report" is two).
  const oneName = (m: EntityMentionLike): boolean => !/[.!?:;,]\s|\n/.test(text.slice(m.start, m.end));
  const first = mentions.find((m) => m.start < sp.span.start && m.end > sp.span.start && oneName(m));
  const last = mentions.find((m) => m.start < sp.span.end && m.end > sp.span.end && oneName(m));
  if (!first && !last) return sp;
  const start = first ? first.start : sp.span.start;
  const end = last ? last.end : sp.span.end;
  return { ...sp, span: { start, end }, core: { start: Math.min(start, sp.core.start), end: sp.core.end === sp.span.end ? end : sp.core.end } };
}

/** Words a role before a name may have before its noun ("retired Air Force general"). */
const MAX_TITLE_WORDS = 5;
/** Title words that stand before a name without being role nouns ("Lt. Gen.", "Rep."). */
const TITLE_ABBREVIATION = /^(?:Lt|Gen|Rep|Reps|Sen|Sens|Gov|Dr|Mr|Mrs|Ms|Col|Maj|Capt|Sgt|Adm|Cmdr|Prof|Rev|Del|Amb|Pres|Sec|Supt|Insp|Cpl|Pvt|Brig|Atty|Hon)\.$/;

/** Words that date or qualify a role before its title ("former Gov.", "acting Secretary"). */
const ROLE_TIME = /^(?:former|then|ex|acting|late|outgoing|incoming|retired|interim|current|deputy|senior)$/;

/** Words that open a question or a clause, capitalised at a sentence's start ("What Mr. Oresk said"). */
const QUESTION_WORD = /^(?:what|when|where|why|how|while|whether|if|because|although|though|once|since|after|before)$/;

/** Does the phrase open with a title or role word before a capitalised name ("Speaker Paul Ryan", "California Gov. Jerry Brown")? */
function titleOpens(words: string): boolean {
  const ws = words.split(/\s+/).slice(0, 4);
  for (let k = 0; k < ws.length - 1; k++) {
    const bare = ws[k]!.replace(/[’']s$/, '');
    if (!/^\p{Lu}/u.test(bare)) return false;
    if ((isRoleNoun(bare.toLowerCase()) || TITLE_ABBREVIATION.test(bare)) && /^\p{Lu}/u.test(ws[k + 1]!)) return true;
  }
  return false;
}

/**
 * A name whose role stands before it with no article or comma between ("White House press secretary
 * Ilse Brandt", "Oresk lawyer Jon Berg", "retired Air Force general Mira Dalen"): the role is part
 * of who spoke, as written. Only when the word before the name is a role noun or a title; the words before
 * it are taken while they are capitalised or modifiers, never a verb, a preposition or punctuation.
 */
function withTitleBefore(text: string, sp: SpeakerFound): SpeakerFound {
  if (!/^\p{Lu}/u.test(text.slice(sp.span.start, sp.span.start + 1))) return sp;
  const lineStart = Math.max(text.lastIndexOf('\n', sp.span.start - 1) + 1, sp.span.start - 100);
  const before = text.slice(lineStart, sp.span.start);
  const words = [...before.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.’'-]*/gu)];
  let start = sp.span.start;
  // "[House] Speaker Paul Ryan", "[former] California Gov. Jerry Brown": the phrase opens with its title and the
  // parse left the title's first words out. Only capitalised words and words that date a role are taken then.
  const opensWithTitle = titleOpens(text.slice(sp.span.start, sp.core.end));
  let titled = opensWithTitle;
  let taken = 0;
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]!;
    const at = lineStart + w.index;
    // Only spaces between this word and the phrase taken so far, and no full stop ending a sentence ("… Oval Office. Mr. Deese").
    if (!/^\s+$/.test(text.slice(at + w[0].length, start)) || (w[0].endsWith('.') && !TITLE_ABBREVIATION.test(w[0]) && !/^\p{Lu}\.$/u.test(w[0]))) break;
    const bare = w[0].replace(/[’']s$/, '');
    if (!titled) {
      if (!isRoleNoun(bare.toLowerCase()) && !TITLE_ABBREVIATION.test(bare)) break;
      titled = true;
      start = at;
      continue;
    }
    const lower = bare.toLowerCase();
    if (isDeterminer(lower) || isPreposition(lower) || isPronoun(lower) || isCueVerb(lower) || isAuxiliary(lower) || isClauseWord(lower) || isCalendarWord(bare) || /^\d/.test(bare) || /[’']s$/.test(w[0])) break;
    if (/^(?:and|or|but|nor|so|then|also|not|who|whom|whose|which|that|as|than|if)$/.test(lower) || ++taken > MAX_TITLE_WORDS) break;
    if (opensWithTitle && ((!/^\p{Lu}/u.test(bare) && !ROLE_TIME.test(lower)) || QUESTION_WORD.test(lower))) break;
    start = at;
  }
  if (!titled || start === sp.span.start) return sp;
  return { ...sp, span: { start, end: sp.span.end } };
}

/** What the resolver reads besides the text. */
export interface ResolveOptions {
  readonly entities?: readonly EntityMentionLike[];
  readonly entityIndex?: readonly { readonly id: string; readonly type: string; readonly titles?: readonly string[]; readonly standsFor?: string }[];
  readonly references?: readonly ReferenceLike[];
  readonly sentences: readonly Span[];
  readonly tokens?: readonly Token[];
}

/**
 * Turn drafts into quotes: the speaker span as written, the entity it names or refers to, or a
 * short text when no entity is known. A quote whose speaker phrase can speak for no one ("this
 * perspective", "all indicators") keeps the phrase as written but no speaker, never a guessed one.
 */
export function describeSpeakers(text: string, drafts: readonly DraftLike[], options: ResolveOptions): Quote[] {
  const mentions = options.entities ? [...options.entities].sort((a, b) => a.start - b.start) : [];
  const quoted = drafts.filter((d) => d.direct);
  const types = new Map<string, string>();
  for (const m of mentions) types.set(m.entity, m.type);
  for (const e of options.entityIndex ?? []) types.set(e.id, e.type);
  const d: Discourse = {
    text, mentions, sentences: options.sentences, quoted, types, tokens: options.tokens,
    references: options.references ?? [],
    genders: entityGenders(text, mentions, options.sentences, quoted),
    titles: new Map((options.entityIndex ?? []).filter((e) => e.titles?.length).map((e) => [e.id, e.titles!])),
    standsFor: new Map((options.entityIndex ?? []).filter((e) => e.standsFor).map((e) => [e.id, e.standsFor!])),
    speakers: [],
  };
  const order = drafts.map((_, i) => i).filter((i) => drafts[i]!.speaker).sort((a, b) => drafts[a]!.speaker!.core.start - drafts[b]!.speaker!.core.start);
  const results = new Map<number, { resolved?: Resolved; phrase: SpeakerPhrase }>();
  /** Speaker phrases widened past a prepositional tail, by draft index. */
  const speakers = new Map<number, SpeakerFound>();
  for (const i of order) {
    let sp = withTitleBefore(text, overMentions(text, withoutMembersNamed(text, afterLeadingAdjunct(text, afterLabel(text, withoutAsides(text, drafts[i]!.speaker!)))), mentions));
    if (sp !== drafts[i]!.speaker) speakers.set(i, sp);
    const wider = options.tokens ? widenOverPreposition(options.tokens, sp, sentenceFirstToken(options.tokens, options.sentences, sp.core.start), junkPhrase(text, sp, mentions)) : null;
    if (wider) { sp = wider; speakers.set(i, wider); }
    const same = d.speakers.find((x) => x.core.start === sp.core.start && x.core.end === sp.core.end);
    const r = resolveSpeaker(sp, d, options.entities !== undefined);
    results.set(i, r);
    if (r.resolved && !same) d.speakers.push({ core: sp.core, resolved: r.resolved });
  }
  const out: Quote[] = [];
  drafts.forEach((draft, i) => {
    const base = {
      start: draft.start, end: draft.end, direct: draft.direct,
      ...(draft.cue ? { cue: { start: draft.cue.start, end: draft.cue.end } } : {}),
      ...(draft.content ? { content: { start: draft.content.start, end: draft.content.end } } : {}),
      ...(draft.act ? { act: true as const } : {}),
    };
    const r = results.get(i);
    if (!draft.speaker || !r) { out.push(base); return; }
    const sp = speakers.get(i) ?? draft.speaker;
    const speakerSpan = { start: sp.span.start, end: sp.span.end };
    const cue = draft.cue ? text.slice(draft.cue.start, draft.cue.end) : '';
    // "It is worth noting that …", "it can be said that …": the writer's own remark, no one reported (quoted words keep no speaker).
    if (isWritersImpersonalRemark(text, sp.core)) { if (draft.direct) out.push(base); return; }
    // Reported words whose subject can speak for no one, after a verb of conjecture ("several factors explain why …",
    // "the situation seems …"): the writer's reasoning, no record.
    // So with "according to" ("…, according to this perspective"): a view is no source.
    if (r.phrase.kind === 'junk' && !draft.direct && (CONJECTURE_CUE.test(cue) || /^according\b/i.test(cue))) return;
    // An unnamed source with nothing to describe it by ("Some", "Others"): the words are attributed, to no one we can name.
    if (r.phrase.kind === 'junk' || r.phrase.kind === 'unnamed') { out.push({ ...base, speakerSpan }); return; }
    // A state that "believes", "refuses" or "seems" is the writer's reading of it, not a statement it made: no speaker;
    // a belief or feeling so given in reported words is no record at all.
    const stateAttitude = r.resolved?.entity !== undefined && d.types.get(r.resolved.entity) === 'GPE';
    if (stateAttitude && !draft.direct && STATE_ATTITUDE_CUE.test(cue)) return;
    if (stateAttitude && ATTITUDE_CUE.test(cue)) { out.push({ ...base, speakerSpan }); return; }
    if (r.resolved?.entity) out.push({ ...base, speaker: r.resolved.entity, speakerSpan });
    else out.push({ ...base, speakerSpan, ...(r.resolved?.text ? { speakerText: r.resolved.text } : {}) });
  });
  return out;
}
