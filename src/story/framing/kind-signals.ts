import type { ArticleKind, Doc, Span } from '../../core/index.js';
import { hedges } from 'hedges';
import { insideAny, quoteSpans } from './loaded-terms.js';

/** What the text of an article says about its genre, outside the quotes it carries. */
export interface KindSignals {
  readonly words: number;
  readonly firstPerson: number;
  readonly evaluative: number;
  readonly hedges: number;
  readonly numberedItems: number;
  readonly headings: number;
  readonly analyticPhrases: number;
  readonly authorBio: boolean;
  /** The kind the signals indicate when they are strong; undefined when they are weak or mixed. */
  readonly indicates?: ArticleKind;
  /** A one-line summary: "first person ×12, evaluative modals ×5, numbered factors ×6". */
  readonly summary: string;
  /** The same in words for a reader, without counts: "written in the first person, with evaluative words". */
  readonly words_: string;
}

const FIRST_PERSON = /\b(?:I|I['’](?:m|ve|d|ll)|me|my|mine|we|we['’](?:re|ve|d|ll)|us|our|ours)\b/g;
/** "US" in capitals is the country, not the pronoun. */
const COUNTRY_US = /^US$/;

const EVALUATIVE = /\b(?:should(?:n['’]t)?|must(?:n['’]t)?|ought to|needs? to|it is (?:clear|obvious|evident|undeniable|time|high time|essential|imperative|vital|crucial) (?:that|to|for)|there (?:is|can be) no doubt|no one can deny|it is (?:a )?(?:shame|disgrace|mistake)|cannot afford to)\b/gi;

/** Phrases of hedged, structured analysis: weighing factors and explanations rather than reporting. */
const ANALYTIC = /\b(?:this (?:may|might|could|can) (?:reflect|indicate|suggest|be explained|mean)|(?:can|may|could) be explained|it (?:can|could|may) be (?:said|argued|concluded)|in conclusion|to conclude|it is worth noting|it should be noted|on the other hand|in this context|this reflects|reflects the extent|implications?|scenarios?|factors|the (?:first|second|third) (?:is|factor|reason|scenario)|(?:firstly|secondly|thirdly)|taken together|in sum|overall,)\b/gi;

/**
 * Hedge words from the `hedges` list (wooorm/hedges), less the ones that are
 * ordinary in any news report ("said", "will", "about", "some"): what remains
 * ("may", "perhaps", "presumably", "seems") marks a writer weighing possibilities.
 */
const NEWS_ORDINARY_HEDGES = new Set(['about', 'always', 'around', 'can', 'say', 'says', 'will', 'would', 'could', 'should', 'must', 'few', 'many', 'some', 'most', 'much', 'little', 'several', 'find', 'finds', 'found', 'read', 'like', 'really', 'often', 'believe', 'believed', 'believes', 'think', 'thinks', 'thought', 'understand', 'understands', 'understood', 'clear', 'certain', 'consider', 'considered', 'considers', 'estimate', 'estimated', 'estimates', 'frequently', 'usually', 'somebody', 'someone', 'something', 'somewhere', 'couple', 'bunch', 'pretty', 'rather', 'quite', 'mainly', 'mostly', 'largely', 'generally', 'overall', 'effectively', 'practically', 'virtually', 'at least', 'so far', 'rare', 'rarely', 'seldom', 'sometimes', 'occasionally', 'diagnostic', 'indicate', 'tend', 'possibility']);
const HEDGE = new RegExp(`\\b(?:${hedges.filter((h) => !NEWS_ORDINARY_HEDGES.has(h)).map((h) => h.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')).sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi');

/** A numbered item at the start of a line: "1- ", "2. ", "3) ". */
const NUMBERED = /^[ \t]*\d{1,2}[-.)][ \t]+\S/gm;
/** A short line of a few words with no final full stop, or ending with a colon: a sub-heading. */
const HEADING = /^[ \t]*[\p{Lu}][^\n.!?]{2,60}:?[ \t]*$/gmu;

/** An author's biography closing the body: "I’m X, the founder of …", "X is a researcher at …", "She holds a PhD". */
const AUTHOR_BIO = /(?:^|\n)[^\n]{0,80}\b(?:I['’]m|I am|is an? (?:\w+ )?(?:writer|journalist|researcher|analyst|professor|fellow|columnist|commentator|editor|author|lecturer|scholar))\b[^\n]*|\b(?:I|he|she) holds? an? (?:\w+['’]s )?(?:degree|bachelor|master|phd|doctorate)/i;

/** Share of the text, from its end, where an author bio sits. */
const BIO_TAIL_SHARE = 0.25;

/** Rates per 1,000 words above which a signal is strong (measured on news vs opinion/analysis pieces). */
const STRONG_FIRST_PERSON_PER_1000 = 6;
const STRONG_EVALUATIVE_PER_1000 = 4;
const STRONG_ANALYTIC = 4;

function countOutside(text: string, re: RegExp, quotes: readonly Span[], keep: (m: RegExpMatchArray) => boolean = () => true): number {
  let n = 0;
  for (const m of text.matchAll(re)) {
    if (!keep(m)) continue;
    if (!insideAny(quotes, m.index!, m.index! + m[0].length)) n++;
  }
  return n;
}

/** Signals of opinion and analysis in the body: first person, evaluative modals, hedged structure, an author bio. */
export function readKindSignals(doc: Doc): KindSignals {
  const text = doc.text;
  const quotes = quoteSpans(doc);
  const words = (text.match(/\p{L}+/gu) ?? []).length || 1;
  const tailStart = Math.floor(text.length * (1 - BIO_TAIL_SHARE));
  const bioMatch = AUTHOR_BIO.exec(text.slice(tailStart));
  const authorBio = Boolean(bioMatch);
  // The bio is the writer speaking about themselves, not first-person argument.
  const bodyEnd = bioMatch ? tailStart + bioMatch.index : text.length;
  const body = text.slice(0, bodyEnd);
  const firstPerson = countOutside(body, FIRST_PERSON, quotes, (m) => !COUNTRY_US.test(m[0]));
  const evaluative = countOutside(body, EVALUATIVE, quotes);
  const hedgeCount = countOutside(body, HEDGE, quotes);
  const numberedItems = (body.match(NUMBERED) ?? []).length;
  const headings = (body.match(HEADING) ?? []).filter((h) => h.trim().split(/\s+/).length <= 8).length;
  const analyticPhrases = countOutside(body, ANALYTIC, quotes);

  const per1000 = (n: number): number => (n * 1000) / words;
  const analyticScore = (numberedItems >= 3 ? 2 : 0) + (headings >= 2 ? 1 : 0) + Math.min(3, Math.floor(analyticPhrases / 2)) + (per1000(hedgeCount) >= 8 ? 1 : 0);
  const opinionated = per1000(firstPerson) >= STRONG_FIRST_PERSON_PER_1000 && per1000(evaluative) >= STRONG_EVALUATIVE_PER_1000 / 2;
  let indicates: ArticleKind | undefined;
  if (analyticScore >= STRONG_ANALYTIC && !opinionated) indicates = 'analysis';
  else if (opinionated || (per1000(evaluative) >= STRONG_EVALUATIVE_PER_1000 * 2 && authorBio)) indicates = 'opinion';
  else if (analyticScore <= 1 && per1000(firstPerson) < 2 && per1000(evaluative) < STRONG_EVALUATIVE_PER_1000) indicates = 'news';

  const parts = [
    firstPerson ? `first person ×${firstPerson}` : '',
    evaluative ? `evaluative modals ×${evaluative}` : '',
    hedgeCount ? `hedges ×${hedgeCount}` : '',
    numberedItems ? `numbered items ×${numberedItems}` : '',
    headings ? `sub-headings ×${headings}` : '',
    analyticPhrases ? `analytic phrases ×${analyticPhrases}` : '',
    authorBio ? 'author bio' : '',
  ].filter(Boolean);
  const plain = [
    firstPerson ? 'written in the first person' : '',
    evaluative ? 'with evaluative words (should, must)' : '',
    hedgeCount ? 'hedged claims' : '',
    numberedItems >= 3 ? 'numbered factors' : '',
    headings >= 2 ? 'sub-headings' : '',
    analyticPhrases ? 'analytic phrasing' : '',
    authorBio ? 'an author bio' : '',
  ].filter(Boolean);
  return {
    words, firstPerson, evaluative, hedges: hedgeCount, numberedItems, headings, analyticPhrases, authorBio, indicates,
    summary: parts.join(', ') || 'no opinion or analysis signals', words_: plain.join(', ') || 'a plain report',
  };
}

/**
 * The kind of an article, decided once for every page that shows it: a kind the page states
 * (a section, a label) stands; one the extractor only assumed gives way to strong signals of
 * the text. The reason is said in words, without counts.
 */
export function decideArticleKind(doc: Doc, signals: KindSignals = readKindSignals(doc)): { kind: ArticleKind; evidence: string; fromText: boolean } {
  const meta = doc.meta.kind;
  if (meta && meta.evidence.source !== 'inferred') {
    const where = meta.evidence.source === 'line' ? `the page says so (${meta.evidence.at})` : `the page's ${meta.evidence.source} says so`;
    return { kind: meta.value, evidence: `${meta.value}: ${where}`, fromText: false };
  }
  if (signals.indicates && signals.indicates !== (meta?.value ?? 'news')) {
    return { kind: signals.indicates, evidence: `${signals.indicates}: the page has no label; the text reads so (${signals.words_})`, fromText: true };
  }
  return { kind: meta?.value ?? 'news', evidence: `${meta?.value ?? 'news'}: the page has no label and the text reads as a report`, fromText: false };
}
