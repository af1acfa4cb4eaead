import type { Doc } from '../../core/index.js';
import type { SingleSourceClaim, StoryContext, TimelineEntry } from '../types.js';
import { agree, extractNumbers, type NumberMention } from './numbers.js';
import { HolderNames } from './holders.js';
import { contentWords, sentenceAt } from './text.js';
import { findNumberContradictions } from './number-conflicts.js';
import { TokenIndex } from './candidate-pairs.js';
import { dateInterval } from '../timeline/index.js';

/** At most this many statistics per article: the most specific first. */
const STATISTICS_PER_ARTICLE = 3;
/** Counts below this, of plain things, rank after every other figure. */
const SMALL_COUNT = 10;
/** A figure this large, written alike in two articles, is one figure whatever each counts it in. */
const SHARED_FIGURE_MIN = 100;
/** Two figures whose ranges overlap are one figure when their values are this close (a rounding). */
const SAME_FIGURE_SHARE = 0.1;
/** At most this many events per article. */
const EVENTS_PER_ARTICLE = 3;
/** Share of an event's words (its label without the doer's name) a sentence naming the doer must carry to tell the same event. */
const SAME_EVENT_SHARE = 0.5;
/** Words an event's label must say beyond its doer's name ("took office"; "Kell begin" tells nothing). */
const MIN_EVENT_WORDS = 2;
/** The timeline's action class of saying something. */
const STATEMENT_ACTION = 'statement';
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

/**
 * Whether another article gives this figure: the ranges the wordings allow overlap and the values
 * are close. Ranges alone are not enough: "more than 30,000" and "at least 5,100" can both be true
 * of one count, but the one does not state the other ("up to 50%" is not "34%").
 */
function sameFigure(a: NumberMention, b: NumberMention): boolean {
  return agree(a, b) && Math.abs(a.value - b.value) <= SAME_FIGURE_SHARE * Math.max(a.value, b.value);
}

function specificity(n: NumberMention, doc: Doc): number {
  const sentence = doc.text.slice(n.sentence.start, n.sentence.end);
  const attributed = ATTRIBUTION.test(sentence) || (doc.layers.entities ?? []).some((m) => m.type === 'ORG' && m.start >= n.sentence.start && m.end <= n.sentence.end);
  // a count below ten of plain things ("2 dam walls") is rarely the claim a sentence rests on
  const smallCount = n.value < SMALL_COUNT && !/\d[.,]\d/.test(n.written) && n.unit !== '%' && !n.unit.includes(' ') && !/^[$€£]/.test(n.unit);
  return (attributed ? 2 : 0) + (n.unit === '%' || n.unit.includes(' ') ? 1 : 0) + (/\d[.,]\d/.test(n.written) ? 0.5 : 0) - (smallCount ? 1 : 0);
}

/** Whether a single-source claim is what someone said (a quote or a reported statement), not a fact. */
export const isStatement = (c: SingleSourceClaim): boolean => c.kind === 'quote' || c.kind === 'statement';

/**
 * For each story entity, the sentences that name it (their article and content words), read once
 * for the whole story: every event is checked against the other articles' sentences naming its doer.
 */
function sentencesNaming(ctx: StoryContext): Map<string, { article: string; words: ReadonlySet<string> }[]> {
  const index = new Map<string, { article: string; words: ReadonlySet<string> }[]>();
  for (const doc of ctx.docs) {
    const wordsOf = new Map<number, ReadonlySet<string>>();
    for (const m of doc.layers.entities ?? []) {
      const id = ctx.entities.resolve(doc.id, m.entity);
      if (id === undefined) continue;
      const sentence = sentenceAt(doc, m.start);
      let words = wordsOf.get(sentence.start);
      if (!words) wordsOf.set(sentence.start, (words = new Set(contentWords(doc.text.slice(sentence.start, sentence.end)))));
      (index.get(id) ?? index.set(id, []).get(id)!).push({ article: doc.id, words });
    }
  }
  return index;
}

/**
 * Dated events one article alone tells: a timeline entry all of whose sources are one article's,
 * dated by its words (not only by the day it was published, which is the news itself), told
 * outside quote marks, whose doer no other article names in a sentence carrying the same action.
 */
function singleSourceEvents(ctx: StoryContext, timeline: readonly TimelineEntry[], sentenceWords: SentenceWords): SingleSourceClaim[] {
  const docOf = new Map(ctx.docs.map((d) => [d.id, d]));
  const idsOf = new Map<string, string[]>();
  for (const e of ctx.entities.entities) (idsOf.get(e.name) ?? idsOf.set(e.name, []).get(e.name)!).push(e.id);
  let naming: Map<string, { article: string; words: ReadonlySet<string> }[]> | undefined;
  /** Whether another article has a sentence naming one of these story entities and most of these words. */
  const toldElsewhere = (article: string, entityIds: ReadonlySet<string>, words: readonly string[]): boolean => {
    naming ??= sentencesNaming(ctx);
    for (const id of entityIds) {
      for (const s of naming.get(id) ?? []) {
        if (s.article !== article && words.filter((w) => s.words.has(w)).length >= SAME_EVENT_SHARE * words.length) return true;
      }
    }
    return false;
  };
  const out: SingleSourceClaim[] = [];
  const perArticle = new Map<string, number>();
  // the most specific first: an event dated to the day is more checkable than one dated to a month or a year
  const precision = (date: string): number => dateInterval(date)?.precision ?? 0;
  const ranked = timeline.map((entry, i) => ({ entry, i })).sort((a, b) => precision(b.entry.date) - precision(a.entry.date) || a.i - b.i).map(({ entry }) => entry);
  for (const entry of ranked) {
    const articles = new Set(entry.sources.map((x) => x.article));
    // an event other sources date otherwise is theirs too: a contradiction, not a single-source claim
    if (articles.size !== 1 || entry.actors.length === 0 || entry.conflictingDates?.length) continue;
    const source = entry.sources[0]!;
    if (source.reported && source.date === source.reported) continue;
    // Something set for after the article was published is a plan it reports, not an event to check yet.
    const when = dateInterval(entry.date);
    const published = source.reported ? dateInterval(source.reported) : null;
    if (when && published && when.start >= published.end) continue;
    const doc = docOf.get(source.article);
    const quoted = (doc?.layers.quotes ?? []).filter((q) => source.start < q.end && q.start < source.end);
    if (!doc || quoted.some((q) => q.direct && source.start >= q.start && source.start < q.end)) continue;
    // The doer is a name the story knows ("an uprising", "officials in the east" are no one to check), and the label says what they did.
    const entityIds = new Set(entry.actors.flatMap((a) => idsOf.get(a) ?? []));
    if (entityIds.size === 0) continue;
    const actorWords = new Set(entry.actors.flatMap((a) => contentWords(a)));
    const words = [...new Set(contentWords(entry.summary))].filter((w) => !actorWords.has(w));
    if (words.length < MIN_EVENT_WORDS) continue;
    if (toldElsewhere(source.article, entityIds, words) || sentenceWords.echoedElsewhere(contentWords(source.evidence), source.article)) continue;
    const n = perArticle.get(source.article) ?? 0;
    if (n >= EVENTS_PER_ARTICLE) continue;
    perArticle.set(source.article, n + 1);
    // what someone said (a statement, or words a source is reported to have said) is a statement, reported apart from facts
    const inQuote = quoted.reduce((n, q) => n + Math.min(q.end, source.end) - Math.max(q.start, source.start), 0);
    const kind = entry.action === STATEMENT_ACTION || inQuote * 2 >= source.end - source.start ? 'statement' : 'event';
    out.push({ article: source.article, claim: entry.summary, evidence: source.evidence, start: source.start, end: source.end, kind });
  }
  return out;
}

/**
 * Claims one source alone carries: statistics (a figure with its unit, most specific first:
 * attributed to a report or organisation, percentages and measures) that no other article gives
 * (no agreeing figure in the same unit, no sentence with most of the same words), then direct
 * quotes of speakers no other article quotes. Limited per article so the list stays readable.
 */
export function findSingleSourceClaimList(ctx: StoryContext, timeline: readonly TimelineEntry[] = []): SingleSourceClaim[] {
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
      .filter((n) => !byUnit.get(n.unit)!.some((m) => m.article !== doc.id && sameFigure(m, n)))
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
      // one speaker's words in one article are one account of theirs: the first quote, where the article says who speaks, stands for it
      .filter(({ q, who }, _, all) => !all.some((x) => x.who === who && x.q.start < q.start))
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
  // An event whose words a statistic already flags is that claim.
  out.push(...singleSourceEvents(ctx, timeline, sentenceWords).filter((e) => !out.some((c) => c.article === e.article && c.start < e.end && e.start < c.end)));
  // Facts (statistics and events) first, then what someone said; within each, in story order.
  const rank = (c: SingleSourceClaim): number => (isStatement(c) ? 1 : 0);
  const docOrder = new Map<string, number>();
  ctx.docs.forEach((d, i) => { if (!docOrder.has(d.id)) docOrder.set(d.id, i); });
  return out.sort((a, b) => rank(a) - rank(b) || docOrder.get(a.article)! - docOrder.get(b.article)! || a.start - b.start);
}

