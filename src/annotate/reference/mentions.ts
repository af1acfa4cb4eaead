import type { TextContext } from './context.js';
import { countryKey, demonymKey } from './countries.js';
import {
  DEFINITE, GOVERNMENT_NOUNS, NEW_REFERENT_MODIFIERS, ORDINAL_ANAPHORS, ORG_NOUNS, PLACE_NOUNS, PRONOUNS, TITLE_CLASSES,
  knownHead, roleClass, type PronounInfo,
} from './lexicon.js';

/**
 * Candidate mentions: the words that may refer to a named entity of the
 * article without naming it. Each is resolved (or left out) by `resolve.ts`.
 */

/** How the resolver treats a candidate: a learned block of weights, or a rule. */
export type CandidateKind =
  | 'pronoun' // he, she, it, they …
  | 'role' // the minister, the top diplomat (a person)
  | 'description' // the ministry, the country (an organisation or a place)
  | 'demonym' // the Veskarian side (the state)
  | 'ordinal' // the latter, the former
  | 'relative'; // who, whom, whose, which right after a name

/** What a definite description says: its head noun, the words before it, and a country it names. */
export interface Description {
  readonly head: string;
  readonly modifiers: readonly string[];
  /** Class of office for a person's role ('diplomat', 'leader' …); undefined for organisations and places. */
  readonly roleClass?: string;
  readonly target: 'person' | 'org' | 'place';
  readonly placeKind?: 'country' | 'city' | 'place';
  /** Country keys (see countries.ts) of a demonym or an owner in the phrase ("Veskarian", "Veskaria's"). */
  readonly countries: readonly string[];
  /** Entity ids named inside the phrase or as its owner / "of" complement ("the president of Veskaria"). */
  readonly owners: readonly string[];
  /** Written with a capital ("the President"): used as a title. */
  readonly capitalised: boolean;
  /** A title: an office one person holds ("the president"). */
  readonly title: boolean;
  /** Followed by "of" and words that name no entity ("the leader of this new majority"): an office of something else. */
  readonly otherComplement?: boolean;
}

export interface Candidate {
  readonly kind: CandidateKind;
  readonly first: number;
  readonly last: number;
  /** The head token (the pronoun, or the head noun). */
  readonly head: number;
  readonly pronoun?: PronounInfo;
  readonly description?: Description;
  /** 'former' or 'latter'. */
  readonly ordinal?: string;
}

/** Words a description may hold before its head noun ("acting", "elected" are read as verbs). */
const MODIFIER_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Longest description read: "the top Veskarian foreign policy negotiator". */
const MAX_DESCRIPTION_WORDS = 6;
const POSSESSIVE_MARKS = new Set(["'s", '’s']);

/** A word that can stand inside a noun phrase before its head: adjective, noun, name, number, participle, "72-year-old". */
export function isModifier(ctx: TextContext, i: number): boolean {
  const pos = ctx.tokens[i]!.pos ?? '';
  const w = ctx.words[i]!;
  if (!/^[\p{L}\p{N}]/u.test(w)) return false;
  return MODIFIER_POS.has(pos) || (pos === 'VERB' && /(?:ing|ed)$/.test(w)) || /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u.test(w);
}


/**
 * Read a description starting at token `from` (just after "the" or an owner's "'s"):
 * modifiers, then a known head noun that ends the noun phrase. Undefined when the
 * phrase names someone new ("the new minister"), ends in a name, or has no known head.
 */
export function readDescription(ctx: TextContext, from: number, owners: string[], countries: string[]): { desc: Description; last: number } | undefined {
  const { tokens, lower, words, namedAt } = ctx;
  const sentence = tokens[from]?.sentence;
  // the head is the first known noun not followed by another noun: "the foreign minister", not "the minister Ana Oresk"
  let head = -1;
  for (let i = from; i < tokens.length && i - from < MAX_DESCRIPTION_WORDS && tokens[i]!.sentence === sentence; i++) {
    if (!isModifier(ctx, i)) return undefined;
    if (namedAt[i] === -1 && knownHead(lower[i]!)) {
      const after = i + 1 < tokens.length && tokens[i + 1]!.sentence === sentence ? i + 1 : -1;
      const nounAfter = after !== -1 && (namedAt[after] !== -1 || ((tokens[after]!.pos === 'NOUN' || tokens[after]!.pos === 'PROPN') && !isPunctuation(words[after]!)));
      if (!nounAfter) {
        head = i;
        break;
      }
    }
  }
  if (head === -1) return undefined;
  const after = head + 1 < tokens.length && tokens[head + 1]!.sentence === sentence ? head + 1 : -1;
  const modifiers: string[] = [];
  for (let i = from; i < head; i++) {
    if (namedAt[i] !== -1) {
      const m = ctx.named[namedAt[i]!]!;
      if (!owners.includes(m.entity)) owners.push(m.entity);
      if (m.type === 'GPE' || m.type === 'LOC') countries.push(countryKey(ctx.text.slice(m.start, m.end)));
      continue;
    }
    const w = lower[i]!;
    if (NEW_REFERENT_MODIFIERS.has(w)) return undefined;
    modifiers.push(w);
    // a capitalised adjective inside the phrase is a demonym ("Veskarian")
    const demonym = /^\p{Lu}/u.test(words[i]!) ? demonymKey(words[i]!) : undefined;
    if (demonym) countries.push(demonym);
  }
  const w = lower[head]!;
  // "the president of Veskaria": the complement names the owner
  let otherComplement = false;
  if (after !== -1 && lower[after] === 'of') {
    let j = after + 1;
    if (j < tokens.length && DEFINITE.has(lower[j]!)) j++;
    if (j < tokens.length && namedAt[j] !== -1) {
      const m = ctx.named[namedAt[j]!]!;
      owners.push(m.entity);
      if (m.type === 'GPE' || m.type === 'LOC') countries.push(countryKey(ctx.text.slice(m.start, m.end)));
    } else otherComplement = true;
  }
  const cls = roleClass(w, modifiers);
  const placeKind = PLACE_NOUNS.get(w);
  const target = cls !== undefined ? 'person' : ORG_NOUNS.has(w) || GOVERNMENT_NOUNS.has(w) ? 'org' : 'place';
  return {
    desc: {
      head: w,
      modifiers,
      roleClass: cls,
      target,
      placeKind,
      countries,
      owners,
      capitalised: /^\p{Lu}/u.test(words[head]!),
      title: cls !== undefined && TITLE_CLASSES.has(cls),
      otherComplement,
    },
    last: head,
  };
}

function isPunctuation(w: string): boolean {
  return !/[\p{L}\p{N}]/u.test(w);
}

/**
 * Every candidate mention of the text, in text order: third-person pronouns,
 * definite descriptions of a role, an organisation or a place ("the minister",
 * "the agency", "the country", "Veskaria's foreign minister"), demonym
 * descriptions of a state ("the Veskarian side"), "the former"/"the latter",
 * and relative pronouns right after a name.
 */
export function findCandidates(ctx: TextContext): Candidate[] {
  const { tokens, lower, words, namedAt } = ctx;
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (namedAt[i] !== -1) continue;
    const w = lower[i]!;
    const pronoun = PRONOUNS.get(w);
    if (pronoun) {
      out.push({ kind: 'pronoun', first: i, last: i, head: i, pronoun });
      continue;
    }
    if ((w === 'who' || w === 'whom' || w === 'whose' || w === 'which') && i > 0) {
      const prev = namedAt[i - 1] !== -1 ? i - 1 : lower[i - 1] === ',' && i > 1 && namedAt[i - 2] !== -1 ? i - 2 : -1;
      if (prev !== -1) out.push({ kind: 'relative', first: i, last: i, head: i });
      continue;
    }
    const ownerMention = POSSESSIVE_MARKS.has(w) && i > 0 && namedAt[i - 1] !== -1 ? ctx.named[namedAt[i - 1]!]! : undefined;
    if (DEFINITE.has(w) || ownerMention) {
      const next = i + 1;
      if (next >= tokens.length || tokens[next]!.sentence !== tokens[i]!.sentence) continue;
      if (DEFINITE.has(w) && ORDINAL_ANAPHORS.has(lower[next]!)) {
        const after = next + 1 < tokens.length ? tokens[next + 1]! : undefined;
        if (!after || after.sentence !== tokens[i]!.sentence || !(after.pos === 'NOUN' || after.pos === 'PROPN')) {
          out.push({ kind: 'ordinal', first: i, last: next, head: next, ordinal: lower[next]! });
          i = next;
        }
        continue;
      }
      const owners: string[] = [];
      const countries: string[] = [];
      if (ownerMention) {
        owners.push(ownerMention.entity);
        if (ownerMention.type === 'GPE' || ownerMention.type === 'LOC') countries.push(countryKey(ctx.text.slice(ownerMention.start, ownerMention.end)));
      }
      const read = readDescription(ctx, next, owners, countries);
      if (!read) continue;
      const { desc, last } = read;
      const first = DEFINITE.has(w) ? i : next;
      if (GOVERNMENT_NOUNS.has(desc.head) && desc.countries.length > 0 && DEFINITE.has(w)) {
        out.push({ kind: 'demonym', first, last, head: last, description: desc });
      } else if (desc.target === 'person') {
        out.push({ kind: 'role', first, last, head: last, description: desc });
      } else if (DEFINITE.has(w) && desc.owners.length === 0) {
        out.push({ kind: 'description', first, last, head: last, description: desc });
      }
      i = last;
    }
  }
  return out;
}

/** True when the phrase ending at token `last` ends there: punctuation, a verb or the end of the text follows ("Velmar, the country's agency" does not end at "country"). */
export function endsPhrase(ctx: TextContext, last: number): boolean {
  const next = ctx.tokens[last + 1];
  if (!next || next.sentence !== ctx.tokens[last]!.sentence) return true;
  return /^[,.;:)—–-]$/.test(ctx.lower[last + 1]!) || next.pos === 'VERB' || next.pos === 'AUX';
}
