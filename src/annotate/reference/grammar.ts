import type { TextContext } from './context.js';
import { VERB_GAP_WORDS } from './lexicon.js';

/**
 * The grammatical role of a mention, from the dependency parse when the
 * `syntax` layer is there, else from the word order around it (a noun phrase
 * at the start of a clause followed by a verb is its subject).
 */
export type GrammaticalRole = 'subject' | 'object' | 'possessive' | 'other';

export interface Grammar {
  readonly role: GrammaticalRole;
  /** The verb the mention is the subject or object of, or -1. */
  readonly verb: number;
}

const SUBJECT_RELS = new Set(['nsubj', 'nsubj:pass', 'csubj', 'nsubj:outer']);
const OBJECT_RELS = new Set(['obj', 'iobj']);
const POSSESSIVE_RELS = new Set(['nmod:poss']);
/** Words after which a noun phrase starts a clause. */
const CLAUSE_OPENERS = new Set(['that', 'and', 'but', 'or', 'because', 'while', 'when', 'after', 'before', 'as', 'since', 'although', 'though', 'if', 'so', 'where', 'until', 'whether']);
const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);
/** Words that may stand between a subject and its verb ("Kell on Thursday formally said"). */
const MAX_VERB_GAP = 4;

/** The head token of tokens [first, last]: by the parse, the one whose head lies outside; without one, the last. */
export function headToken(ctx: TextContext, first: number, last: number): number {
  const syntax = ctx.syntax;
  if (!syntax) return last;
  for (let i = last; i >= first; i--) {
    const h = syntax[i]!.head;
    if (h < first || h > last) return i;
  }
  return last;
}

function verbByParse(ctx: TextContext, head: number): Grammar {
  const dep = ctx.syntax![head]!;
  const rel = dep.rel;
  if (SUBJECT_RELS.has(rel)) return { role: 'subject', verb: dep.head };
  if (OBJECT_RELS.has(rel)) return { role: 'object', verb: dep.head };
  if (POSSESSIVE_RELS.has(rel)) return { role: 'possessive', verb: -1 };
  return { role: 'other', verb: -1 };
}

const isVerbPos = (pos: string | undefined): boolean => pos === 'VERB' || pos === 'AUX';

/** The word-order reading: a clause-initial phrase before a verb is a subject, a phrase right after a verb its object. */
function verbByOrder(ctx: TextContext, first: number, last: number): Grammar {
  const { tokens, lower } = ctx;
  const sentence = tokens[first]!.sentence;
  const next = last + 1 < tokens.length && tokens[last + 1]!.sentence === sentence ? last + 1 : -1;
  if (next !== -1 && POSSESSIVE_MARKS.has(lower[next]!)) return { role: 'possessive', verb: -1 };
  const prev = first > 0 && tokens[first - 1]!.sentence === sentence ? first - 1 : -1;
  const opensClause = prev === -1 || tokens[prev]!.pos === 'PUNCT' || tokens[prev]!.pos === 'CCONJ' || tokens[prev]!.pos === 'SCONJ' || CLAUSE_OPENERS.has(lower[prev]!);
  if (opensClause && next !== -1) {
    // "Kell on Thursday said", "Oresk also told": adverbs, particles and a short time phrase between subject and verb
    let j = next;
    while (j < tokens.length && j - next < MAX_VERB_GAP && tokens[j]!.sentence === sentence && (tokens[j]!.pos === 'ADV' || tokens[j]!.pos === 'PART' || (VERB_GAP_WORDS.has(lower[j]!) && tokens[j]!.pos !== 'VERB' && tokens[j]!.pos !== 'AUX'))) j++;
    if (j < tokens.length && tokens[j]!.sentence === sentence && isVerbPos(tokens[j]!.pos)) {
      // the verb of "has said" is "said": skip the auxiliaries
      let v = j;
      while (v + 1 < tokens.length && tokens[v + 1]!.sentence === sentence && (isVerbPos(tokens[v + 1]!.pos) || tokens[v + 1]!.pos === 'ADV') && tokens[v]!.pos === 'AUX') v++;
      return { role: 'subject', verb: v };
    }
  }
  if (prev !== -1 && tokens[prev]!.pos === 'VERB') return { role: 'object', verb: prev };
  return { role: 'other', verb: -1 };
}

/** The grammatical role of the mention over tokens [first, last] and the verb it belongs to. */
export function grammarOf(ctx: TextContext, first: number, last: number): Grammar {
  if (ctx.syntax) return verbByParse(ctx, headToken(ctx, first, last));
  return verbByOrder(ctx, first, last);
}

/** Longest title read before a name ("the Kellish Foreign Ministry spokesperson Mira Dalen"). */
const MAX_TITLE_WORDS = 6;
const TITLE_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);

/**
 * Where the noun phrase of a name starts: its title and determiner belong to it, so that
 * "the Kellish Foreign Ministry spokesperson Mira Dalen said" has the name as its subject.
 */
export function phraseStart(ctx: TextContext, first: number): number {
  const { tokens, lower } = ctx;
  const sentence = tokens[first]!.sentence;
  let j = first;
  while (j - 1 >= 0 && first - j < MAX_TITLE_WORDS && tokens[j - 1]!.sentence === sentence && (TITLE_POS.has(tokens[j - 1]!.pos ?? '') || lower[j - 1] === 'the' || POSSESSIVE_MARKS.has(lower[j - 1]!))) j--;
  return j;
}
