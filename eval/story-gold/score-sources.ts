/**
 * What rests on whom: quote variants (found groups, groups gold does not list, and groups of
 * different words scored as identical), single-source claims (found, and on an exhaustive gold
 * the share of flagged claims that are gold ones, facts told apart from statements), and the
 * count of anonymous sources per article against the distinct unnamed speakers of the gold quotes.
 */
import type { Doc } from '../../src/core/index.js';
import type { QuoteVariant, SingleSourceClaim } from '../../src/story/types.js';
import { locate, norm, overlaps, type StoryGold } from './gold.js';

interface Corpus { docOf(goldId: string): Doc | undefined; idOf(article: string): string | undefined }

const wordsOf = (s: string): string[] => norm(s).split(' ').filter(Boolean);
/** Share of a's words found in b. */
function covered(a: string, b: string): number {
  const wb = new Set(wordsOf(b));
  const wa = wordsOf(a);
  return wa.length ? wa.filter((w) => wb.has(w)).length / wa.length : 0;
}

export interface VariantScore { readonly found: number; readonly total: number; readonly extra: number; readonly sameScoreDifferentWords: number }

export function scoreVariants(gold: StoryGold, variants: readonly QuoteVariant[], corpus: Corpus): VariantScore {
  const golds = gold.quote_variants ?? [];
  const matches = (f: QuoteVariant, g: (typeof golds)[number]): boolean =>
    g.forms.filter((x) => f.forms.some((y) => corpus.idOf(y.article) === x.article && Math.max(covered(x.text, y.text), covered(y.text, x.text)) >= 0.8)).length >= 2;
  const sameScoreDifferentWords = variants.filter((v) => v.similarity >= 1 && new Set(v.forms.map((f) => norm(f.text))).size > 1).length;
  return {
    found: golds.filter((g) => variants.some((v) => matches(v, g))).length,
    total: golds.length,
    extra: variants.filter((v) => !golds.some((g) => matches(v, g))).length,
    sameScoreDifferentWords,
  };
}

export interface SingleSourceScore { readonly found: number; readonly total: number; readonly flagged: number; readonly flaggedRight: number; readonly kindRight: number; readonly kindScored: number; readonly detail: string[] }

/** Gold types of facts (numbers, events, facts), as against statements (what someone said). */
const FACT_TYPES = new Set(['statistic', 'event', 'fact']);
const QUOTE_KINDS = new Set(['quote', 'statement']);

export function scoreSingleSource(gold: StoryGold, claims: readonly SingleSourceClaim[], corpus: Corpus): SingleSourceScore {
  const golds = (gold.single_source_claims ?? []).map((g) => {
    const doc = corpus.docOf(g.article);
    return { g, span: doc ? locate(doc, g.evidence) : null };
  });
  const hit = (c: SingleSourceClaim, x: (typeof golds)[number]): boolean => x.span !== null && corpus.idOf(c.article) === x.g.article && overlaps(x.span, c);
  let kindRight = 0;
  let kindScored = 0;
  let flaggedRight = 0;
  const detail: string[] = [];
  for (const c of claims) {
    const g = golds.find((x) => hit(c, x));
    if (!g) { detail.push(`NOT GOLD [${corpus.idOf(c.article)}] ${c.kind}: ${c.claim.slice(0, 100)}`); continue; }
    flaggedRight++;
    if (!g.g.type) continue;
    kindScored++;
    if (FACT_TYPES.has(g.g.type) !== QUOTE_KINDS.has(c.kind)) kindRight++;
    else detail.push(`KIND ${c.kind} for gold ${g.g.type}: ${g.g.claim}`);
  }
  return { found: golds.filter((x) => claims.some((c) => hit(c, x))).length, total: golds.length, flagged: claims.length, flaggedRight, kindRight, kindScored, detail };
}

/** Distinct unnamed speakers of an article's gold quotes. */
export function goldAnonymousSources(gold: StoryGold, article: string): number {
  const a = gold.articles.find((x) => x.id === article);
  return new Set((a?.quotes ?? []).map((q) => q.speaker).filter((s) => /^unnamed\b/i.test(s))).size;
}
