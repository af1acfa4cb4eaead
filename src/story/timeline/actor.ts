/**
 * Who did a dated thing: the doer of the clause the date belongs to, not the nearest name. With a
 * dependency parse (the `syntax` layer) the date's head word and its subject, a passive's agent or
 * a noun's possessor decide; without one, the clause is read from its words: the verb nearest the
 * date, the subject named before it (a pronoun takes the person named last), the agent of a
 * passive ("made by X"), the owner of a noun event ("Brandt’s withdrawal", "the Kellish withdrawal"),
 * a nationality's country ("Veskarian officials"), or a body described by its function ("the
 * Veskarian mission to the United Nations").
 */
import type { Doc, Span } from '../../core/index.js';
import type { EntityMention } from '../../annotate/index.js';
import type { StoryContext, StoryEntity } from '../types.js';
import { countryNamed, countryOfQualifier } from '../entities/countries.js';
import { doerOf, hasOwnDoer, referencesOf, syntaxOf, tokenAt, type Dependency } from '../syntax.js';
import { storyName } from './names.js';
import { datelinePlace } from './dateline.js';
import { cachedRegExp } from '../patterns.js';

export interface Actor {
  /** Story entity id, or null for a described body or group the entity layer does not name. */
  readonly id: string | null;
  readonly name: string;
}

const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE']);
/** Words that end the clause a date belongs to, looking back from it (relative clauses are handled apart). */
const CLAUSE_START = /(?:[;:—–]|,\s+(?:and|but|while|whereas|where|as)\b|\b(?:while|whereas|because|although|though|since|after|before|when|that|where|whether|if)\b)/gu;
/** …and looking forward. */
const CLAUSE_END = /(?:[;:—–]|,\s+(?:and|but|while|whereas|where|which|who|as)\b|\b(?:while|whereas|because|although|though|that|which|where|whether|who)\b)/u;
/** A relative clause: ", who took office in July 2024," or "…, which began in 2019." */
const RELATIVE = /(?:,\s+|\s)(?:who|which|whose)\s+[^,;]*(?:,|;|$)/gu;
/** Relations of a participle that only modifies a noun ("the orbiting station"). */
const NOUN_MODIFIER = new Set(['amod', 'compound', 'det']);
/**
 * A verb of the clause, as the tagger reads it (auxiliaries are not the action), unless the parse
 * reads a present participle as a noun's modifier ("the orbiting station").
 */
function isVerb(doc: Doc, i: number, parse: readonly Dependency[] | undefined): boolean {
  const token = doc.layers.tokens![i]!;
  if (token.pos !== 'VERB') return false;
  // Only a present participle is trusted to be a modifier: the parse misreads a past verb before a noun ("X rejected statements") as one.
  return !(parse?.[i] && NOUN_MODIFIER.has(parse[i]!.rel) && /ing$/i.test(doc.text.slice(token.start, token.end)));
}
/** Prepositions that put a name in a modifier ("talks with Kell", "a message to Kell"), not in the subject. */
const PREPOSITION_BEFORE = /(?:^|\s)(?:in|into|on|at|to|from|with|of|for|about|against|toward|towards|between|among|under|over|across|through|without|amid|despite|regarding|after|before|during|near|like|including)\s+(?:the\s+|a\s+|an\s+)?$/i;
const PRONOUN = /^(?:he|she|they|it|we)$/i;
/** A body named by its function, as the subject before the verb: "the Veskarian mission to the United Nations". */
const DESCRIBED_BODY = /\bthe\s+((?:\p{Lu}[\p{L}’'-]*\s+)*(?:mission|ministry|embassy|delegation|government|office|committee|council|parliament|commission|cabinet|presidency|army|military|police|court|agency)(?:\s+(?:to|of|for|in)\s+(?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)*)?)\s*,?\s*$/u;
/** People described by their nationality, as the subject before the verb: "Veskarian officials", "Kellish diplomats". */
const NATIONALITY_GROUP = /\b(\p{Lu}[\p{L}’'-]+)\s+(?:officials?|diplomats?|leaders?|authorities|negotiators?|forces|troops|government|delegation|side|ministers?|lawmakers|media|state media)\s*,?\s*$/u;
/** Auxiliaries, negation and adverbs between a subject and its verb. */
const AUXILIARY_TAIL = /(?:\s+(?:has|have|had|is|are|was|were|will|would|could|can|may|might|should|must|did|does|do|been|be|not|also|then|\p{Ll}+ly))+\s*$/u;
/** A role after a body's name: the person speaking for it, unnamed ("a UN official", "a Kremlin spokesman"). */
const UNNAMED_MEMBER = /^\s+(officials?|spokes(?:man|woman|person)|sources?|diplomats?|envoys?|negotiators?|representatives?|aides?)\b/i;
/** An aside between commas that describes the name before it: ", a member of …,", ", the former head of …,", ", two retired pilots,". */
const APPOSITIVE = /,\s+(?:a|an|the|who|which|whose|former|then|also|two|three|four|five|six|several|both)\b[^,;]*,/giu;
/** A name in quote marks after a description: the newspaper “X”. */
const QUOTED_NAME = /\b(?:newspaper|daily|website|agency|outlet|channel|magazine|weekly|group|party|movement|front)\s+[“"](\p{Lu}[^”"]{1,40})[”"]\s*,?\s*$/u;

/**
 * Where the clause holding a point starts and ends, within the sentence: the relative clause
 * holding it ("…, who took office in July 2024,"), else the main clause it is in, whose relative
 * clauses are asides (see `asidesIn`).
 */
export function clauseAround(text: string, sentence: Span, at: Span): Span {
  let within = sentence;
  for (const m of text.slice(sentence.start, sentence.end).matchAll(RELATIVE)) {
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    if (start <= at.start && at.end <= end) within = { start: start + /^(?:,\s+|\s)\S+\s+/u.exec(m[0])![0].length, end };
  }
  const before = text.slice(within.start, at.start);
  let start = within.start;
  for (const m of before.matchAll(CLAUSE_START)) start = within.start + m.index + m[0].length;
  const after = text.slice(at.end, within.end);
  const end = CLAUSE_END.exec(after);
  const clause = { start, end: end ? at.end + end.index : within.end };
  // A point inside quoted words: what was said is a clause of its own, apart from the verb that reports it.
  const quoted = quoteAround(text, within, at);
  return quoted ? { start: Math.max(clause.start, quoted.start), end: Math.min(clause.end, quoted.end) } : clause;
}

/** The quoted words holding a point of a sentence (curly or straight marks), or undefined. */
function quoteAround(text: string, sentence: Span, at: Span): Span | undefined {
  const body = text.slice(sentence.start, sentence.end);
  for (const m of body.matchAll(/[“"]([^“”"]*)[”"]/gu)) {
    const start = sentence.start + m.index + 1;
    const end = start + m[1]!.length;
    if (start <= at.start && at.end <= end) return { start, end };
  }
  return undefined;
}

function mentionsIn(doc: Doc, span: Span): EntityMention[] {
  return (doc.layers.entities ?? []).filter((m) => m.start >= span.start && m.end <= span.end && ACTOR_TYPES.has(m.type));
}

/**
 * A mention that heads a subject: not a possessor of another noun, not inside a prepositional
 * phrase; a name right before the verb is its subject whatever stands before it ("Leader of the
 * Islamic Revolution Ayatollah X said").
 */
function subjectLike(doc: Doc, m: EntityMention, from: number, verb?: number): boolean {
  if (/^[’']s\b/.test(doc.text.slice(m.end, m.end + 3))) return false;
  if (verb !== undefined && /^\s*(?:\p{Ll}+ly\s+)?$/u.test(doc.text.slice(m.end, verb))) return true;
  // A name joined by "and" to one in a prepositional phrase is in it too ("talks between the envoys of X and Y ended").
  const lead = doc.text.slice(Math.max(from, m.start - 60), m.start).replace(/(?:\s+(?:the|a|an|its|his|her|their|\p{Lu}[\p{L}.’'-]*))*(?:\s+and(?:\s+(?:the|a|an|its|his|her|their|\p{Lu}[\p{L}.’'-]*))+)?\s+and\s*$|(?:\s+(?:the|a|an|its|his|her|their|\p{Lu}[\p{L}.’'-]*))*\s*$/u, ' ');
  return !PREPOSITION_BEFORE.test(lead);
}

function named(ctx: StoryContext, doc: Doc, m: EntityMention): Actor | undefined {
  if (datelinePlace(doc, m)) return undefined;
  const state = stateOfMinistry(ctx, doc, m);
  if (state) return state;
  const n = storyName(ctx, doc, m.entity);
  return n ? { id: n.id, name: withNationality(doc, m, n.name) } : undefined;
}

/** A body of a state's executive, named as one organisation ("Commerce Ministry", "Federal Government"). */
const STATE_BODY_NAME = /\b(?:ministry|government|cabinet)$/i;
/** A country's possessive right before a name: "Veskaria’s ". */
const POSSESSIVE_BEFORE = /[’']s\s+$/u;

/**
 * A ministry or government written with its state ("Veskaria’s Trade Ministry", "the Veskarian
 * Trade Ministry"): the state, as another outlet reporting the same act writes it ("Veskaria said
 * it would retaliate"). Other bodies (a mission, an agency, a national Red Cross) keep their name.
 */
function stateOfMinistry(ctx: StoryContext, doc: Doc, m: EntityMention): Actor | undefined {
  if (m.type !== 'ORG' || !STATE_BODY_NAME.test(doc.text.slice(m.start, m.end))) return undefined;
  const lead = doc.text.slice(Math.max(0, m.start - 40), m.start);
  if (POSSESSIVE_BEFORE.test(lead)) {
    const owner = (doc.layers.entities ?? []).filter((x) => x.end <= m.start && x.type === 'GPE' && /^[’']s\s+$/u.test(doc.text.slice(x.end, m.start))).pop();
    const n = owner ? storyName(ctx, doc, owner.entity) : undefined;
    if (n) return { id: n.id, name: n.name };
  }
  const word = NATIONALITY_BEFORE.exec(lead)?.[1];
  return word !== undefined && countryNamed(word) === undefined ? countryActor(ctx, word) : undefined;
}

/** A nationality word right before an organisation's name, in capitals ("the Veskarian Red Cross"). */
const NATIONALITY_BEFORE = /(?:^|\bthe\s+)(\p{Lu}\p{Ll}+)\s$/u;

/**
 * An organisation written with its nationality, which the entity layer left out of the name ("the
 * Veskarian Red Cross" → "Red Cross"): its full name, since the nationality tells one national body from another.
 */
function withNationality(doc: Doc, m: EntityMention, name: string): string {
  if (m.type !== 'ORG') return name;
  const word = NATIONALITY_BEFORE.exec(doc.text.slice(Math.max(0, m.start - 40), m.start))?.[1];
  const demonym = word !== undefined && countryOfQualifier(word) !== undefined && countryNamed(word) === undefined;
  return demonym && !name.includes(word) ? `${word} ${name}` : name;
}

/** The country entity of a nationality word, when the story has one ("Veskarian" → Veskaria). */
function countryActor(ctx: StoryContext, word: string): Actor | undefined {
  const code = countryOfQualifier(word);
  if (!code) return undefined;
  const entity = ctx.entities.entities.find((e) => (e.type === 'GPE' || e.type === 'LOC') && countryOfQualifier(e.name) === code);
  return entity ? { id: entity.id, name: entity.name } : undefined;
}

/** The doer written before a point of the clause: a named subject, a described body, a nationality, a quoted name. */
function subjectBefore(ctx: StoryContext, doc: Doc, clause: Span, point: number): Actor | undefined {
  // The subject ends before the auxiliaries and adverbs of its verb: "Veskarian officials have (recently) held".
  const at = clause.start + doc.text.slice(clause.start, point).replace(AUXILIARY_TAIL, '').length;
  const lead = doc.text.slice(clause.start, at);
  const body = DESCRIBED_BODY.exec(lead);
  // Names inside an aside ("X, a member of the Y Committee, said") describe the subject; they are not it.
  const asides = asidesIn(doc, { start: clause.start, end: at });
  const mentions = mentionsIn(doc, { start: clause.start, end: at })
    .filter((m) => subjectLike(doc, m, clause.start, at) && !asides.some((a) => a.start <= m.start && m.end <= a.end));
  const last = mentions[mentions.length - 1];
  const bodyIsSubject = body && body[1]!.includes(' ') && !PREPOSITION_BEFORE.test(lead.slice(0, body.index));
  if (bodyIsSubject && (!last || last.start >= clause.start + body.index)) {
    // "the Veskarian mission to the United Nations": the body, not the place named inside it.
    return { id: null, name: body[1]!.replace(/\s+/g, ' ').trim() };
  }
  // "A UN official said": one of the body's people, unnamed, not the body itself.
  const role = last ? UNNAMED_MEMBER.exec(doc.text.slice(last.end, at)) : null;
  if (last && role) return { id: null, name: `${doc.text.slice(last.start, last.end)} ${role[1]!.toLowerCase()}` };
  if (last) return named(ctx, doc, last);
  // "Kell’s economy contracted": the owner of the subject is who it is about.
  const owner = mentionsIn(doc, { start: clause.start, end: at }).filter((m) => /^[’']s(?:\s+\p{Ll}[\p{L}-]*){1,3}\s*$/u.test(doc.text.slice(m.end, at))).pop();
  if (owner) return named(ctx, doc, owner);
  const quoted = QUOTED_NAME.exec(lead);
  if (quoted) return { id: null, name: quoted[1]!.trim() };
  const group = NATIONALITY_GROUP.exec(lead);
  return group ? countryActor(ctx, group[1]!) : undefined;
}

/** Who the reference layer says a pronoun, role or title stands for. */
function pronounActorByReference(ctx: StoryContext, doc: Doc, pronoun: Span): Actor | undefined {
  const ref = referencesOf(doc)?.find((r) => r.start <= pronoun.start && pronoun.end <= r.end);
  const n = ref ? storyName(ctx, doc, ref.entity) : undefined;
  return n ? { id: n.id, name: n.name } : undefined;
}

/**
 * The person a pronoun stands for: resolved by the reference layer, else the last person named
 * before it ("they" stands for a group or several, never for one person named before).
 */
function pronounActor(ctx: StoryContext, doc: Doc, pronoun: Span): Actor | undefined {
  const resolved = pronounActorByReference(ctx, doc, pronoun);
  if (resolved || /^they$/i.test(doc.text.slice(pronoun.start, pronoun.end))) return resolved;
  const person = (doc.layers.entities ?? []).filter((m) => m.end <= pronoun.start && m.type === 'PERSON' && pronoun.start - m.end < 600).pop();
  return person ? named(ctx, doc, person) : undefined;
}

/** Nouns naming a body that acts for a state ("the Veskarian government", "the Kellish ministry"). */
const BODY_NOUN = /^(?:government|ministry|mission|embassy|delegation|army|military|administration|cabinet|parliament|side|leadership|regime|authorities)$/i;
/** Relative pronouns: the subject of a relative clause is the noun the clause hangs on ("a storm which hit"). */
const RELATIVE_PRONOUN = /^(?:which|that|who)$/i;
/** Dependents that are not part of a noun phrase's name: clauses, asides, lists and punctuation. */
const NOT_IN_PHRASE = new Set(['acl', 'acl:relcl', 'appos', 'punct', 'advcl', 'conj', 'cc', 'parataxis', 'det', 'dep']);
/** A described doer has at most this many words ("officials in eastern Kell"); longer, only its head and modifiers. */
const MAX_DESCRIBED_WORDS = 6;

/** Every token under `head` in the parse, except branches the predicate cuts. */
function subtree(parse: readonly Dependency[], head: number, cut: (k: number) => boolean): number[] {
  const out = [head];
  for (let n = 0; n < out.length; n++) parse.forEach((d, k) => { if (d.head === out[n] && !cut(k)) out.push(k); });
  return out.sort((a, b) => a - b);
}

/** The words of a common-noun doer, determiner and clauses left out: "the storm" → "storm", "Officials in eastern Kell". */
function describedPhrase(doc: Doc, parse: readonly Dependency[], head: number): string | undefined {
  const tokens = doc.layers.tokens!;
  const full = subtree(parse, head, (k) => NOT_IN_PHRASE.has(parse[k]!.rel));
  const contiguous = full.every((k, n) => n === 0 || k === full[n - 1]! + 1);
  const words = contiguous && full.length <= MAX_DESCRIBED_WORDS ? full
    : subtree(parse, head, (k) => !['compound', 'amod'].includes(parse[k]!.rel) || k > head);
  const text = doc.text.slice(tokens[words[0]!]!.start, tokens[words[words.length - 1]!]!.end).replace(/\s+/g, ' ').trim();
  return /\p{L}{3}/u.test(text) ? text : undefined;
}

/**
 * A definite description's named referent: the one story entity whose name holds the description's
 * head noun ("the storm" → "Storm Daniel", "the ministry" when the story names one ministry).
 */
function headMatch(ctx: StoryContext, phrase: string): Actor | undefined {
  if (!/^\p{Ll}+$/u.test(phrase)) return undefined;
  const hits = entitiesByNameWord(ctx.entities).get(phrase) ?? [];
  return hits.length === 1 ? { id: hits[0]!.id, name: hits[0]!.name } : undefined;
}

/** Story entities by each lower-cased word of their name, built once per entity table (not scanned for every described doer). */
const nameWordIndex = new WeakMap<StoryContext['entities'], ReadonlyMap<string, readonly StoryEntity[]>>();

function entitiesByNameWord(entities: StoryContext['entities']): ReadonlyMap<string, readonly StoryEntity[]> {
  let index = nameWordIndex.get(entities);
  if (!index) {
    const byWord = new Map<string, StoryEntity[]>();
    for (const e of entities.entities) {
      for (const w of new Set(e.name.toLowerCase().split(/[\s-]+/))) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(e);
    }
    index = byWord;
    nameWordIndex.set(entities, index);
  }
  return index;
}

/**
 * "they" with no resolved reference: the subject of the clause it depends on, when that is a group
 * ("Officials in eastern Kell warned…, and on Sunday, they ordered…").
 */
function pluralAntecedent(ctx: StoryContext, doc: Doc, parse: readonly Dependency[], pronoun: number): Actor | undefined {
  let clause = parse[pronoun]!.head;
  for (let steps = 0; clause >= 0 && steps < 3; steps++) {
    if (!['advcl', 'conj', 'ccomp', 'xcomp'].includes(parse[clause]!.rel)) return undefined;
    clause = parse[clause]!.head;
    if (clause < 0) return undefined;
    const at = clause;
    const subject = parse.findIndex((d, k) => d.head === at && SUBJECT_REL.test(d.rel) && k !== pronoun);
    if (subject >= 0) return tokenActor(ctx, doc, parse, subject, true, new Set([pronoun]));
  }
  return undefined;
}

const SUBJECT_REL = /^nsubj$/;

/** The actor a doer token stands for: a named entity, a resolved pronoun, a nationality's country or a described group. */
function tokenActor(ctx: StoryContext, doc: Doc, parse: readonly Dependency[], doer: number, described: boolean, seen: Set<number> = new Set()): Actor | undefined {
  const token = doc.layers.tokens![doer]!;
  const word = doc.text.slice(token.start, token.end);
  // "a storm which hit Kell": the noun the relative clause is about.
  const clause = parse[doer]!.head;
  if (RELATIVE_PRONOUN.test(word) && clause >= 0 && parse[clause]!.rel.startsWith('acl') && parse[clause]!.head >= 0 && !seen.has(clause)) {
    return tokenActor(ctx, doc, parse, parse[clause]!.head, described, new Set([...seen, doer]));
  }
  const mention = (doc.layers.entities ?? []).find((m) => m.start <= token.start && token.end <= m.end && ACTOR_TYPES.has(m.type));
  if (mention) return named(ctx, doc, mention);
  // A role or title the reference layer resolved ("the U.S. president", "the minister").
  const role = !PRONOUN.test(word) ? referencesOf(doc)?.find((r) => r.kind !== 'pronoun' && r.start <= token.start && token.end <= r.end) : undefined;
  const resolvedRole = role ? storyName(ctx, doc, role.entity) : undefined;
  if (resolvedRole) return { id: resolvedRole.id, name: resolvedRole.name };
  if (PRONOUN.test(word)) {
    const resolved = pronounActorByReference(ctx, doc, token);
    if (resolved) return resolved;
    if (/^they$/i.test(word) && !seen.has(doer)) return pluralAntecedent(ctx, doc, parse, doer) ?? pronounActor(ctx, doc, token);
    return pronounActor(ctx, doc, token);
  }
  const list = parse[doer]!.upos === 'NOUN' ? parallelBodies(doc, doer) : undefined;
  if (list) return list;
  const country = countryActor(ctx, word);
  if (country || !described || parse[doer]!.upos !== 'NOUN') return country;
  return describedActor(ctx, doc, parse, doer);
}

/**
 * A doer listed with others of its kind, each qualified by a name or nationality ("a Veskarian
 * delegation led by …, a Dornish delegation headed by … and …"): all of them, as one described
 * actor ("Veskarian and Dornish delegations"), not the first one's country nor its leader.
 */
/** An article and a capitalised qualifier right before a noun ("a Dornish "). */
const QUALIFIED_BEFORE = /\b(?:an?|the)\s+\p{Lu}[\p{L}.’'-]*\s+$/u;

function parallelBodies(doc: Doc, doer: number): Actor | undefined {
  const token = doc.layers.tokens![doer]!;
  const head = doc.text.slice(token.start, token.end);
  const sentence = doc.layers.sentences?.find((s) => s.start <= token.start && token.end <= s.end);
  if (!sentence || !/^\p{Ll}{3,}$/u.test(head)) return undefined;
  // The doer itself must be one of the list, qualified ("a Dornish delegation"): the pattern with its noun is compiled for those alone.
  if (!QUALIFIED_BEFORE.test(doc.text.slice(sentence.start, token.start))) return undefined;
  const each = cachedRegExp(`\\b(?:an?|the)\\s+(\\p{Lu}[\\p{L}.’'-]*)\\s+${head}\\b`, 'gu');
  const items = [...doc.text.slice(sentence.start, sentence.end).matchAll(each)];
  const qualifiers = [...new Set(items.map((m) => m[1]!))];
  if (qualifiers.length < 2 || !items.some((m) => sentence.start + m.index + m[0].length === token.end)) return undefined;
  return { id: null, name: `${qualifiers.slice(0, -1).join(', ')} and ${qualifiers[qualifiers.length - 1]} ${head}s` };
}

/** A plural noun that counts two parties: "both sides", "the two countries", "both delegations". */
function bothOf(doc: Doc, parse: readonly Dependency[], doer: number, near: readonly number[]): boolean {
  const tokens = doc.layers.tokens!;
  const word = (k: number): string => doc.text.slice(tokens[k]!.start, tokens[k]!.end).toLowerCase();
  if (parse[doer]!.upos !== 'NOUN' || !/s$/.test(word(doer))) return false;
  return near.some((k) => (word(k) === 'both' && ['det', 'det:predet', 'amod'].includes(parse[k]!.rel)) || (word(k) === 'two' && parse[k]!.rel === 'nummod'));
}

/** How far back (in characters) the two parties of "both sides" may be named. */
const PAIR_REACH = 400;

/**
 * The last two parties named together before a point ("Veskaria and Dornland … both delegations"):
 * two names joined by "and", each an organisation, a state or a person, as one described actor.
 */
function pairNamedBefore(ctx: StoryContext, doc: Doc, at: number): Actor | undefined {
  const mentions = (doc.layers.entities ?? []).filter((m) => m.end <= at && at - m.end < PAIR_REACH && ACTOR_TYPES.has(m.type));
  for (let k = mentions.length - 1; k > 0; k--) {
    const a = mentions[k - 1]!;
    const b = mentions[k]!;
    if (a.type !== b.type || !/^\s*,?\s+and\s+(?:the\s+)?$/u.test(doc.text.slice(a.end, b.start))) continue;
    const first = storyName(ctx, doc, a.entity);
    const second = storyName(ctx, doc, b.entity);
    if (first && second && first.id !== second.id) return { id: null, name: `${first.name} and ${second.name}` };
  }
  return undefined;
}

/**
 * A common-noun doer: the entity it belongs to when the phrase names one ("Kell’s economy" → Kell,
 * "Veskarian officials" → Veskaria, "Defence Minister Ana Oresk" → Oresk), the one story entity its
 * head noun names ("the storm" → Storm Aldric), else the group as written ("officials in eastern Kell").
 */
function describedActor(ctx: StoryContext, doc: Doc, parse: readonly Dependency[], doer: number): Actor | undefined {
  const tokens = doc.layers.tokens!;
  const near = parse.flatMap((d, k) => (d.head === doer ? [k] : []));
  const inside = (k: number): EntityMention | undefined => (doc.layers.entities ?? []).find((m) => m.start <= tokens[k]!.start && tokens[k]!.end <= m.end && ACTOR_TYPES.has(m.type));
  // A country before one office-holder ("the U.S. president") qualifies the person, it does not act: only groups and bodies stand for it.
  const head = doc.text.slice(tokens[doer]!.start, tokens[doer]!.end);
  const forCountry = /s$/i.test(head) || BODY_NOUN.test(head);
  const stands = (m: EntityMention): boolean => forCountry || m.type !== 'GPE';
  for (const rel of ['nmod:poss', 'flat', 'appos', 'compound']) {
    const k = near.find((c) => parse[c]!.rel === rel && inside(c) && (rel === 'nmod:poss' || stands(inside(c)!)));
    if (k !== undefined) return named(ctx, doc, inside(k)!);
  }
  for (const k of forCountry ? near.filter((c) => parse[c]!.rel === 'amod') : []) {
    const country = countryActor(ctx, doc.text.slice(tokens[k]!.start, tokens[k]!.end));
    if (country) return country;
  }
  const pair = bothOf(doc, parse, doer, near) ? pairNamedBefore(ctx, doc, tokens[doer]!.start) : undefined;
  if (pair) return pair;
  const phrase = describedPhrase(doc, parse, doer);
  if (!phrase) return undefined;
  return headMatch(ctx, phrase.toLowerCase() === phrase ? phrase : '') ?? { id: null, name: phrase };
}

/**
 * A dated noun that heads a relative clause it is the subject of ("a 2011 uprising that toppled the
 * ruler"): the thing dated is what acted.
 */
function datedNounDoer(ctx: StoryContext, doc: Doc, parse: readonly Dependency[], date: Span): Actor | undefined {
  const tokens = doc.layers.tokens!;
  const inDate = (k: number): boolean => k >= 0 && tokens[k]!.start >= date.start && tokens[k]!.end <= date.end;
  const top = tokens.findIndex((t, k) => t.start >= date.start && t.end <= date.end && !inDate(parse[k]!.head));
  const noun = top >= 0 ? parse[top]!.head : -1;
  if (noun < 0 || parse[noun]!.upos !== 'NOUN' || !['nummod', 'amod', 'compound', 'nmod', 'nmod:tmod'].includes(parse[top]!.rel)) return undefined;
  const relative = parse.findIndex((d, k) => d.head === noun && d.rel === 'acl:relcl'
    && parse.some((x, j) => x.head === k && x.rel === 'nsubj' && RELATIVE_PRONOUN.test(doc.text.slice(tokens[j]!.start, tokens[j]!.end))));
  return relative >= 0 ? describedActor(ctx, doc, parse, noun) : undefined;
}

/**
 * The parse's doer of the word at a point, mapped to an entity mention, a resolved reference or a
 * country; with `described`, also a group or thing named by a common noun (asked only when nothing
 * else names the doer, since a described doer keeps reports apart that a named one would join).
 */
function parsedDoer(ctx: StoryContext, doc: Doc, at: number, date: Span, described: boolean): Actor | undefined {
  const parse = syntaxOf(doc);
  const i = tokenAt(doc, at);
  if (!parse || i < 0) return undefined;
  const tokens = doc.layers.tokens!;
  if (described) {
    const thing = datedNounDoer(ctx, doc, parse, date);
    if (thing) return thing;
  }
  const doer = doerOf(parse, i, (k) => tokens[k]!.start < date.end && date.start < tokens[k]!.end);
  return doer === undefined ? undefined : tokenActor(ctx, doc, parse, doer, described);
}

/**
 * Who does what the word at a point names, by the parse alone: its clause's subject (a passive's
 * agent) resolved to an entity, through the reference layer for pronouns, roles and capitals, or a
 * nationality's country; with `described`, a group named by a common noun. Stances read their
 * holders with it when the words around a cue name nobody.
 */
export function parsedDoerAt(ctx: StoryContext, doc: Doc, at: number, described = false): Actor | undefined {
  const parse = syntaxOf(doc);
  const i = tokenAt(doc, at);
  if (!parse || i < 0) return undefined;
  const doer = doerOf(parse, i);
  return doer === undefined ? undefined : tokenActor(ctx, doc, parse, doer, described);
}

/** A caption: a picture (or a set of them) from a named provider that shows something ("This combination of satellite images from Corvel Imaging shows …"). */
const CAPTION = /^\s*(?:(?:this|these|the|an?)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:image|photo|photograph|picture|footage|video|combination|composite|screenshot|still)s?\b([^.;:]*?)\b(?:shows?|showing|depicts?|depicting)\b/iu;
/** The provider's name after "from", "by" or "courtesy of" in the caption's subject: capitalised words. */
const PROVIDED_BY = /\b(?:from|by|courtesy\s+of)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}&.’'-]*(?:\s+\p{Lu}[\p{L}\p{N}&.’'-]*)*)/u;

/**
 * The named provider of a caption's pictures (a person or organisation): the entity named there,
 * else the name as written (a provider the entity layer missed). Undefined when the sentence is no caption.
 */
function pictureProvider(ctx: StoryContext, doc: Doc, sentence: Span): Actor | undefined {
  const caption = CAPTION.exec(doc.text.slice(sentence.start, sentence.end));
  const by = caption ? PROVIDED_BY.exec(caption[1]!) : null;
  if (!caption || !by) return undefined;
  const start = sentence.start + caption.index + caption[0].indexOf(caption[1]!) + by.index + by[0].length - by[1]!.length;
  const span = { start, end: start + by[1]!.length };
  const mention = (doc.layers.entities ?? []).find((m) => m.start < span.end && span.start < m.end && ACTOR_TYPES.has(m.type));
  if (mention?.type === 'GPE') return undefined;
  return (mention && named(ctx, doc, mention)) ?? { id: null, name: by[1]! };
}

/** True when the parse gives the verb at a span a subject or agent of its own (false without a parse, or when it gives none). */
function parsedOwnDoer(doc: Doc, verb: Span): boolean {
  const parse = syntaxOf(doc);
  const i = tokenAt(doc, verb.start);
  return parse !== undefined && i >= 0 && hasOwnDoer(parse, i);
}

/**
 * The subject written right before a verb, auxiliaries aside: a name ("…, and the spokesperson for
 * the ministry, Ana Oresk, indicated") or a body named by its function ("…, the Veskarian mission to
 * the United Nations affirmed"). A name inside a prepositional phrase or a possessive is not one.
 */
function subjectRightBefore(ctx: StoryContext, doc: Doc, sentence: Span, verb: Span): Actor | undefined {
  const lead = doc.text.slice(sentence.start, verb.start).replace(AUXILIARY_TAIL, '');
  const end = sentence.start + lead.replace(/\s*,?\s*$/u, '').length;
  const last = mentionsIn(doc, { start: sentence.start, end }).pop();
  if (last && last.end === end && subjectLike(doc, last, sentence.start)) return named(ctx, doc, last);
  const body = DESCRIBED_BODY.exec(lead);
  if (body && body[1]!.includes(' ') && !PREPOSITION_BEFORE.test(lead.slice(0, body.index))) return { id: null, name: body[1]!.replace(/\s+/g, ' ').trim() };
  return undefined;
}

/** What a date in a sentence dates: the doer, where the action is named, and the clause. */
export interface DatedAction {
  readonly actor: Actor | undefined;
  /** The verb or event noun that names the action, when one is found. */
  readonly action: Span | undefined;
  /** True when the action is a noun ("the US withdrawal in 2018"). */
  readonly nominal: boolean;
  /** True when the doer is a passive's agent ("statements made by X"). */
  readonly passive: boolean;
  /** What was done, when the clause names it but no doer ("the KHB, signed in 2029"). */
  readonly theme?: Span;
  readonly clause: Span;
}

/** The tokens (with their indices) inside a span, found by binary search: a dated action must not scan the whole article. */
function tokensWithin<T extends Span>(tokens: readonly T[], span: Span): { t: T; i: number }[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: { t: T; i: number }[] = [];
  for (let i = lo; i < tokens.length && tokens[i]!.start < span.end; i++) if (tokens[i]!.end <= span.end) out.push({ t: tokens[i]!, i });
  return out;
}

/**
 * Who did what a date in a sentence is the date of. `predicate` is where the action is named
 * when the event layer found it (a verb or an event noun), else the verb nearest the date is used.
 */
export function readDated(ctx: StoryContext, doc: Doc, sentence: Span, date: Span, predicate?: Span): DatedAction {
  const clause = clauseAround(doc.text, sentence, date);
  const tokens = doc.layers.tokens ?? [];
  const asides = asidesIn(doc, clause);
  const inClause = tokensWithin(tokens, clause).filter(({ t }) => !asides.some((a) => a.start <= t.start && t.end <= a.end));
  const parse = syntaxOf(doc);
  const verbs = inClause.filter(({ i }) => isVerb(doc, i, parse));
  const before = verbs.filter(({ t }) => t.end <= date.start).pop()?.t;
  // A participle after the date that qualifies a noun ("there will be a delegation led by X") is not the clause's action.
  const after = verbs.find(({ t, i }) => t.start >= date.end && parse?.[i]?.rel !== 'acl')?.t;
  // An event noun between the verb and the date is what the date dates ("the US withdrawal in 2018").
  const noun = predicate && predicate.start >= clause.start && predicate.end <= date.start && (!before || predicate.start > before.end)
    && !tokensWithin(tokens, predicate).some(({ t }) => t.pos === 'VERB') ? predicate : undefined;
  const verb = noun ? undefined : before ?? after;
  const action: Span | undefined = noun ?? (verb ? { start: verb.start, end: verb.end } : undefined);
  const base = { action, nominal: noun !== undefined, clause };
  // "the accord (VA), signed in 2029, …" with no subject of its own: what was done, not a doer the parse climbs to.
  const doerless = verb !== undefined && !parsedOwnDoer(doc, verb);
  const theme = doerless ? reducedRelative(doc, clause, verb) : undefined;
  if (theme) return { ...base, actor: undefined, passive: false, theme };
  // A caption's dates are when its pictures were taken, by whoever provided them.
  const provider = pictureProvider(ctx, doc, sentence);
  if (provider) return { ...base, actor: provider, passive: false };
  // A verb the parse gave no subject of its own, right after a name or a body: the parse climbed past the subject written there.
  const written = doerless ? subjectRightBefore(ctx, doc, sentence, verb) : undefined;
  if (written) return { ...base, actor: written, passive: false };
  const parsed = parsedDoer(ctx, doc, (action ?? date).start, date, false);
  if (parsed) return { ...base, actor: parsed, passive: false };
  const read = { ...base, ...heuristicDoer(ctx, doc, sentence, clause, date, noun, verb) };
  if (!read.actor && !read.theme) {
    const described = parsedDoer(ctx, doc, (action ?? date).start, date, true);
    if (described) return { ...base, actor: described, passive: false };
  }
  // "talks …, the latest of which was in mid-January": a relative clause that names no doer dates the main clause's action.
  const relative = /(?:,\s*|\s)(?:of\s+)?(?:which|whom)\s+\S*\s*$/i.exec(doc.text.slice(sentence.start, clause.start)) ?? /\bof\s+which\s+/i.exec(doc.text.slice(Math.max(sentence.start, clause.start - 30), clause.start));
  if (!read.actor && !read.theme && relative && clause.start > sentence.start) {
    const at = { start: sentence.start + Math.max(0, doc.text.slice(sentence.start, clause.start).search(/[,\s]+(?:the\s+\p{Ll}+\s+of\s+)?(?:which|whom)\b[^,]*$/u)), end: clause.start };
    const main = readDated(ctx, doc, { start: sentence.start, end: at.start }, { start: at.start, end: at.start }, undefined);
    if (main.actor) return main;
  }
  return read;
}

/** An aside between commas that names the one before it: ", Ismail Example,". */
const NAME_ASIDE = /,\s+\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*)*\s*,/gu;

/**
 * Asides between commas in a clause (", a member of …,", ", also known as …,", ", who led …,"):
 * they describe, they do not act. One that opens with an article and holds a verb is a clause
 * of its own (", the mission affirmed …,"), not an aside.
 */
function asidesIn(doc: Doc, span: Span): Span[] {
  const out: Span[] = [];
  for (const m of doc.text.slice(span.start, span.end).matchAll(APPOSITIVE)) {
    const aside = { start: span.start + m.index, end: span.start + m.index + m[0].length };
    const relative = /^,\s+(?:who|which|whose|also)\b/i.test(m[0]);
    const hasVerb = (doc.layers.tokens ?? []).some((t) => t.start >= aside.start && t.end <= aside.end && t.pos === 'VERB');
    if (relative || !hasVerb) out.push(aside);
  }
  return out;
}

/**
 * A past participle right after a noun and a comma that closes no aside ("the KHB, signed in
 * 2029"): a reduced relative clause, whose noun is what was done, not who did it. Returns the
 * noun phrase before the comma, or undefined.
 */
function reducedRelative(doc: Doc, clause: Span, verb: Span): Span | undefined {
  const text = doc.text;
  if (!/(?:ed|en|wn|ung)$/i.test(text.slice(verb.start, verb.end))) return undefined;
  const before = text.slice(clause.start, verb.start);
  const comma = /([\p{L})])\s*,\s*$/u.exec(before);
  if (!comma) return undefined;
  const closeAt = clause.start + comma.index + 1;
  const closes = (spans: Iterable<{ index: number; 0: string }>): boolean => [...spans].some((a) => clause.start + a.index + a[0].length - 1 === closeAt);
  if (asidesIn(doc, clause).some((a) => a.end - 1 === closeAt) || closes(before.matchAll(NAME_ASIDE))) return undefined;
  const mention = (doc.layers.entities ?? []).filter((m) => m.end <= closeAt && /^\s*(?:\([^)]*\))?$/.test(text.slice(m.end, closeAt))).pop();
  if (mention && mention.start >= clause.start) return { start: mention.start, end: closeAt };
  const words = /(?:\S+\s+){0,3}\S+$/u.exec(text.slice(clause.start, closeAt));
  return words ? { start: clause.start + words.index, end: closeAt } : undefined;
}

function heuristicDoer(ctx: StoryContext, doc: Doc, sentence: Span, clause: Span, date: Span, noun: Span | undefined, verb: Span | undefined): { actor: Actor | undefined; passive: boolean; theme?: Span } {
  const done = (actor: Actor | undefined, passive = false): { actor: Actor | undefined; passive: boolean } => ({ actor, passive });
  if (noun) {
    const owner = mentionsIn(doc, { start: clause.start, end: noun.start }).filter((m) => /^(?:[’']s)?\s*$/.test(doc.text.slice(m.end, noun.start))).pop();
    if (owner) return done(named(ctx, doc, owner));
    const nationality = /(\p{Lu}[\p{L}’'-]+)\s+$/u.exec(doc.text.slice(clause.start, noun.start));
    const country = nationality ? countryActor(ctx, nationality[1]!) : undefined;
    if (country) return done(country);
  }
  if (!verb) return done(subjectBefore(ctx, doc, clause, (noun ?? date).start));
  // A passive's agent: "statements made by X on March 8".
  const agent = /^\s+by\s+/.exec(doc.text.slice(verb.end, clause.end));
  if (agent) {
    // The agent's name ends its noun phrase: "by Kellish President Tomas Brandt" is Brandt.
    const phrase = /^[^,;]*?(?=\s+(?:on|in|at|from|to|for|with|during|after|before|who|which|that)\b|[,;]|$)/u.exec(doc.text.slice(verb.end + agent[0].length, clause.end))![0];
    const m = mentionsIn(doc, { start: verb.end, end: verb.end + agent[0].length + phrase.length }).pop();
    if (m) return done(named(ctx, doc, m), true);
  }
  const theme = reducedRelative(doc, clause, verb);
  if (theme) return { actor: undefined, passive: false, theme };
  // "the latter announced": the last one named before.
  const latter = /\bthe\s+latter\s+(?:\p{Ll}+ly\s+)?$/iu.exec(doc.text.slice(clause.start, verb.start));
  if (latter) {
    const m = (doc.layers.entities ?? []).filter((x) => x.end <= clause.start + latter.index && ACTOR_TYPES.has(x.type)).pop();
    if (m) return done(named(ctx, doc, m));
  }
  const pronoun = /\b(he|she|they|it)\s+(?:\p{Ll}+ly\s+)?$/iu.exec(doc.text.slice(clause.start, verb.start));
  if (pronoun) return done(pronounActor(ctx, doc, { start: clause.start + pronoun.index, end: clause.start + pronoun.index + pronoun[1]!.length }));
  const subject = subjectBefore(ctx, doc, clause, verb.start);
  if (subject) return done(subject);
  // "…, who took office in July 2024": the relative clause's antecedent.
  if (/(?:,\s*|\s)who\s*$/i.test(doc.text.slice(sentence.start, clause.start))) {
    const antecedent = mentionsIn(doc, { start: sentence.start, end: clause.start }).pop();
    if (antecedent) return done(named(ctx, doc, antecedent));
  }
  return done(undefined);
}
