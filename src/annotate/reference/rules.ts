import { afterQuote, type TextContext } from './context.js';
import { genderOf, type EntityState } from './features.js';
import { endsPhrase, type Candidate, type Description } from './mentions.js';
import type { EntityProfile } from './profiles.js';
import { GOVERNMENT_CLASSES, GOVERNMENT_VERBS, PORTFOLIOS, officeOf, roleClass } from './lexicon.js';

/**
 * The mentions resolved by rule rather than by the learned ranker, because
 * their grammar decides: a relative pronoun right after a name, "the former" /
 * "the latter" between the last two named, a demonym description of a state;
 * and the sieve that runs before the ranker on descriptions: an apposition to
 * a name, or the one entity the article gave that role or name; the "he said"
 * after a quote that continues the last speaker.
 */

/** "the latter" looks back this many sentences for the pair it chooses from. */
const ORDINAL_WINDOW = 1;

/** "Ana Oresk, who …": the named mention just before the relative pronoun, if its type fits. */
function relative(ctx: TextContext, c: Candidate): string | undefined {
  const i = c.first;
  const at = ctx.namedAt[i - 1] !== -1 ? i - 1 : ctx.lower[i - 1] === ',' && i > 1 && ctx.namedAt[i - 2] !== -1 ? i - 2 : -1;
  if (at === -1) return undefined;
  const m = ctx.named[ctx.namedAt[at]!]!;
  const w = ctx.lower[i]!;
  if ((w === 'who' || w === 'whom') && m.type !== 'PERSON') return undefined;
  if (w === 'which' && m.type === 'PERSON') return undefined;
  return m.entity;
}

/** "the latter" is the last of the entities mentioned in this and the previous sentence, "the former" the one before it, when there are exactly two. */
function ordinal(ctx: TextContext, c: Candidate, states: ReadonlyMap<string, EntityState>): string | undefined {
  const sentence = ctx.tokens[c.first]!.sentence;
  let recent = [...states.values()].filter((s) => s.lastSentence >= sentence - ORDINAL_WINDOW && s.lastLast < c.first);
  const people = recent.filter((s) => s.profile.type === 'PERSON');
  if (people.length >= 2) recent = people;
  recent.sort((a, b) => b.lastLast - a.lastLast);
  if (c.ordinal === 'latter' && recent.length >= 2) return recent[0]!.profile.id;
  if (c.ordinal === 'former' && recent.length === 2) return recent[1]!.profile.id;
  return undefined;
}

/** "the Veskarian side": the one country of the article with that demonym (a city of it is not the state). */
function demonym(c: Candidate, profiles: ReadonlyMap<string, EntityProfile>): string | undefined {
  const keys = c.description!.countries;
  const places = [...profiles.values()].filter((p) => (p.type === 'GPE' || p.type === 'LOC') && !p.isCity && keys.some((k) => p.countries.has(k)));
  const countries = places.filter((p) => p.isCountry);
  const pick = countries.length ? countries : places;
  return pick.length === 1 ? pick[0]!.id : undefined;
}

/** The entity a rule-resolved candidate refers to, or undefined when the rule abstains. */
export function resolveByRule(ctx: TextContext, c: Candidate, states: ReadonlyMap<string, EntityState>, profiles: ReadonlyMap<string, EntityProfile>): string | undefined {
  switch (c.kind) {
    case 'relative':
      return relative(ctx, c);
    case 'ordinal':
      return ordinal(ctx, c, states);
    case 'demonym':
      return demonym(c, profiles);
    default:
      return undefined;
  }
}

/** Role classes too general to pick one person by ("the official", "the author" is matched by its head noun instead). */
const GENERIC_CLASSES = new Set(['official', 'person']);

/** "Ana Oresk, the foreign minister," and "the foreign minister, Ana Oresk,": the name the description is set beside. */
function apposition(ctx: TextContext, c: Candidate, states: ReadonlyMap<string, EntityState>): string | undefined {
  const fits = (type: string): boolean => (c.description!.target === 'person' ? type === 'PERSON' : c.description!.target === 'org' ? type === 'ORG' : type === 'GPE' || type === 'LOC');
  // the description must end its phrase: "Velmar, the country's agency" sets the agency beside Velmar, not the country
  if (endsPhrase(ctx, c.last) && c.first >= 2 && ctx.lower[c.first - 1] === ',' && ctx.namedAt[c.first - 2] !== -1) {
    const m = ctx.named[ctx.namedAt[c.first - 2]!]!;
    if (fits(m.type) && states.has(m.entity)) return m.entity;
  }
  const after = c.last + 2;
  if (after < ctx.tokens.length && ctx.lower[c.last + 1] === ',' && ctx.namedAt[after] !== -1 && ctx.named[ctx.namedAt[after]!]!.first === after) {
    const m = ctx.named[ctx.namedAt[after]!]!;
    const close = m.last + 1 >= ctx.tokens.length || /^[,.;:)—–-]$/.test(ctx.lower[m.last + 1]!);
    if (fits(m.type) && close) return m.entity;
  }
  return undefined;
}

/** True when the person's roles fit the description: the same class of office (or, for a general class, the same noun) and no other portfolio. */
function roleFits(d: Description, p: EntityProfile): boolean {
  const general = d.roleClass === undefined || GENERIC_CLASSES.has(d.roleClass);
  const portfolio = d.modifiers.find((w) => PORTFOLIOS.has(w));
  // a bare noun ("the minister") fits any role with that noun ("foreign minister"); a qualified one needs its class
  const bare = !portfolio && roleClass(d.head, []) === d.roleClass;
  const fits = (!general && p.roleClasses.has(d.roleClass!)) || ((general || bare) && p.roleHeads.has(officeOf(d.head, d.modifiers)));
  if (!fits) return false;
  // "the defence minister" is not the finance minister
  if (portfolio && !p.roleWords.has(portfolio) && [...p.roleWords].some((w) => PORTFOLIOS.has(w))) return false;
  return true;
}

/**
 * The country keys of the description and of the person do not meet. A person the article
 * ties to no country is taken to be of the country it is most about (`home`), so "the U.S.
 * president" is not the president an article about another country names without a demonym.
 */
function otherCountry(d: Description, p: EntityProfile, home: string | undefined): boolean {
  if (d.countries.length === 0) return false;
  const theirs = p.countries.size > 0 ? p.countries : home ? new Set([home]) : undefined;
  return theirs !== undefined && !d.countries.some((k) => theirs.has(k));
}

/** An article is about a country when one is named at least this often. */
const HOME_MIN_MENTIONS = 2;

/**
 * The country key of the country the article names most (at least twice): a known country
 * if it names one, else the place it names most that is not a city (a country the package
 * does not know).
 */
export function homeCountry(profiles: ReadonlyMap<string, EntityProfile>, mentions: ReadonlyMap<string, number>): string | undefined {
  const most = (known: boolean): EntityProfile | undefined => {
    let best: EntityProfile | undefined;
    let count = HOME_MIN_MENTIONS - 1;
    for (const p of profiles.values()) {
      const n = mentions.get(p.id) ?? 0;
      if ((p.type === 'GPE' || p.type === 'LOC') && !p.isCity && (!known || p.isCountry) && n > count) {
        best = p;
        count = n;
      }
    }
    return best;
  };
  const home = most(true) ?? most(false);
  return home ? [...home.countries][0] : undefined;
}

/**
 * The one entity mentioned so far that the article gave this role (same class of office, or
 * the same head noun for other roles) and no other country; for an organisation, the one whose
 * name holds the head noun ("the ministry" → "Ministry of Foreign Affairs").
 */
function onlyCompatible(c: Candidate, states: ReadonlyMap<string, EntityState>, home: string | undefined): string | undefined {
  const d = c.description!;
  // "the leader of this new majority" is an office the article has not given anyone yet
  if (d.otherComplement) return undefined;
  const found: EntityState[] = [];
  for (const s of states.values()) {
    const p = s.profile;
    if (d.target === 'person') {
      if (p.type === 'PERSON' && roleFits(d, p) && !otherCountry(d, p, home)) found.push(s);
    } else if (d.target === 'org') {
      if (p.type === 'ORG' && p.nameWords.has(d.head)) found.push(s);
    }
  }
  if (found.length > 1 && d.countries.length) {
    const sameCountry = found.filter((s) => d.countries.some((k) => s.profile.countries.has(k)));
    if (sameCountry.length === 1) return sameCountry[0]!.profile.id;
  }
  return found.length === 1 ? found[0]!.profile.id : undefined;
}

/** A general description of a government person looks back this many sentences. */
const OFFICIAL_WINDOW = 2;

/**
 * "… Oresk said. The official added …": a general description of someone acting for a
 * government ("the official", "the spokesman", "the Veskarian official") is the person most
 * recently mentioned, within two sentences, whom the article gave such an office and no
 * other country, when no other such person was mentioned in that span.
 */
function recentOfficial(ctx: TextContext, c: Candidate, states: ReadonlyMap<string, EntityState>, home: string | undefined): string | undefined {
  const d = c.description!;
  if (d.target !== 'person' || d.otherComplement || (d.roleClass !== 'official' && d.roleClass !== 'spokesperson')) return undefined;
  const sentence = ctx.tokens[c.first]!.sentence;
  const fitting: EntityState[] = [];
  for (const s of states.values()) {
    const p = s.profile;
    if (p.type !== 'PERSON' || sentence - s.lastSentence > OFFICIAL_WINDOW || otherCountry(d, p, home)) continue;
    if (d.roleClass === 'spokesperson' ? p.roleClasses.has('spokesperson') : [...p.roleClasses].some((k) => GOVERNMENT_CLASSES.has(k))) fitting.push(s);
  }
  return fitting.length === 1 ? fitting[0]!.profile.id : undefined;
}

/** The sieve run on role and description mentions before the ranker: apposition, the only compatible entity, the official just named. */
export function sieveDescription(ctx: TextContext, c: Candidate, states: ReadonlyMap<string, EntityState>, home: string | undefined): string | undefined {
  return apposition(ctx, c, states) ?? onlyCompatible(c, states, home) ?? recentOfficial(ctx, c, states, home);
}

/** Words after "it" + a copula that make it a dummy subject: "it was unclear whether", "it is likely that". */
const EXTRAPOSED = new Set(['that', 'whether', 'if', 'to', 'how', 'why', 'when', 'what', 'who', 'for']);
const COPULAS = new Set(['is', 'was', "'s", '’s', 'be', 'been', 'would', 'will', 'could', 'might', 'may', 'seems', 'seemed', 'appears', 'appeared', 'remains', 'remained', 'became']);
/** Words between a speech verb and its clause's subject: "said on Monday that it". */
const MAX_CLAUSE_GAP = 5;

/** True when "it" at token i is a dummy subject: "it was unclear whether …", "it is time to …". */
function pleonastic(ctx: TextContext, i: number): boolean {
  let j = i + 1;
  while (j < ctx.tokens.length && j - i <= 3 && COPULAS.has(ctx.lower[j]!)) j++;
  if (j === i + 1) return false;
  // the copula's complement: an adjective or noun, then an extraposed clause
  const k = j + 1;
  return k < ctx.tokens.length && (ctx.tokens[j]!.pos === 'ADJ' || ctx.tokens[j]!.pos === 'NOUN' || ctx.tokens[j]!.pos === 'ADV') && EXTRAPOSED.has(ctx.lower[k]!);
}

/**
 * "Corvel said it would not negotiate", "The agency said on Monday that it had no record":
 * "it"/"they" as the subject of the clause of a speech verb whose subject is an organisation
 * or a place is that subject (unless "it" is a dummy subject).
 */
export function clauseSubject(ctx: TextContext, c: Candidate, states: ReadonlyMap<string, EntityState>): string | undefined {
  const p = c.pronoun;
  if (!p || p.case !== 'subject' || p.cls === 'person') return undefined;
  const sentence = ctx.tokens[c.first]!.sentence;
  let verb = -1;
  if (c.first >= 1 && GOVERNMENT_VERBS.has(ctx.lower[c.first - 1]!)) verb = c.first - 1;
  else if (c.first >= 2 && ctx.lower[c.first - 1] === 'that') {
    for (let j = c.first - 2; j >= 0 && c.first - j <= MAX_CLAUSE_GAP && ctx.tokens[j]!.sentence === sentence; j--) {
      if (GOVERNMENT_VERBS.has(ctx.lower[j]!)) {
        verb = j;
        break;
      }
      if (ctx.tokens[j]!.pos === 'VERB') break;
    }
  }
  if (verb === -1 || (p.cls === 'thing' && pleonastic(ctx, c.first))) return undefined;
  for (const s of states.values()) {
    if (s.lastSentence !== sentence || s.lastGrammar.role !== 'subject' || s.lastGrammar.verb !== verb) continue;
    const type = s.profile.type;
    if (type === 'ORG' || type === 'GPE' || type === 'LOC') return s.profile.id;
  }
  return undefined;
}

/** A quote's "he said" looks back this many sentences for the speaker it continues. */
const SPEAKER_WINDOW = 3;

/**
 * '"…," he said' after a speaker was named: the pronoun subject of a speech verb right after
 * a closing quotation mark is the last person named as the subject of a speech verb, within
 * three sentences and of a gender that fits, when no other person who fits was named since
 * (outside the quotes).
 */
export function quoteSpeaker(ctx: TextContext, c: Candidate, states: ReadonlyMap<string, EntityState>): string | undefined {
  const p = c.pronoun;
  if (!p || p.case !== 'subject' || p.cls !== 'person' || !afterQuote(ctx, c.first) || !GOVERNMENT_VERBS.has(ctx.lower[c.first + 1] ?? '')) return undefined;
  const sentence = ctx.tokens[c.first]!.sentence;
  const fits = (s: EntityState): boolean => {
    const g = genderOf(s.profile);
    return s.profile.type === 'PERSON' && (g === undefined || g === p.gender);
  };
  let speaker: EntityState | undefined;
  for (const s of states.values()) {
    const verb = s.lastGrammar.verb;
    if (!fits(s) || sentence - s.lastSentence > SPEAKER_WINDOW || s.lastGrammar.role !== 'subject' || verb === -1 || !GOVERNMENT_VERBS.has(ctx.lower[verb]!)) continue;
    if (!speaker || s.lastLast > speaker.lastLast) speaker = s;
  }
  if (!speaker) return undefined;
  for (const s of states.values()) if (s !== speaker && fits(s) && !s.lastQuoted && s.lastLast > speaker.lastLast) return undefined;
  return speaker.profile.id;
}
