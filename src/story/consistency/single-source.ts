import type { Doc } from '../../core/index.js';
import type { SingleSourceClaim, StoryContext } from '../types.js';
import { agree, extractNumbers, type NumberMention } from './numbers.js';
import { HolderNames } from './holders.js';
import { contentWords } from './text.js';
import { findNumberContradictions } from './number-conflicts.js';
import { TokenIndex } from './candidate-pairs.js';

/** At most this many statistics per article: the most specific first. */
const STATISTICS_PER_ARTICLE = 3;
/** Counts below this, of plain things, rank after every other figure. */
const SMALL_COUNT = 10;
/** A figure this large, written alike in two articles, is one figure whatever each counts it in. */
const SHARED_FIGURE_MIN = 100;
/** At most this many quotes per article. */
const QUOTES_PER_ARTICLE = 2;
/** A quote shorter than this many words is a phrase, not a claim worth flagging. */
const MIN_QUOTE_WORDS = 8;
/** Share of a claim's content words another article's sentence must carry to count as the same claim. */
const SAME_CLAIM_SHARE = 0.6;
/** Rare words beyond the minimum a candidate sentence is checked on before it is compared. */
const RARE_WORD_CHECKS = 2;
/** Words that attribute a figure to a source: a statistic with a named source is the most checkable kind. */
const ATTRIBUTION = /\b(?:according to|report(?:s|ed)?|study|survey|estimate[sd]?|data|figures|census|poll|statistics|indicates?|found that|shows?)\b/i;

/** Every sentence's content words, indexed by word, to find other articles' sentences that carry a claim. */
class SentenceWords {
  private readonly articles: string[] = [];
  private readonly words: Set<string>[] = [];
  private readonly index: TokenIndex;

  constructor(docs: readonly Doc[]) {
    for (const doc of docs) {
      for (const s of doc.layers.sentences ?? [{ start: 0, end: doc.text.length }]) {
        this.articles.push(doc.id);
        this.words.push(new Set(contentWords(doc.text.slice(s.start, s.end))));
      }
    }
    this.index = new TokenIndex(this.words);
  }

  /**
   * Whether any other article has a sentence carrying most of these words. Such a sentence holds
   * some of the claim's rarest words, so only sentences holding enough of those are compared.
   */
  echoedElsewhere(words: readonly string[], article: string): boolean {
    const unique = [...new Set(words)];
    if (unique.length === 0) return false;
    for (const i of this.index.holdersOfShare(unique, SAME_CLAIM_SHARE, RARE_WORD_CHECKS)) {
      if (this.articles[i] === article) continue;
      const s = this.words[i]!;
      if (unique.filter((w) => s.has(w)).length >= SAME_CLAIM_SHARE * unique.length) return true;
    }
    return false;
  }
}

function specificity(n: NumberMention, doc: Doc): number {
  const sentence = doc.text.slice(n.sentence.start, n.sentence.end);
  const attributed = ATTRIBUTION.test(sentence) || (doc.layers.entities ?? []).some((m) => m.type === 'ORG' && m.start >= n.sentence.start && m.end <= n.sentence.end);
  // a count below ten of plain things ("2 dam walls") is rarely the claim a sentence rests on
  const smallCount = n.value < SMALL_COUNT && !/\d[.,]\d/.test(n.written) && n.unit !== '%' && !n.unit.includes(' ') && !/^[$€£]/.test(n.unit);
  return (attributed ? 2 : 0) + (n.unit === '%' || n.unit.includes(' ') ? 1 : 0) + (/\d[.,]\d/.test(n.written) ? 0.5 : 0) - (smallCount ? 1 : 0);
}

/**
 * Claims one source alone carries: statistics (a figure with its unit, most specific first:
 * attributed to a report or organisation, percentages and measures) that no other article gives
 * (no agreeing figure in the same unit, no sentence with most of the same words), then direct
 * quotes of speakers no other article quotes. Limited per article so the list stays readable.
 */
export function findSingleSourceClaimList(ctx: StoryContext): SingleSourceClaim[] {
  const sentenceWords = new SentenceWords(ctx.docs);
  const numbersOf = new Map(ctx.docs.map((d) => [d.id, extractNumbers(d)]));
  const numbers = ctx.docs.flatMap((d) => numbersOf.get(d.id)!);
  const byUnit = new Map<string, NumberMention[]>();
  for (const n of numbers) (byUnit.get(n.unit) ?? byUnit.set(n.unit, []).get(n.unit)!).push(n);
  // A figure other sources dispute is a contradiction, not a single-source claim.
  const disputed = new Set(findNumberContradictions(ctx).flatMap((c) => c.sides.flatMap((s) => (s.evidenceByArticle ?? []).map((e) => `${e.article}:${e.start}`))));
  const out: SingleSourceClaim[] = [];
  const holders = new HolderNames(ctx);
  const quotedBy = new Map<string, Set<string>>();
  for (const doc of ctx.docs) {
    const names = new Map((doc.layers.entityIndex ?? []).map((e) => [e.id, e.name]));
    for (const q of doc.layers.quotes ?? []) {
      if (!q.speaker) continue;
      const who = holders.canonical(doc.id, q.speaker, names.get(q.speaker) ?? '');
      if (!quotedBy.has(who)) quotedBy.set(who, new Set());
      quotedBy.get(who)!.add(doc.id);
    }
  }

  for (const doc of ctx.docs) {
    const directQuotes = (doc.layers.quotes ?? []).filter((q) => q.direct);
    const stats = numbersOf.get(doc.id)!
      // A figure inside a quote is the speaker's claim, reported under quotes.
      .filter((n) => !directQuotes.some((q) => n.span.start >= q.start && n.span.end <= q.end))
      .filter((n) => !disputed.has(`${n.article}:${n.sentence.start}`))
      .filter((n) => !byUnit.get(n.unit)!.some((m) => m.article !== doc.id && agree(m, n)))
      // the same large figure in another article, counted under other words ("1,000 inmates", "1,000 for 1,000"), is that figure
      .filter((n) => !(n.value >= SHARED_FIGURE_MIN && numbers.some((m) => m.article !== doc.id && m.value === n.value)))
      .filter((n) => !sentenceWords.echoedElsewhere(n.context, doc.id))
      .map((n) => ({ n, score: specificity(n, doc) }))
      // a small count of plain things that no source is named for ("2 dam walls") is no claim of its own
      .filter(({ score }) => score >= 0)
      .sort((a, b) => b.score - a.score || a.n.span.start - b.n.span.start)
      // one claim per sentence, and a sentence the page repeats word for word is one claim
      .filter(({ n }, i, all) => {
        const text = doc.text.slice(n.sentence.start, n.sentence.end).trim();
        return !all.slice(0, i).some(({ n: m }) => m.sentence.start === n.sentence.start || doc.text.slice(m.sentence.start, m.sentence.end).trim() === text);
      })
      .slice(0, STATISTICS_PER_ARTICLE);
    for (const { n } of stats) {
      const evidence = doc.text.slice(n.sentence.start, n.sentence.end).trim();
      out.push({ article: doc.id, claim: evidence, evidence, start: n.sentence.start, end: n.sentence.end, kind: 'statistic' });
    }

    const names = new Map((doc.layers.entityIndex ?? []).map((e) => [e.id, e.name]));
    const quotes = directQuotes
      .filter((q) => q.speaker && doc.text.slice(q.start, q.end).split(/\s+/).length >= MIN_QUOTE_WORDS)
      .map((q) => ({ q, who: holders.canonical(doc.id, q.speaker!, names.get(q.speaker!) ?? '') }))
      .filter(({ q, who }) => quotedBy.get(who)?.size === 1 && !sentenceWords.echoedElsewhere(contentWords(doc.text.slice(q.start, q.end)), doc.id))
      .sort((a, b) => (b.q.end - b.q.start) - (a.q.end - a.q.start) || a.q.start - b.q.start)
      .slice(0, QUOTES_PER_ARTICLE);
    for (const { q, who } of quotes) {
      const text = doc.text.slice(q.start, q.end);
      // the evidence of a quote is the quote with the words that say who said it, when they are in its sentence
      const sentence = (doc.layers.sentences ?? []).find((s) => s.start <= q.start && q.start < s.end);
      const said = q.speakerSpan && sentence && q.speakerSpan.start >= sentence.start && q.speakerSpan.end <= sentence.end ? q.speakerSpan : undefined;
      const start = Math.min(q.start, said?.start ?? q.start);
      const end = Math.max(q.end, said?.end ?? q.end);
      out.push({ article: doc.id, claim: `${who}: “${text}”`, evidence: doc.text.slice(start, end), start, end, kind: 'quote' });
    }
  }
  // Statistics first, then quotes; within each, in story order.
  const rank = (c: SingleSourceClaim): number => (c.kind === 'statistic' ? 0 : 1);
  const docOrder = new Map<string, number>();
  ctx.docs.forEach((d, i) => { if (!docOrder.has(d.id)) docOrder.set(d.id, i); });
  return out.sort((a, b) => rank(a) - rank(b) || docOrder.get(a.article)! - docOrder.get(b.article)! || a.start - b.start);
}

