import type { TextContext } from './context.js';
import type { Grammar } from './grammar.js';
import { endsPhrase, type Candidate } from './mentions.js';
import type { EntityProfile } from './profiles.js';
import { GOVERNMENT_VERBS, officeOf } from './lexicon.js';

/**
 * Dense features of a (candidate mention, entity) pair and of leaving the
 * mention unlinked. Dense and few, so scoring a pair is one short dot product
 * (the stage must cost well under a millisecond per article).
 */

/** Features of linking the mention to an entity. */
export const PAIR_FEATURES = [
  'bias', 'sdist0', 'sdist1', 'sdist2', 'sdist3', 'sdist4plus', 'tdistLog', 'rank0', 'rank1', 'rank2', 'rank3plus',
  'eSubject', 'parallelSubject', 'parallelObject', 'eFirstInSentence', 'eLastIsName', 'eCountLog', 'eTopSalience',
  'eEarly', 'genderMatch', 'genderMismatch', 'genderUnknown', 'typePerson', 'typeOrg', 'typePlace', 'typeOther',
  'sameSentence', 'bothQuoted', 'mQuotedEOutside', 'bindingViolation', 'reflexiveLocal', 'possessiveNearest', 'apposition',
  'roleHeadMatch', 'roleClassMatch', 'roleClassConflict', 'roleModifierMatch', 'roleNoProfile', 'countryMatch',
  'countryMismatch', 'titleCapitalised', 'nameHasHead', 'descTypeMatch', 'descCountry', 'descCity', 'descPlaceMismatch',
  'personThey', 'eIsCountry', 'nearestSubject', 'interveningPerson', 'speakerOfClause', 'eSpeaker', 'speakerAfterQuote',
] as const;

/** Features of leaving the mention unlinked. */
export const NULL_FEATURES = ['nullBias', 'nullQuoted', 'nullNoneNear', 'nullCandidatesLog', 'nullPleonastic', 'nullFirstSentence', 'nullSubject', 'nullPossessive', 'nullOneCandidate', 'nullPersonNounNear', 'nullAfterQuote'] as const;

export type PairFeature = (typeof PAIR_FEATURES)[number];
export type NullFeature = (typeof NULL_FEATURES)[number];

const index = <T extends string>(names: readonly T[], offset: number): Record<T, number> =>
  Object.fromEntries(names.map((n, i) => [n, offset + i])) as Record<T, number>;
/** Index of each feature in an option's vector: pair features first, then the unlinked option's. */
export const P = index(PAIR_FEATURES, 0);
export const N = index(NULL_FEATURES, PAIR_FEATURES.length);
export const DIMENSION = PAIR_FEATURES.length + NULL_FEATURES.length;

/** Where the resolver is in the text about one entity. */
export interface EntityState {
  readonly profile: EntityProfile;
  count: number;
  firstSentence: number;
  /** Token index of the last mention's head, its sentence, its grammar. */
  lastHead: number;
  lastFirst: number;
  lastLast: number;
  lastSentence: number;
  lastGrammar: Grammar;
  lastIsName: boolean;
  lastQuoted: boolean;
}

/** What the features need of the mention being resolved. */
export interface MentionView {
  readonly candidate: Candidate;
  readonly sentence: number;
  readonly grammar: Grammar;
  readonly quoted: boolean;
  /** Right after a closing quotation mark ('"…," he said'). */
  readonly afterQuote: boolean;
}

/** Words after "it" that make it a dummy subject ("it is clear that", "it seems"). */
const PLEONASTIC_NEXT = new Set(['is', 'was', "'s", '’s', 'seems', 'seemed', 'appears', 'appeared', 'would', 'will', 'has', 'had', 'may', 'might', 'could', 'takes', 'took', 'remains', 'became', 'becomes', 'makes']);
const MAX_DISTANCE_BUCKET = 4;
/** Words between a speech verb and the subject of its clause ("said on Monday that it"). */
const MAX_CLAUSE_GAP = 4;

/** How many person nouns a gendered pronoun could take lie in tokens [from, to). */
export function personNounsBetween(ctx: TextContext, gender: 'male' | 'female', from: number, to: number): number {
  if (to <= from) return 0;
  const [male, female, either] = ctx.personNouns;
  const same = gender === 'male' ? male : female;
  return same[to]! - same[from]! + either[to]! - either[from]!;
}

/** The gender the text gives an entity: its name or title, else the pronouns resolved to it so far. */
export function genderOf(p: EntityProfile): 'male' | 'female' | undefined {
  if (p.gender) return p.gender;
  const [m, f] = p.pronounVotes;
  if (m > f) return 'male';
  if (f > m) return 'female';
  return undefined;
}

/**
 * Fill `out` (length DIMENSION, zeroed by the caller) with the features of
 * linking mention `m` to entity `e`; `rank` is the entity's recency rank among
 * the candidates, `top` whether it is the most mentioned of them.
 */
export function pairFeatures(ctx: TextContext, m: MentionView, e: EntityState, rank: number, top: boolean, nearestSubject: boolean, out: Float64Array): void {
  const c = m.candidate;
  const p = e.profile;
  out[P.bias] = 1;
  const sd = Math.min(MAX_DISTANCE_BUCKET, m.sentence - e.lastSentence);
  out[P.sdist0 + sd] = 1;
  out[P.tdistLog] = Math.log2(1 + Math.max(0, c.first - e.lastLast)) / 8;
  out[P.rank0 + Math.min(rank, 3)] = 1;
  const eSubject = e.lastGrammar.role === 'subject';
  if (eSubject) out[P.eSubject] = 1;
  if (eSubject && m.grammar.role === 'subject') out[P.parallelSubject] = 1;
  if (e.lastGrammar.role === 'object' && m.grammar.role === 'object') out[P.parallelObject] = 1;
  if (e.lastFirst <= ctx.sentenceFirst[e.lastSentence]! + 1) out[P.eFirstInSentence] = 1;
  if (e.lastIsName) out[P.eLastIsName] = 1;
  out[P.eCountLog] = Math.log(1 + e.count) / 3;
  if (top) out[P.eTopSalience] = 1;
  if (e.firstSentence <= 1) out[P.eEarly] = 1;
  if (nearestSubject) out[P.nearestSubject] = 1;
  const mGender = c.pronoun?.gender;
  if (mGender) {
    const g = genderOf(p);
    out[g === undefined ? P.genderUnknown : g === mGender ? P.genderMatch : P.genderMismatch] = 1;
  }
  out[p.type === 'PERSON' ? P.typePerson : p.type === 'ORG' ? P.typeOrg : p.type === 'GPE' || p.type === 'LOC' ? P.typePlace : P.typeOther] = 1;
  if (p.isCountry) out[P.eIsCountry] = 1;
  if (e.lastSentence === m.sentence) out[P.sameSentence] = 1;
  if (m.quoted && e.lastQuoted) out[P.bothQuoted] = 1;
  if (m.quoted && !e.lastQuoted && e.lastSentence === m.sentence) out[P.mQuotedEOutside] = 1;
  const pronounCase = c.pronoun?.case;
  if (pronounCase && pronounCase !== 'reflexive' && pronounCase !== 'possessive' && m.grammar.verb !== -1 && m.grammar.verb === e.lastGrammar.verb && eSubject && m.grammar.role === 'object') out[P.bindingViolation] = 1;
  if (pronounCase === 'reflexive' && e.lastSentence === m.sentence && eSubject) out[P.reflexiveLocal] = 1;
  if (pronounCase === 'possessive' && rank === 0) out[P.possessiveNearest] = 1;
  if (c.first === e.lastLast + 2 && ctx.lower[c.first - 1] === ',' && endsPhrase(ctx, c.last)) out[P.apposition] = 1;
  if (c.pronoun?.cls === 'plural' && p.type === 'PERSON') out[P.personThey] = 1;
  if (mGender && personNounsBetween(ctx, mGender, e.lastLast + 1, c.first) > 0) out[P.interveningPerson] = 1;
  // "Corvel said it would not negotiate", "Oresk said that she …": the subject of the speech verb whose clause the pronoun opens
  const verb = e.lastGrammar.verb;
  const eSpeaks = eSubject && verb !== -1 && GOVERNMENT_VERBS.has(ctx.lower[verb]!);
  if (eSpeaks && pronounCase === 'subject' && c.first > verb && c.first - verb <= MAX_CLAUSE_GAP && e.lastSentence === m.sentence) out[P.speakerOfClause] = 1;
  if (eSpeaks) out[P.eSpeaker] = 1;
  // '"…," he said' after the speaker was named: the same speaker goes on
  if (eSpeaks && m.afterQuote) out[P.speakerAfterQuote] = 1;
  const d = c.description;
  if (!d) return;
  if (d.target === 'person') {
    if (p.roleHeads.has(officeOf(d.head, d.modifiers))) out[P.roleHeadMatch] = 1;
    if (d.roleClass !== undefined && p.roleClasses.has(d.roleClass)) out[P.roleClassMatch] = 1;
    else if (p.roleClasses.size > 0 && d.roleClass !== 'official' && d.roleClass !== 'person') out[P.roleClassConflict] = 1;
    if (d.modifiers.some((w) => p.roleWords.has(w))) out[P.roleModifierMatch] = 1;
    if (p.roleClasses.size === 0) out[P.roleNoProfile] = 1;
    if (d.capitalised) out[P.titleCapitalised] = 1;
  } else {
    if (p.nameWords.has(d.head) || (d.head === 'organisation' && p.nameWords.has('organization')) || (d.head === 'organization' && p.nameWords.has('organisation'))) out[P.nameHasHead] = 1;
    if ((d.target === 'org') === (p.type === 'ORG')) out[P.descTypeMatch] = 1;
    if (d.placeKind === 'country' && p.isCountry) out[P.descCountry] = 1;
    if (d.placeKind === 'city' && p.isCity) out[P.descCity] = 1;
    if ((d.placeKind === 'country' && p.isCity) || (d.placeKind === 'city' && p.isCountry)) out[P.descPlaceMismatch] = 1;
  }
  if (d.countries.length && p.countries.size) {
    out[d.countries.some((k) => p.countries.has(k)) ? P.countryMatch : P.countryMismatch] = 1;
  }
}

/** Fill `out` with the features of leaving mention `m` unlinked, given how many candidates it had. */
export function nullFeatures(ctx: TextContext, m: MentionView, candidates: number, noneNear: boolean, lastCandidateEnd: number, out: Float64Array): void {
  const c = m.candidate;
  out[N.nullBias] = 1;
  if (m.quoted) out[N.nullQuoted] = 1;
  if (noneNear) out[N.nullNoneNear] = 1;
  out[N.nullCandidatesLog] = Math.log(1 + candidates) / 2;
  if (candidates === 1) out[N.nullOneCandidate] = 1;
  if (c.pronoun?.cls === 'thing' && c.pronoun.case === 'subject' && PLEONASTIC_NEXT.has(ctx.lower[c.last + 1] ?? '')) out[N.nullPleonastic] = 1;
  if (m.sentence === 0) out[N.nullFirstSentence] = 1;
  if (m.afterQuote) out[N.nullAfterQuote] = 1;
  if (m.grammar.role === 'subject') out[N.nullSubject] = 1;
  if (c.pronoun?.case === 'possessive' || m.grammar.role === 'possessive') out[N.nullPossessive] = 1;
  // "a police officer said he …": an unnamed person closer than any named one
  const g = c.pronoun?.gender;
  if (g && personNounsBetween(ctx, g, Math.max(lastCandidateEnd + 1, ctx.sentenceFirst[Math.max(0, m.sentence - 1)]!), c.first) > 0) out[N.nullPersonNounNear] = 1;
}
