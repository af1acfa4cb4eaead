import type { Span } from '../../core/index.js';
import { tokenize } from './segment.js';
import { isAuxiliary, isCalendarWord, isCapitalised, isClauseWord, isCueVerb, isDeterminer, isPreposition, isPronoun } from './lexicon.js';
import type { SpeakerFound } from './speaker.js';
import type { EntityMentionLike, Quote } from './types.js';

interface DraftLike extends Span {
  readonly direct: boolean;
  readonly speaker?: SpeakerFound;
  readonly cue?: Span;
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

/** Most recent compatible mention before a pronoun, outside direct quote contents. */
function antecedentEntity(pronoun: string, at: number, mentions: readonly EntityMentionLike[], quoted: readonly Span[]): string | undefined {
  const wanted = PERSON_PRONOUNS.test(pronoun) ? ['PERSON'] : THING_PRONOUNS.test(pronoun) ? ['ORG', 'GPE'] : ['PERSON', 'ORG', 'GPE'];
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.end > at) continue;
    if (at - m.end > MAX_ANTECEDENT_DISTANCE) break;
    if (!wanted.includes(m.type) || quoted.some((q) => m.start >= q.start && m.end <= q.end)) continue;
    return m.entity;
  }
  return undefined;
}

/** Without entities: the nearest preceding run of capitalised words that reads as a name (not a date, not a possessive). */
function antecedentName(text: string, at: number, quoted: readonly Span[], from = Math.max(0, at - MAX_ANTECEDENT_DISTANCE)): string | undefined {
  const toks = tokenize(text, from, at);
  let end = toks.length - 1;
  while (end >= 0) {
    const t = toks[end]!;
    const nameWord = (w: string): boolean =>
      isCapitalised(w) && !isCalendarWord(w) && !isDeterminer(w) && !isClauseWord(w) && !isPreposition(w) && !isPronoun(w) && !isAuxiliary(w) && !isCueVerb(w);
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
 * (a mention inside it, or for a pronoun the latest compatible mention before
 * it), or a short text when no entity is known.
 */
export function describeSpeakers(text: string, drafts: readonly DraftLike[], entities?: readonly EntityMentionLike[]): Quote[] {
  const mentions = entities ? [...entities].sort((a, b) => a.start - b.start) : undefined;
  const quoted = drafts.filter((d) => d.direct);
  return drafts.map((d): Quote => {
    const base = { start: d.start, end: d.end, direct: d.direct, ...(d.cue ? { cue: { start: d.cue.start, end: d.cue.end } } : {}) };
    if (!d.speaker) return base;
    const core = d.speaker.core;
    const phrase = text.slice(core.start, core.end);
    const pronoun = isPronoun(phrase) ? phrase : undefined;
    let entity: string | undefined;
    if (mentions) entity = pronoun ? antecedentEntity(pronoun, core.start, mentions, quoted) : entityInPhrase(core, mentions);
    const speakerSpan = { start: d.speaker.span.start, end: d.speaker.span.end };
    if (entity) return { ...base, speaker: entity, speakerSpan };
    // A name earlier in the same sentence, else the last named speaker, else the nearest name.
    const sentenceStart = sentenceStartBefore(text, core.start);
    const speakerText = pronoun
      ? (antecedentName(text, core.start, quoted, sentenceStart) ?? previousSpeakerName(text, drafts, core.start) ?? antecedentName(text, core.start, quoted))
      : describe(text, core);
    return { ...base, speakerSpan, ...(speakerText ? { speakerText } : {}) };
  });
}
