import type { TextContext, NamedMention } from './context.js';
import { grammarOf } from './grammar.js';
import { GOVERNMENT_VERBS, VERB_GAP_WORDS } from './lexicon.js';
import type { EntityProfile } from './profiles.js';

/**
 * A capital or a country as the subject of a verb of speech or decision
 * ("Corvel said it would not negotiate", "Veskaria rejected the offer")
 * stands for its government: the mention is linked to the country's entity
 * (a capital to the country the article names for it, else to itself), so the
 * quotes and events stages may take it as a speaker or an actor. A place that
 * is only mentioned ("talks in Corvel") gets no such link.
 */

/** How many words may stand between the place and its verb ("Corvel on Monday formally rejected"). */
const MAX_GAP = 4;
/** Longest apposition stepped over between a place and its verb. */
const MAX_APPOSITION = 7;
const CLAUSE_END = new Set(['.', ',', ';', '!', '?', '”', '"', '’', "'"]);

/** The verb of the place's clause when it is its subject: the parse's, or the next verb after a few adverbs and auxiliaries. */
function governmentVerb(ctx: TextContext, m: NamedMention): number {
  const { tokens, lower } = ctx;
  if (ctx.syntax) {
    const g = grammarOf(ctx, m.first, m.last);
    return g.role === 'subject' && g.verb !== -1 ? g.verb : -1;
  }
  const sentence = tokens[m.first]!.sentence;
  const prev = m.first - 1 >= 0 && tokens[m.first - 1]!.sentence === sentence ? m.first - 1 : -1;
  // "…, Corvel said." and "…, said Corvel."
  if (prev !== -1 && GOVERNMENT_VERBS.has(lower[prev]!) && (m.last + 1 >= tokens.length || CLAUSE_END.has(lower[m.last + 1]!)) && prev - 1 >= 0 && CLAUSE_END.has(lower[prev - 1]!)) return prev;
  const opensClause = prev === -1 || tokens[prev]!.pos === 'PUNCT' || tokens[prev]!.pos === 'CCONJ' || tokens[prev]!.pos === 'SCONJ' || lower[prev] === 'that';
  if (!opensClause) return -1;
  let from = m.last + 1;
  // "Corvel, the Veskarian capital, said": step over an apposition
  if (lower[from] === ',') {
    let k = from + 1;
    while (k < tokens.length && k - from <= MAX_APPOSITION && tokens[k]!.sentence === sentence && lower[k] !== ',' && !(tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX')) k++;
    if (lower[k] === ',' && k > from + 1) from = k + 1;
  }
  for (let j = from, gap = 0; j < tokens.length && tokens[j]!.sentence === sentence && gap <= MAX_GAP; j++, gap++) {
    if (GOVERNMENT_VERBS.has(lower[j]!) && (tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX' || tokens[j]!.pos === 'NOUN')) return j;
    if (!(VERB_GAP_WORDS.has(lower[j]!) || tokens[j]!.pos === 'ADV' || tokens[j]!.pos === 'AUX' || tokens[j]!.pos === 'PART')) return -1;
  }
  return -1;
}

/** The country a capital stands for, among the article's places: one whose country key the capital carries. */
function countryOfCapital(p: EntityProfile, profiles: ReadonlyMap<string, EntityProfile>): string | undefined {
  const found = [...profiles.values()].filter((q) => q !== p && (q.type === 'GPE' || q.type === 'LOC') && !q.isCity && [...p.countries].some((k) => q.countries.has(k)));
  const countries = found.filter((q) => q.isCountry);
  const pick = countries.length ? countries : found;
  return pick.length === 1 ? pick[0]!.id : undefined;
}

/**
 * The metonymic place mentions of an article: index into `ctx.named` → the
 * entity the place stands for (its country, or itself).
 */
export function findMetonyms(ctx: TextContext, profiles: ReadonlyMap<string, EntityProfile>): Map<number, string> {
  const out = new Map<number, string>();
  ctx.named.forEach((m, i) => {
    if (m.type !== 'GPE' && m.type !== 'LOC') return;
    const verb = governmentVerb(ctx, m);
    if (verb === -1 || !GOVERNMENT_VERBS.has(ctx.lower[verb]!)) return;
    const p = profiles.get(m.entity);
    if (!p) return;
    out.set(i, (p.isCity ? countryOfCapital(p, profiles) : undefined) ?? m.entity);
  });
  return out;
}
