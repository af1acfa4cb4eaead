/**
 * Contradictions against the gold: a found contradiction matches a gold one when two of its sides
 * stand on the evidence of two different gold sides (the found side's words overlap the gold
 * side's evidence in one of its articles). A gold contradiction is found when some found one
 * matches it; a found one that matches none (or only a rejected candidate of
 * `not_contradictions`) is a false one.
 */
import type { Doc, Span } from '../../src/core/index.js';
import type { Contradiction, ContradictionSide } from '../../src/story/types.js';
import { locate, overlaps, type GoldContradiction, type GoldSide, type StoryGold } from './gold.js';

export interface ContradictionScore {
  readonly found: number;
  readonly total: number;
  readonly emitted: number;
  readonly falseOnes: number;
  readonly rejectedCandidates: number;
  readonly missed: string[];
  readonly falseDetail: string[];
  readonly foundDetail: string[];
}

interface Corpus { docOf(goldId: string): Doc | undefined; idOf(article: string): string | undefined }

/** The spans of a gold side's evidence per article it names. */
function goldSpans(side: GoldSide, corpus: Corpus): { article: string; span: Span }[] {
  const out: { article: string; span: Span }[] = [];
  for (const a of side.articles) {
    const doc = corpus.docOf(a);
    if (!doc) continue;
    const texts = [side.evidence_by_article?.[a], side.evidence, ...(side.also_evidence?.[a] ?? [])].filter((t): t is string => Boolean(t));
    for (const t of texts) {
      const span = locate(doc, t);
      if (span) out.push({ article: a, span });
    }
  }
  return out;
}

/** The spans of a found side's words per article. */
function foundSpans(side: ContradictionSide, corpus: Corpus): { article: string; span: Span }[] {
  if (side.evidenceByArticle?.length) return side.evidenceByArticle.map((e) => ({ article: corpus.idOf(e.article) ?? '', span: { start: e.start, end: e.end } }));
  return side.articles.flatMap((a) => {
    const goldId = corpus.idOf(a) ?? '';
    const doc = corpus.docOf(goldId);
    const span = doc ? locate(doc, side.evidence) : null;
    return span ? [{ article: goldId, span }] : [];
  });
}

function sideMatches(found: ContradictionSide, gold: readonly { article: string; span: Span }[], corpus: Corpus): boolean {
  return foundSpans(found, corpus).some((f) => gold.some((g) => g.article === f.article && overlaps(f.span, g.span)));
}

/** Whether two distinct found sides stand on two distinct gold sides. */
function matchesSides(found: Contradiction, sides: readonly (readonly { article: string; span: Span }[])[], corpus: Corpus): boolean {
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      for (const a of found.sides) {
        if (!sideMatches(a, sides[i]!, corpus)) continue;
        if (found.sides.some((b) => b !== a && sideMatches(b, sides[j]!, corpus))) return true;
      }
    }
  }
  return false;
}

export function scoreContradictions(gold: StoryGold, found: readonly Contradiction[], corpus: Corpus, only?: (c: GoldContradiction) => boolean): ContradictionScore {
  const golds = (gold.contradictions ?? []).filter((c) => !only || only(c));
  const goldSides = golds.map((c) => c.sides.map((s) => goldSpans(s, corpus)));
  const rejected = (gold.not_contradictions ?? []).map((n) => Object.entries(n.evidence).map(([a, text]) => {
    const doc = corpus.docOf(a);
    const spans = [text, ...(n.also_evidence?.[a] ?? [])].map((t) => (doc ? locate(doc, t) : null)).filter((s): s is Span => s !== null);
    return spans.map((span) => ({ article: a, span }));
  }));
  const matchedGold = new Set<number>();
  const falseDetail: string[] = [];
  const foundDetail: string[] = [];
  let rejectedCandidates = 0;
  const describe = (c: Contradiction): string => `${c.kind}: ${c.sides.map((s) => `${s.value} [${s.articles.map((a) => corpus.idOf(a)).join(',')}]`).join(' vs ')}`;
  for (const c of found) {
    const hits = goldSides.map((sides, i) => (matchesSides(c, sides, corpus) ? i : -1)).filter((i) => i >= 0);
    if (hits.length) {
      for (const i of hits) matchedGold.add(i);
      foundDetail.push(`${describe(c)} = ${golds[hits[0]!]!.claim}`);
      continue;
    }
    const isRejected = rejected.some((sides) => matchesSides(c, sides, corpus));
    if (isRejected) rejectedCandidates++;
    falseDetail.push(`${isRejected ? 'REJECTED CANDIDATE ' : ''}${describe(c)}`);
  }
  return {
    found: matchedGold.size,
    total: golds.length,
    emitted: found.length,
    falseOnes: falseDetail.length,
    rejectedCandidates,
    missed: golds.filter((_, i) => !matchedGold.has(i)).map((c) => `${c.kind}: ${c.claim}`),
    falseDetail,
    foundDetail,
  };
}
