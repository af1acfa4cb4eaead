import { afterQuote, type TextContext } from './context.js';
import { DIMENSION, genderOf, nullFeatures, pairFeatures, type EntityState, type MentionView } from './features.js';
import { grammarOf, phraseStart } from './grammar.js';
import type { Candidate } from './mentions.js';
import type { Block, BlockModel } from './model.js';
import { addDescription, type EntityProfile } from './profiles.js';
import { clauseSubject, homeCountry, quoteSpeaker, resolveByRule, sieveDescription } from './rules.js';

/**
 * Left-to-right mention ranking: each candidate mention is scored against
 * every entity the text has mentioned within reach (and against leaving it
 * unlinked) by the block of weights for its kind; the best entity is kept
 * when its probability reaches the block's threshold. A linked mention counts
 * as a mention of its entity from then on (recency, grammar, gender, roles).
 */

/** A pronoun looks back at most this many sentences (news rarely reaches further). */
const PRONOUN_WINDOW = 3;

export interface Link {
  readonly candidate: Candidate;
  readonly entity: string;
  readonly score: number;
}

/** One decision, as the trainer sees it: the vectors of the options (0 = unlinked) and the right one. */
export interface TrainingInstance {
  readonly block: Block;
  readonly options: Float64Array[];
  readonly gold: number;
}

export interface ResolveOptions {
  /** Weights and threshold per block. */
  readonly model: Record<Block, BlockModel>;
  /** Named mentions (index into `ctx.named`) that stand for another entity: a capital for its country. */
  readonly metonyms?: ReadonlyMap<number, string>;
  /**
   * Training: the right entity of each candidate (null: none). The history then
   * follows the gold links, and every decision a block makes is passed to `record`.
   */
  readonly oracle?: (c: Candidate) => string | null;
  readonly record?: (instance: TrainingInstance) => void;
  /**
   * Training: let the model's own links (not the gold ones) make the history, as at run time,
   * so the ranker learns from the states it will meet (the gold still labels each decision).
   */
  readonly predictedHistory?: boolean;
}

/**
 * A link the model finds more likely than not extends its entity's history
 * (recency, gender, roles), whether or not it reaches the threshold for being
 * emitted: a chain of pronouns about one person stays within reach.
 */
const HISTORY_PROBABILITY = 0.5;

/** The weight block of a candidate, or undefined for one resolved by rule. */
export function blockOf(c: Candidate): Block | undefined {
  if (c.kind === 'pronoun') return c.pronoun!.cls === 'person' ? 'personal' : c.pronoun!.cls === 'thing' ? 'it' : 'they';
  if (c.kind === 'role') return 'role';
  if (c.kind === 'description') return 'description';
  return undefined;
}

/** Entities a candidate of this block may refer to; `salient`: the entity is one the text is about (always within reach). */
function admissible(block: Block, c: Candidate, e: EntityState, sentence: number, salient: boolean): boolean {
  const type = e.profile.type;
  const near = sentence - e.lastSentence <= PRONOUN_WINDOW || salient;
  switch (block) {
    case 'personal': {
      if (type !== 'PERSON' || !near) return false;
      const g = genderOf(e.profile);
      return g === undefined || g === c.pronoun!.gender;
    }
    case 'it':
      return type !== 'PERSON' && near;
    case 'they':
      return near;
    case 'role':
      return type === 'PERSON';
    case 'description':
      if (c.description!.target === 'org') return type === 'ORG';
      return (type === 'GPE' || type === 'LOC') && !(c.description!.placeKind === 'country' && e.profile.isCity);
  }
}

/** The two most mentioned entities stay within a pronoun's reach however far back they were last mentioned. */
/** An entity must have been mentioned this often to count as one the text is about. */
const SALIENT_MIN_MENTIONS = 3;

/** The entities the text is about so far: the most mentioned, with enough mentions (one pass, no sorting: it runs per mention). */
function mostMentioned(states: ReadonlyMap<string, EntityState>): [EntityState | undefined, EntityState | undefined] {
  let first: EntityState | undefined;
  let second: EntityState | undefined;
  for (const s of states.values()) {
    if (s.count < SALIENT_MIN_MENTIONS) continue;
    if (!first || s.count > first.count) {
      second = first;
      first = s;
    } else if (!second || s.count > second.count) second = s;
  }
  return [first, second];
}

/** Reused option vectors: scoring allocates nothing per mention (new arrays only when training keeps them). */
const scratch: Float64Array[] = [];

function optionVectors(count: number, fresh: boolean): Float64Array[] {
  if (fresh) return Array.from({ length: count }, () => new Float64Array(DIMENSION));
  while (scratch.length < count) scratch.push(new Float64Array(DIMENSION));
  const out = scratch.slice(0, count);
  for (const x of out) x.fill(0);
  return out;
}

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

function dot(w: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < DIMENSION; i++) if (x[i] !== 0) s += w[i]! * x[i]!;
  return s;
}

/**
 * Resolve the candidates of one article against its entities. `profiles`
 * holds every entity; the named mentions come from `ctx.named`.
 */
export function resolveCandidates(ctx: TextContext, profiles: Map<string, EntityProfile>, candidates: readonly Candidate[], options: ResolveOptions): Link[] {
  const states = new Map<string, EntityState>();
  const links: Link[] = [];
  /** `phrase` is where the mention's noun phrase starts (a name's title before it), for its grammar. */
  const mention = (entity: string, first: number, last: number, head: number, isName: boolean, phrase = first): void => {
    const profile = profiles.get(entity);
    if (!profile) return;
    const sentence = ctx.tokens[first]!.sentence;
    let s = states.get(entity);
    if (!s) {
      s = { profile, count: 0, firstSentence: sentence, lastHead: head, lastFirst: first, lastLast: last, lastSentence: sentence, lastGrammar: { role: 'other', verb: -1 }, lastIsName: isName, lastQuoted: false };
      states.set(entity, s);
    }
    s.count++;
    s.lastHead = head;
    s.lastFirst = first;
    s.lastLast = last;
    s.lastSentence = sentence;
    s.lastGrammar = grammarOf(ctx, phrase, last);
    s.lastIsName = isName;
    s.lastQuoted = ctx.quoted[head] === 1;
  };
  /** Emit the link (`emit`), and count the mention as one of the entity's from here on. */
  const link = (c: Candidate, entity: string, score: number, emit: boolean): void => {
    if (emit) links.push({ candidate: c, entity, score });
    const s = states.get(entity);
    mention(entity, c.first, c.last, c.head, false);
    if (!s) return;
    const g = c.pronoun?.gender;
    if (g) s.profile.pronounVotes[g === 'male' ? 0 : 1]++;
    if (c.description && c.kind === 'role') addDescription(s.profile, c.description);
  };

  const namedCount = new Map<string, number>();
  for (const m of ctx.named) namedCount.set(m.entity, (namedCount.get(m.entity) ?? 0) + 1);
  const home = homeCountry(profiles, namedCount);
  let k = 0;
  for (const c of candidates) {
    while (k < ctx.named.length && ctx.named[k]!.first < c.first) {
      const m = ctx.named[k]!;
      // a capital that speaks for its country is a mention of the country ("Corvel said it …")
      mention(options.metonyms?.get(k) ?? m.entity, m.first, m.last, m.last, true, ctx.syntax ? m.first : phraseStart(ctx, m.first));
      k++;
    }
    const block = blockOf(c);
    if (!block) {
      const ruled = resolveByRule(ctx, c, states, profiles);
      const gold = options.oracle?.(c);
      if (options.oracle) {
        if (gold) link(c, gold, 1, false);
      } else if (ruled) link(c, ruled, 1, true);
      continue;
    }
    if (!options.oracle) {
      const sieved = block === 'role' || block === 'description' ? sieveDescription(ctx, c, states, home) : block === 'personal' ? quoteSpeaker(ctx, c, states) : clauseSubject(ctx, c, states);
      if (sieved) {
        link(c, sieved, 1, true);
        continue;
      }
    }
    const sentence = ctx.tokens[c.first]!.sentence;
    const pool: EntityState[] = [];
    const [first, second] = mostMentioned(states);
    for (const s of states.values()) if (admissible(block, c, s, sentence, s === first || s === second)) pool.push(s);
    // "the country" is one of the countries when the article names any, never a city
    if (c.description?.placeKind === 'country' && pool.some((s) => s.profile.isCountry)) pool.splice(0, pool.length, ...pool.filter((s) => s.profile.isCountry));
    pool.sort((a, b) => b.lastLast - a.lastLast);
    const view: MentionView = { candidate: c, sentence, grammar: grammarOf(ctx, c.first, c.last), quoted: ctx.quoted[c.head] === 1, afterQuote: afterQuote(ctx, c.first) };
    let top = 0;
    for (const s of pool) top = Math.max(top, s.count);
    const nearestSubject = pool.find((s) => s.lastGrammar.role === 'subject');
    const vectors = optionVectors(pool.length + 1, options.record !== undefined);
    nullFeatures(ctx, view, pool.length, !pool.some((s) => sentence - s.lastSentence <= 1), pool[0]?.lastLast ?? -1, vectors[0]!);
    pool.forEach((s, rank) => pairFeatures(ctx, view, s, rank, s.count === top, s === nearestSubject, vectors[rank + 1]!));
    const weights = options.model[block].weights;
    const probabilities = softmax(vectors.map((x) => dot(weights, x)));
    let best = 0;
    for (let i = 1; i < probabilities.length; i++) if (probabilities[i]! > probabilities[best]!) best = i;
    const chosen = best > 0 ? pool[best - 1]!.profile.id : undefined;
    const p = probabilities[best]!;
    if (options.oracle) {
      const gold = options.oracle(c);
      const at = gold ? pool.findIndex((s) => s.profile.id === gold) + 1 : 0;
      options.record?.({ block, options: vectors, gold: Math.max(0, at) });
      if (options.predictedHistory) {
        if (chosen && p >= HISTORY_PROBABILITY) link(c, chosen, p, false);
      } else if (gold && states.has(gold)) link(c, gold, 1, false);
      continue;
    }
    if (!chosen) continue;
    const emit = p >= options.model[block].threshold;
    // a pronoun's history does not depend on the threshold (so thresholds can be chosen from one run);
    // a description that is not emitted must not give its words to a profile
    if (p >= HISTORY_PROBABILITY && (emit || c.kind === 'pronoun')) link(c, chosen, p, emit);
    else if (emit) links.push({ candidate: c, entity: chosen, score: p });
  }
  return links;
}
