import { firstStartingFrom, type Span } from '../../core/index.js';
import type { Token } from './segment.js';
import { canHeadSpeaker, isDocumentNoun, isRoleNoun } from './speaker-kind.js';
import {
  isAuxiliary, isCalendarWord, isFiniteAuxiliary, isCapitalised, isClauseWord, isCueVerb, isDeterminer, isPreposition,
  isPronoun, isSourceHead, isWord,
} from './lexicon.js';

/** Longest noun phrase the rules take as a speaker, in tokens (titles and names run long). */
const MAX_NP_TOKENS = 12;
/** Longest appositive after a speaker's name ("X, a member of the … committee, said"), in tokens. */
const MAX_APPOSITIVE_TOKENS = 30;

/** Words that open an aside between a subject and its cue: a participle or an adjunct's first word. */
const INTERPOSED_OPENER = /^(?:\p{Ll}+(?:ed|ing)|when|while|in|on|at|after|before|during|however|meanwhile|though|also|too|speaking|citing|according)$/u;

/** Longest name in quote marks taken into a speaker phrase ("the newspaper “Daily Ledger”"). */
const MAX_QUOTED_NAME_TOKENS = 5;

/** How far a lowercase modifier may sit before the role noun or name it belongs to ("political analyst"). */
const LOOKAHEAD_TOKENS = 3;

const isLowerWord = (w: string): boolean => isWord(w) && !isCapitalised(w);

/** True when tokens [from, to] form something that can speak: a name, a pronoun or a role noun phrase. */
function isSpeakerPhrase(toks: readonly Token[], from: number, to: number, sentenceStart: number, anyNounPhrase = false): boolean {
  if (from > to) return false;
  // Right after a quote or "according to", a definite or indefinite phrase is the source ("the spokesperson").
  if (anyNounPhrase && isDeterminer(toks[from]!.text) && to > from) return true;
  if (from === to && isPronoun(toks[from]!.text)) return true;
  const words = toks.slice(from, to + 1);
  if (words.every((t) => isCalendarWord(t.text) || /^\p{N}/u.test(t.text) || isDeterminer(t.text))) return false;
  // A role or a body heads it ("the minister", "the ministry"), beyond the heads PolNeAR's sources had.
  if (isSourceHead(toks[to]!.text) || (canHeadSpeaker(toks[to]!.text) && !isDocumentNoun(toks[to]!.text))) return true;
  return words.some((t, i) => isCapitalised(t.text) && !isDeterminer(t.text) && !isCalendarWord(t.text) && !(from + i === sentenceStart && isClauseWord(t.text)));
}

/** Start index of the noun phrase ending at token `end` (walking left, not before `min`), or -1. */
export function phraseEndingAt(toks: readonly Token[], end: number, min: number): number {
  let i = end;
  // A parenthesis after a name ("Bill Smith (R)") belongs to it.
  if (toks[i]?.text === ')') {
    while (i > min && toks[i]!.text !== '(') i--;
    i--;
  }
  // A name in quote marks after its noun ("the newspaper “Daily Ledger”") belongs to the phrase.
  if (/^[”"’»]$/.test(toks[i]?.text ?? '')) {
    let k = i - 1;
    while (k > min && isWord(toks[k]!.text) && isCapitalised(toks[k]!.text) && i - k <= MAX_QUOTED_NAME_TOKENS) k--;
    if (k < i - 1 && /^[“"‘«]$/.test(toks[k]?.text ?? '')) i = k - 1;
  }
  if (i < min || !toks[i] || !isWord(toks[i]!.text)) return -1;
  if (isPronoun(toks[i]!.text)) return i;
  let start = -1;
  for (let n = 0; i >= min && n < MAX_NP_TOKENS; i--, n++) {
    const w = toks[i]!.text;
    if (!isWord(w)) break;
    if (isDeterminer(w)) { start = i; break; }
    if (w.toLowerCase() === 'of') {
      if (i - 1 >= min && isWord(toks[i - 1]!.text) && !isPreposition(toks[i - 1]!.text)) continue;
      break;
    }
    if (isPreposition(w) || isClauseWord(w) || isCueVerb(w) || isAuxiliary(w) || isPronoun(w)) break;
    start = i;
  }
  if (start < 0) return -1;
  // Leading "of …" left over after a stop is not part of the phrase.
  while (start < end && toks[start]!.text.toLowerCase() === 'of') start++;
  return start;
}

/** Lookahead for "Veskarian political analyst X": lowercase words that lead to a role noun or a name. */
function leadsToRoleOrName(toks: readonly Token[], i: number, max: number): boolean {
  for (let k = i; k <= Math.min(max, i + LOOKAHEAD_TOKENS); k++) {
    const w = toks[k]!.text;
    if (!isWord(w) || isPreposition(w) || isClauseWord(w) || isCueVerb(w) || isAuxiliary(w) || isDeterminer(w)) return false;
    if (canHeadSpeaker(w) || (k > i && isCapitalised(w))) return true;
  }
  return false;
}

/** End index of the noun phrase starting at token `start` (walking right, not past `max`), or -1. */
export function phraseStartingAt(toks: readonly Token[], start: number, max: number): number {
  const first = toks[start];
  if (!first || !isWord(first.text)) return -1;
  if (isPronoun(first.text)) return start;
  let end = -1;
  let sawName = false;
  let sawHead = false;
  for (let i = start, n = 0; i <= max && n < MAX_NP_TOKENS; i++, n++) {
    const w = toks[i]!.text;
    if (!isWord(w)) {
      if (w === '(' ) break;
      break;
    }
    if (isDeterminer(w)) {
      if (i === start) continue;
      break;
    }
    if (w.toLowerCase() === 'of') {
      const next = toks[i + 1]?.text ?? '';
      if (end < 0 || !(isCapitalised(next) || isDeterminer(next))) break;
      // "the head of the delegation": the article after "of" belongs to the phrase, which heads anew.
      if (isDeterminer(next) && !isCapitalised(next)) { i++; n++; }
      sawName = false;
      sawHead = false;
      continue;
    }
    if (isPreposition(w) || isClauseWord(w) || isCueVerb(w) || isAuxiliary(w) || isPronoun(w)) break;
    if (isLowerWord(w) && sawHead) break;
    if (isLowerWord(w) && sawName && !canHeadSpeaker(w) && !leadsToRoleOrName(toks, i, max)) break;
    if (isCapitalised(w)) sawName = true;
    else if (canHeadSpeaker(w)) sawHead = true;
    end = i;
  }
  return end;
}

/** A speaker found next to a cue. */
export interface SpeakerFound {
  readonly span: Span;
  /** Tokens of the core phrase (without appositive), for describing and resolving it. */
  readonly core: Span;
  /** The phrase's head word, when the parse gave it (the subject token of the cue). */
  readonly head?: Span;
}

function found(toks: readonly Token[], from: number, to: number, coreTo = to): SpeakerFound {
  return { span: { start: toks[from]!.start, end: toks[to]!.end }, core: { start: toks[from]!.start, end: toks[coreTo]!.end } };
}

/**
 * The speaker written before a cue: "Baker said", "the official told",
 * "Lee, a member of the committee, stated" (appositive included, as in PolNeAR).
 */
export function speakerBefore(toks: readonly Token[], cue: number, sentenceStart: number, options: { anyNounPhrase?: boolean } = {}): SpeakerFound | null {
  let j = cue - 1;
  while (j >= sentenceStart && isWord(toks[j]!.text) && isAuxiliary(toks[j]!.text)) j--;
  if (j < sentenceStart) return null;
  if (toks[j]!.text === ')') return beforeBrackets(toks, j, sentenceStart, options);
  if (toks[j]!.text === ',') {
    for (let k = j - 1; k >= Math.max(sentenceStart, j - MAX_APPOSITIVE_TOKENS); k--) {
      const t = toks[k]!.text;
      if (t === ';' || t === ':' || t === '“' || t === '"') break;
      if (t !== ',') continue;
      const opener = toks[k + 1]?.text ?? '';
      // An appositive does not reach back over ", and" into the clause before.
      if (/^(?:and|but)$/i.test(opener)) break;
      // "The minister, asked about the strike, said", "The ministry, in a statement, said": an aside between
      // commas (a participle or an adjunct) stands between the subject and its cue; the subject is before it.
      if (INTERPOSED_OPENER.test(opener) && !isCapitalised(opener)) {
        const s = phraseEndingAt(toks, k - 1, sentenceStart);
        if (s >= 0 && isSpeakerPhrase(toks, s, k - 1, sentenceStart)) return found(toks, s, k - 1);
        continue;
      }
      if (!(isDeterminer(opener) || isCapitalised(opener) || /^(?:who|which)$/i.test(opener) || /^\p{N}/u.test(opener))) continue;
      const s = phraseEndingAt(toks, k - 1, sentenceStart);
      // "the press officer, Jonas Wiel, said": a role with a name in apposition speaks, capitals or not.
      const namedAppositive = j - k >= 2 && toks.slice(k + 1, j).every((x) => isCapitalised(x.text));
      if (s < 0) continue;
      const named = namedAppositive || toks.slice(s, k).some((x) => isCapitalised(x.text) || isPronoun(x.text));
      if ((named && isSpeakerPhrase(toks, s, k - 1, sentenceStart)) || (namedAppositive && isDeterminer(toks[s]!.text))) return found(toks, s, j - 1, k - 1);
    }
    return null;
  }
  const s = phraseEndingAt(toks, j, sentenceStart);
  if (s < 0 || !isSpeakerPhrase(toks, s, j, sentenceStart, options.anyNounPhrase)) return null;
  return found(toks, s, j);
}

/** Tokens a bracketed affiliation after a name may hold ("(", "R", "-", "Ga", ".", ")"). */
const MAX_AFFILIATION_TOKENS = 8;

/** "Sen. Ana Oresk (R-Ga.) said": the name before a short bracketed affiliation speaks; the brackets stay in its words. */
function beforeBrackets(toks: readonly Token[], close: number, sentenceStart: number, options: { anyNounPhrase?: boolean }): SpeakerFound | null {
  let open = close - 1;
  while (open > sentenceStart && close - open < MAX_AFFILIATION_TOKENS && toks[open]!.text !== '(') open--;
  if (toks[open]?.text !== '(' || open <= sentenceStart) return null;
  const named = speakerBefore(toks, open, sentenceStart, options);
  if (!named || named.span.end !== toks[open - 1]!.end) return null;
  return { ...named, span: { start: named.span.start, end: toks[close]!.end } };
}

/**
 * The speaker written after a cue: "said Baker", "according to the ministry,
 * …", "said Baker, the minister." (appositive kept when it runs to the clause end).
 */
export function speakerAfter(toks: readonly Token[], from: number, sentenceEnd: number, sentenceStart: number, options: { anyNounPhrase?: boolean } = {}): SpeakerFound | null {
  const e = phraseStartingAt(toks, from, sentenceEnd);
  if (e < 0 || !isSpeakerPhrase(toks, from, e, sentenceStart, options.anyNounPhrase)) return null;
  let end = e;
  // "said the head of the delegation, aide to the President Ana Ruiz, …": an appositive opening with a role or a name.
  const opener = toks[e + 2]?.text ?? '';
  if (toks[e + 1]?.text === ',' && e + 2 <= sentenceEnd && (isDeterminer(opener) || isCapitalised(opener) || isRoleNoun(opener.toLowerCase()))) {
    let k = e + 2;
    while (k <= sentenceEnd && k - e < MAX_APPOSITIVE_TOKENS && isWord(toks[k]!.text)) k++;
    // A finite verb makes the words after the comma a clause of their own ("…, said Oresk, the ministry will …").
    // (A relative clause is part of the speaker: "said Ruiz, whose party was founded on …".)
    const clause = !/^(?:who|whose|which)$/i.test(opener) && toks.slice(e + 2, k).some((t) => isFiniteAuxiliary(t.text));
    if (!clause && (k > sentenceEnd || ['.', ',', ';'].includes(toks[k]!.text))) end = k - 1;
  }
  return found(toks, from, end, e);
}

/** Index of the first token of the clause holding token `at`: after "where/when/while" or ";", else the sentence start. */
export function clauseStart(toks: readonly Token[], at: number, sentenceStart: number): number {
  for (let i = at - 1; i >= sentenceStart; i--) {
    const w = toks[i]!.text.toLowerCase();
    if (w === ';' || w === 'where' || w === 'when' || w === 'while') return i + 1;
  }
  return sentenceStart;
}

/**
 * The subject of the clause holding a participial cue ("Baker criticised the
 * plan, saying …"): the first noun phrase after any introductory phrase; a
 * source in "a tweet from X" is X.
 */
/** Introductory phrases skipped before a clause's subject, at most. */
const MAX_INTRO_PHRASES = 4;

export function clauseSubject(toks: readonly Token[], cue: number, sentenceStart: number): SpeakerFound | null {
  let i = clauseStart(toks, cue, sentenceStart);
  const firstWord = toks[i]?.text ?? '';
  if (['and', 'but', 'so', 'yet'].includes(firstWord.toLowerCase())) i++;
  // "In this context, X …", "Two days later, X …": skip an introductory phrase ending in a comma
  // (one that opens with a preposition or has no capitalised word after its first).
  // So is what goes on with it: "At a rally in Portsmouth, N.H., on Tuesday, X …" (the state after the town, then the day).
  for (let skipped = 0; skipped < MAX_INTRO_PHRASES; skipped++) {
    let next = -1;
    for (let k = i; k < Math.min(cue, i + 8); k++) {
      if (toks[k]!.text !== ',') continue;
      const intro = toks.slice(i, k);
      const head = intro[0]?.text ?? '';
      const adverb = intro.length === 1 && /ly$/i.test(head);
      const shortPhrase = intro.length > 1 && intro.length <= 4 && !intro.slice(1).some((t) => isCapitalised(t.text) || isPronoun(t.text) || isCueVerb(t.text));
      const stateAfterTown = skipped > 0 && intro.length >= 1 && intro.length <= 2 && intro.every((t) => /^\p{Lu}[\p{L}.]*\.$/u.test(t.text));
      if (isPreposition(head) || /^\p{N}/u.test(head) || adverb || shortPhrase || stateAfterTown) next = k + 1;
      break;
    }
    if (next < 0) break;
    i = next;
  }
  if (i >= cue) return null;
  const e = phraseStartingAt(toks, i, cue - 1);
  if (e < 0) return null;
  const next = toks[e + 1]?.text.toLowerCase();
  if ((next === 'from' || next === 'by') && e + 2 < cue) {
    const inner = phraseStartingAt(toks, e + 2, cue - 1);
    if (inner >= 0 && isSpeakerPhrase(toks, e + 2, inner, sentenceStart)) return found(toks, e + 2, inner);
  }
  if (!isSpeakerPhrase(toks, i, e, sentenceStart)) return null;
  return found(toks, i, e);
}

/**
 * A speaker phrase found too short, inside a prepositional tail ("A Veskarian official in [the port
 * city of Velmar]"): the noun phrase before the preposition, with the tail kept in the span.
 * Null when no phrase stands before a preposition.
 */
/** Index of the token starting exactly at `at` (tokens are in text order), or -1. */
function tokenStartingAt(toks: readonly Token[], at: number): number {
  const i = firstStartingFrom(toks, at);
  return toks[i]?.start === at ? i : -1;
}

/** Index of the first token ending exactly at `at`, or -1. */
function tokenEndingAt(toks: readonly Token[], at: number): number {
  // Tokens do not overlap, so their ends are in order too: the token ending at `at` starts before it.
  const i = firstStartingFrom(toks, at) - 1;
  for (let j = Math.max(0, i); j >= 0 && j >= i - 1; j--) if (toks[j]!.end === at) return j;
  return -1;
}

export function widenOverPreposition(toks: readonly Token[], sp: SpeakerFound, sentenceStart: number, junk: boolean): SpeakerFound | null {
  let at = tokenStartingAt(toks, sp.core.start);
  const coreEnd = tokenEndingAt(toks, sp.core.end);
  const spanEnd = tokenEndingAt(toks, sp.span.end);
  for (let step = 0; step < 2 && at > sentenceStart + 1; step++) {
    // "a post from X", "a statement by X": X is the author, the speaker already.
    if (!isPreposition(toks[at - 1]!.text) || /^(?:by|from)$/i.test(toks[at - 1]!.text)) return null;
    const s = phraseEndingAt(toks, at - 2, sentenceStart);
    if (s < 0) return null;
    const head = toks[at - 2]!.text;
    // "the spokesperson for [the ministry]", "the head of [the agency]": the role before the preposition speaks.
    if ((!canHeadSpeaker(head) || isDocumentNoun(head)) && !(junk && isCapitalised(head))) {
      if (!junk) return null;
      at = s;
      continue;
    }
    return { span: { start: toks[s]!.start, end: toks[spanEnd < 0 ? at - 2 : spanEnd]!.end }, core: { start: toks[s]!.start, end: toks[coreEnd < 0 ? at - 2 : coreEnd]!.end } };
  }
  return null;
}
