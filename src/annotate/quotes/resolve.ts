import type { Span } from '../../core/index.js';
import { spanIndexAt, tokenize, type Token } from './segment.js';
import { isAuxiliary, isCalendarWord, isCapitalised, isClauseWord, isCueVerb, isDeterminer, isPreposition, isPronoun } from './lexicon.js';
import type { SpeakerFound } from './speaker.js';
import { entityGenders, pronounGender, type Gender } from './gender.js';
import type { EntityMentionLike, Quote } from './types.js';

interface DraftLike extends Span {
  readonly direct: boolean;
  readonly speaker?: SpeakerFound;
  readonly cue?: Span;
  readonly content?: Span;
}

/** How far back a pronoun looks for its antecedent, in characters (about two paragraphs). */
const MAX_ANTECEDENT_DISTANCE = 1500;

const PERSON_PRONOUNS = /^(?:he|she|i)$/i;
const THING_PRONOUNS = /^it$/i;

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Entity of the mention inside the speaker phrase: a person first, the last one named ("ministry spokesperson Ana Ruiz"). */
function entityInPhrase(core: Span, mentions: readonly EntityMentionLike[]): string | undefined {
  const inside = mentions.filter((m) => overlaps(m, core));
  const person = inside.filter((m) => m.type === 'PERSON').pop();
  return (person ?? inside.pop())?.entity;
}

/** What the resolver knows about the article: mentions in text order, sentences, quoted words, genders, quote speakers. */
interface Discourse {
  readonly text: string;
  readonly mentions: readonly EntityMentionLike[];
  readonly sentences: readonly Span[];
  readonly quoted: readonly Span[];
  readonly genders: ReadonlyMap<string, Gender>;
  /** Speaker phrases of the quotes (their cores): a person who speaks in a sentence is its most salient one. */
  readonly speakerCores: readonly Span[];
}

const isPossessive = (text: string, m: Span): boolean => /^[’']s?\b/.test(text.slice(m.end, m.end + 2)) || /[’']s?$/.test(text.slice(m.start, m.end));

/**
 * The antecedent of a pronoun speaker, by salience: in the pronoun's own
 * sentence, the first person named before it who is not a possessive ("…
 * statements by X in response to Y’s message, where he …" → X); else, sentence
 * by sentence backwards, the speaker of a quote there, then the first person
 * named (the subject, as a rule), then a possessive. Persons whose gender the
 * text shows otherwise than the pronoun's are skipped ("she" is not a man
 * the text calls "he" or names with a male first name).
 */
function antecedentEntity(pronoun: string, at: number, d: Discourse): string | undefined {
  const wanted = PERSON_PRONOUNS.test(pronoun) ? ['PERSON'] : THING_PRONOUNS.test(pronoun) ? ['ORG', 'GPE'] : ['PERSON', 'ORG', 'GPE'];
  const gender = pronounGender(pronoun);
  const fits = (m: EntityMentionLike): boolean =>
    m.end <= at && at - m.end <= MAX_ANTECEDENT_DISTANCE && wanted.includes(m.type)
    && !d.quoted.some((q) => m.start >= q.start && m.end <= q.end)
    && !(gender && m.type === 'PERSON' && d.genders.has(m.entity) && d.genders.get(m.entity) !== gender);
  let s = spanIndexAt(d.sentences, at);
  let end = at;
  const possessives: EntityMentionLike[] = [];
  for (let n = 0; s >= 0 && end > 0 && at - end <= MAX_ANTECEDENT_DISTANCE; s--, n++) {
    const from = d.sentences[s]!.start;
    const inSentence = d.mentions.filter((m) => m.start >= from && m.end <= end && fits(m));
    end = from;
    if (inSentence.length === 0) continue;
    const plain = inSentence.filter((m) => !isPossessive(d.text, m));
    if (n > 0) {
      const speaker = inSentence.find((m) => d.speakerCores.some((c) => overlaps(c, m)) && !isPossessive(d.text, m));
      if (speaker) return speaker.entity;
    }
    if (plain.length > 0) return plain[0]!.entity;
    possessives.push(...inSentence);
  }
  return possessives[0]?.entity;
}

/** The text's tokens inside [from, to), by binary search (the text is tokenized once). */
function tokensWithin(tokens: readonly Token[], from: number, to: number): readonly Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < tokens.length && tokens[end]!.end <= to) end++;
  return tokens.slice(lo, end);
}

/** A capitalised word that can be part of a name (not a month, a function word or a cue). */
function nameWord(w: string): boolean {
  return isCapitalised(w) && !isCalendarWord(w) && !isDeterminer(w) && !isClauseWord(w) && !isPreposition(w) && !isPronoun(w) && !isAuxiliary(w) && !isCueVerb(w);
}

/** Without entities: the nearest preceding run of capitalised words that reads as a name (not a date, not a possessive). */
function antecedentName(text: string, at: number, quoted: readonly Span[], tokens: readonly Token[] | undefined, from = Math.max(0, at - MAX_ANTECEDENT_DISTANCE)): string | undefined {
  const toks = tokens ? tokensWithin(tokens, from, at) : tokenize(text, from, at);
  let end = toks.length - 1;
  while (end >= 0) {
    const t = toks[end]!;
    if (!nameWord(t.text) || /[’']s$/.test(t.text) || quoted.some((q) => t.start >= q.start && t.end <= q.end) || /^\p{N}/u.test(toks[end + 1]?.text ?? '')) { end--; continue; }
    // "Nevertheless, …": a lone capitalised word before a comma is a sentence adverb, not a name.
    if (toks[end + 1]?.text === ',' && !(end > 0 && nameWord(toks[end - 1]!.text))) { end--; continue; }
    let start = end;
    while (start > 0 && nameWord(toks[start - 1]!.text) && text.slice(toks[start - 1]!.end, toks[start]!.start) === ' ') start--;
    return text.slice(toks[start]!.start, toks[end]!.end);
  }
  return undefined;
}

/** The named speaker of the latest quote before `at` (a pronoun usually continues the last speaker). */
function previousSpeakerName(text: string, drafts: readonly DraftLike[], at: number): string | undefined {
  let best: DraftLike | undefined;
  for (const d of drafts) {
    if (!d.speaker || d.speaker.core.end > at || at - d.speaker.core.end > MAX_ANTECEDENT_DISTANCE) continue;
    const phrase = text.slice(d.speaker.core.start, d.speaker.core.end);
    if (isPronoun(phrase) || !/\p{Lu}/u.test(phrase.slice(1))) continue;
    if (!best || d.speaker.core.start > best.speaker!.core.start) best = d;
  }
  return best ? describe(text, best.speaker!.core) : undefined;
}

/** A short description of a speaker phrase: its name, or "unnamed …" for an indefinite description. */
function describe(text: string, core: Span): string {
  const words = text.slice(core.start, core.end).split(/\s+/);
  const first = words[0]!.toLowerCase();
  const rest = isDeterminer(first) ? words.slice(1) : words;
  if (/^(?:a|an|some|one)$/.test(first) && !rest.some((w) => isCapitalised(w))) return `unnamed ${rest.join(' ')}`;
  return rest.join(' ');
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

/**
 * Turn drafts into quotes: the speaker span as written, the entity it names
 * (a mention inside it, or for a pronoun the most salient person before it of
 * a compatible gender: see antecedentEntity), or a short text when no entity
 * is known.
 */
export function describeSpeakers(text: string, drafts: readonly DraftLike[], options: { entities?: readonly EntityMentionLike[]; sentences: readonly Span[]; tokens?: readonly Token[] }): Quote[] {
  const mentions = options.entities ? [...options.entities].sort((a, b) => a.start - b.start) : undefined;
  const quoted = drafts.filter((d) => d.direct);
  const discourse: Discourse | undefined = mentions && {
    text, mentions, sentences: options.sentences, quoted,
    genders: entityGenders(text, mentions, options.sentences, quoted),
    speakerCores: drafts.flatMap((d) => (d.speaker && !isPronoun(text.slice(d.speaker.core.start, d.speaker.core.end)) ? [d.speaker.core] : [])),
  };
  return drafts.map((d): Quote => {
    const base = {
      start: d.start, end: d.end, direct: d.direct,
      ...(d.cue ? { cue: { start: d.cue.start, end: d.cue.end } } : {}),
      ...(d.content ? { content: { start: d.content.start, end: d.content.end } } : {}),
    };
    if (!d.speaker) return base;
    const core = d.speaker.core;
    const phrase = text.slice(core.start, core.end);
    const pronoun = isPronoun(phrase) ? phrase : undefined;
    let entity: string | undefined;
    if (mentions) entity = pronoun ? antecedentEntity(pronoun, core.start, discourse!) : entityInPhrase(core, mentions);
    const speakerSpan = { start: d.speaker.span.start, end: d.speaker.span.end };
    if (entity) return { ...base, speaker: entity, speakerSpan };
    // A name earlier in the same sentence, else the last named speaker, else the nearest name.
    const sentenceStart = sentenceStartBefore(text, core.start);
    const speakerText = pronoun
      ? (antecedentName(text, core.start, quoted, options.tokens, sentenceStart) ?? previousSpeakerName(text, drafts, core.start) ?? antecedentName(text, core.start, quoted, options.tokens))
      : describe(text, core);
    return { ...base, speakerSpan, ...(speakerText ? { speakerText } : {}) };
  });
}
