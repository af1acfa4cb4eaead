import type { Doc, Span } from '../../core/index.js';
import type { QuoteVariant, SourceEvidence, StoryContext } from '../types.js';
import { HolderNames } from './holders.js';
import { contentWordsOf, samePersonName, sentenceAt, words } from './text.js';
import { TokenIndex } from './candidate-pairs.js';
import { compareWording } from './wording.js';

/** One rendering of a statement in one article. */
interface QuoteForm extends Span {
  readonly article: string;
  readonly text: string;
  /** Story-level speaker name, or null when unresolved. */
  readonly speaker: string | null;
  readonly tokens: readonly string[];
  readonly content: readonly string[];
}

/** Content-word Jaccard at which two quotes of one speaker read as one statement reworded. */
const SAME_SPEAKER_JACCARD = 0.45;
/** …and the content words they must share, so two short quotes do not match on one word. */
const MIN_SHARED_CONTENT = 3;
/** Share of the shorter quote's words found in order in the longer one: a partial quote of the same words. */
const SAME_SPEAKER_CONTAINMENT = 0.8;
/** With different or unknown speakers only near-identical wording counts. */
const OTHER_SPEAKER_CONTAINMENT = 0.9;
const OTHER_SPEAKER_JACCARD = 0.7;
/** Fewer words than this is a phrase anyone could use ("unwise"), not a statement to match. */
const MIN_QUOTE_WORDS = 3;
const MIN_OTHER_SPEAKER_WORDS = 4;
/** Rare words beyond the minimum a candidate pair is checked on: fewer pairs to align, at the cost of longer posting lists (2 measured best on 500 articles). */
const RARE_WORD_CHECKS = 2;
/** Text in quote marks the quote finder missed, still a candidate form (speaker unknown). */
const QUOTED_TEXT = /[“"]([^“”"\n]{8,400}?)[”"]/gu;

function lcs(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = tmp;
    }
  }
  return row[b.length]!;
}

/** The sentences of a quote, each compared on its own so a short quote can match part of a long one. */
function pieces(f: { tokens: readonly string[]; text: string }): readonly (readonly string[])[] {
  const parts = f.text.split(/(?<=[.!?])\s+/).map((p) => words(p)).filter((p) => p.length > 0);
  return parts.length > 1 ? [f.tokens, ...parts] : [f.tokens];
}

/** A quote with what comparing it needs, computed once. */
interface Comparable {
  readonly contentSet: ReadonlySet<string>;
  readonly pieces: readonly (readonly string[])[];
  readonly pieceSets: readonly ReadonlySet<string>[];
}

function comparable(q: { tokens: readonly string[]; content: readonly string[]; text: string }): Comparable {
  const ps = pieces(q);
  return { contentSet: new Set(q.content), pieces: ps, pieceSets: ps.map((p) => new Set(p)) };
}

/** Words of `s` found anywhere in `l`: no in-order match of `s` in `l` is longer. */
function containmentBound(s: readonly string[], l: ReadonlySet<string>): number {
  let n = 0;
  for (const w of s) if (l.has(w)) n++;
  return n;
}

/**
 * Content-word Jaccard and the best in-order containment over the two quotes' pieces. With
 * `floor`, pieces that cannot reach it are not aligned: the containment is exact when it
 * reaches the floor, and only known to be below it otherwise.
 */
function similarity(a: Comparable, b: Comparable, floor = 0): { jaccard: number; shared: number; containment: number; shorter: number } {
  let shared = 0;
  for (const w of a.contentSet) if (b.contentSet.has(w)) shared++;
  const union = a.contentSet.size + b.contentSet.size - shared;
  let containment = 0;
  let shorter = 0;
  a.pieces.forEach((pa, i) => {
    b.pieces.forEach((pb, j) => {
      const [s, l, lSet] = pa.length <= pb.length ? [pa, pb, b.pieceSets[j]!] : [pb, pa, a.pieceSets[i]!];
      if (s.length < MIN_QUOTE_WORDS) return;
      // The alignment (quadratic in length) only runs when its bound could beat the best so far.
      const bound = containmentBound(s, lSet) / s.length;
      if (bound < floor || bound < containment || (bound === containment && s.length <= shorter)) return;
      const c = lcs(s, l) / s.length;
      if (c > containment || (c === containment && s.length > shorter)) { containment = c; shorter = s.length; }
    });
  });
  return { jaccard: union === 0 ? 0 : shared / union, shared, containment, shorter };
}

/** Whether the content words alone make two quotes a rewording (then the containment must be exact: it is the group's score). */
function jaccardPasses(a: Comparable, b: Comparable): boolean {
  let shared = 0;
  for (const w of a.contentSet) if (b.contentSet.has(w)) shared++;
  const union = a.contentSet.size + b.contentSet.size - shared;
  return union > 0 && shared / union >= SAME_SPEAKER_JACCARD && shared >= MIN_SHARED_CONTENT;
}

/** How alike two quotes are: the best of content-word overlap and in-order containment, over whole quotes and their sentences. */
export function quoteSimilarity(a: { tokens: readonly string[]; content: readonly string[]; text: string }, b: { tokens: readonly string[]; content: readonly string[]; text: string }): { jaccard: number; shared: number; containment: number; shorter: number } {
  return similarity(comparable(a), comparable(b));
}

/** Forms grouped by their exact text: wire copy repeats one quote in many articles, and equal texts compare alike. */
interface Texts {
  /** Text id of each form. */
  readonly of: readonly number[];
  /** Forms of each text id, ascending. */
  readonly forms: readonly (readonly number[])[];
  /** What comparing each text needs. */
  readonly compared: readonly Comparable[];
}

function groupTexts(forms: readonly QuoteForm[]): Texts {
  const ids = new Map<string, number>();
  const of: number[] = [];
  const grouped: number[][] = [];
  const compared: Comparable[] = [];
  forms.forEach((f, i) => {
    let t = ids.get(f.text);
    if (t === undefined) {
      t = grouped.length;
      ids.set(f.text, t);
      grouped.push([]);
      compared.push(comparable(f));
    }
    of.push(t);
    grouped[t]!.push(i);
  });
  return { of, forms: grouped, compared };
}

/**
 * Pairs of forms (i < j, in order) that can pass a test of `findQuoteVariantGroups`: every
 * test needs content-word Jaccard of at least SAME_SPEAKER_JACCARD with MIN_SHARED_CONTENT
 * shared words, or a piece with at least SAME_SPEAKER_CONTAINMENT of its words in the other
 * quote; the rare-word filters of `TokenIndex` find all such pairs of texts without comparing
 * every pair. Forms of one text are never paired: identical renderings are not variants.
 */
function candidatePairs(forms: readonly QuoteForm[], texts: Texts): [number, number][] {
  const byContent = new TokenIndex(texts.compared.map((c) => c.contentSet));
  const byToken = new TokenIndex(texts.forms.map((list) => forms[list[0]!]!.tokens));
  const partners = texts.forms.map(() => new Set<number>());
  texts.compared.forEach((c, t) => {
    const link = (others: Iterable<number>): void => {
      for (const u of others) if (u !== t) { partners[t]!.add(u); partners[u]!.add(t); }
    };
    // |x ∩ y| ≥ J·|x ∪ y| ≥ J·|x|: a rewording holds that share of each quote's content words.
    link(byContent.holdersOfShare([...c.contentSet], SAME_SPEAKER_JACCARD, RARE_WORD_CHECKS, MIN_SHARED_CONTENT));
    for (const piece of c.pieces) if (piece.length >= MIN_QUOTE_WORDS) link(byToken.holdersOfShare(piece, SAME_SPEAKER_CONTAINMENT, RARE_WORD_CHECKS));
  });
  const out: [number, number][] = [];
  forms.forEach((f, i) => {
    const js: number[] = [];
    for (const u of partners[texts.of[i]!]!) for (const j of texts.forms[u]!) if (j > i && forms[j]!.article !== f.article) js.push(j);
    for (const j of js.sort((x, y) => x - y)) out.push([i, j]);
  });
  return out;
}

function formsOf(doc: Doc, holders: HolderNames): QuoteForm[] {
  const names = new Map((doc.layers.entityIndex ?? []).map((e) => [e.id, e.name]));
  const forms: QuoteForm[] = [];
  const make = (start: number, end: number, speaker: string | null): QuoteForm => {
    const text = doc.text.slice(start, end);
    const tokens = words(text);
    return { article: doc.id, start, end, text, speaker, tokens, content: contentWordsOf(tokens) };
  };
  const quotes = doc.layers.quotes ?? [];
  for (const q of quotes) {
    const speaker = q.speaker ? holders.canonical(doc.id, q.speaker, names.get(q.speaker) ?? '') : null;
    forms.push(make(q.start, q.end, speaker || null));
  }
  for (const m of doc.text.matchAll(QUOTED_TEXT)) {
    const start = m.index + 1;
    const end = start + m[1]!.length;
    if (quotes.some((q) => q.start < end && start < q.end)) continue;
    forms.push(make(start, end, null));
  }
  return forms.filter((f) => f.tokens.length >= MIN_QUOTE_WORDS);
}

/** Whether the sentence around a form names this speaker (the quote finder may have picked someone else in it). */
function sentenceNames(doc: Doc, f: QuoteForm, speaker: string, holders: HolderNames): boolean {
  const s = sentenceAt(doc, f.start);
  const span = { start: Math.min(s.start, f.start), end: Math.max(s.end, f.end) };
  const names = new Map((doc.layers.entityIndex ?? []).map((e) => [e.id, e.name]));
  return (doc.layers.entities ?? []).some((m) => m.start >= span.start && m.end <= span.end && m.type === 'PERSON' && samePersonName(holders.canonical(doc.id, m.entity, names.get(m.entity) ?? ''), speaker));
}

/**
 * One statement rendered in different words by different outlets: quotes in different articles
 * by the same speaker whose words overlap strongly (content-word Jaccard, or one quote's words
 * found in order in the other), and near-identical quotes whose speaker differs or is unknown
 * in one article (grouped with a note). Identical renderings are not variants.
 */
export function findQuoteVariantGroups(ctx: StoryContext): QuoteVariant[] {
  const holders = new HolderNames(ctx);
  const docs = new Map(ctx.docs.map((d) => [d.id, d]));
  const forms = ctx.docs.flatMap((d) => formsOf(d, holders));
  const parent = forms.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const best = new Map<number, number>();
  const notes = new Map<number, string>();

  const texts = groupTexts(forms);
  const joined = forms.map((f) => f.tokens.join(' '));
  // One comparison per pair of texts, however many articles repeat them.
  const similarities = new Map<number, ReturnType<typeof similarity>>();
  const similarityOf = (i: number, j: number): ReturnType<typeof similarity> => {
    const [x, y] = [texts.of[i]!, texts.of[j]!];
    const key = x * texts.forms.length + y;
    let sim = similarities.get(key);
    if (!sim) {
      const [cx, cy] = [texts.compared[x]!, texts.compared[y]!];
      sim = similarity(cx, cy, jaccardPasses(cx, cy) ? 0 : SAME_SPEAKER_CONTAINMENT);
      similarities.set(key, sim);
    }
    return sim;
  };
  // Pairs in (i, j) order, as a loop over all pairs would meet them: the group scores depend on the order of unions.
  for (const [i, j] of candidatePairs(forms, texts)) {
    const a = forms[i]!;
    const b = forms[j]!;
    if (joined[i] === joined[j]) continue;
    const sim = similarityOf(i, j);
    const reworded = sim.jaccard >= SAME_SPEAKER_JACCARD && sim.shared >= MIN_SHARED_CONTENT;
    const partial = sim.containment >= SAME_SPEAKER_CONTAINMENT && sim.shorter >= MIN_QUOTE_WORDS;
    // The tests for other speakers are stricter than these: a pair passing neither cannot match.
    if (!reworded && !partial) continue;
    const sameSpeaker = a.speaker !== null && b.speaker !== null
      ? a.speaker === b.speaker || samePersonName(a.speaker, b.speaker)
      // An unattributed form whose sentence names the other form's speaker is that speaker's.
      : (a.speaker !== null && sentenceNames(docs.get(b.article)!, b, a.speaker, holders)) || (b.speaker !== null && sentenceNames(docs.get(a.article)!, a, b.speaker, holders));
    let match = false;
    if (sameSpeaker) match = true;
    else {
      match = (sim.containment >= OTHER_SPEAKER_CONTAINMENT && sim.shorter >= MIN_OTHER_SPEAKER_WORDS) || (sim.jaccard >= OTHER_SPEAKER_JACCARD && sim.shared >= MIN_SHARED_CONTENT);
      // Two different named speakers each saying the words is only a variant when one article's sentence names the other's speaker.
      if (match && a.speaker && b.speaker) {
        match = sentenceNames(docs.get(b.article)!, b, a.speaker, holders) || sentenceNames(docs.get(a.article)!, a, b.speaker, holders);
      }
    }
    if (!match) continue;
    const root = find(i);
    parent[find(j)] = root;
    const score = Math.max(sim.jaccard, sim.containment);
    best.set(root, Math.max(best.get(root) ?? 0, score));
    if (!sameSpeaker) notes.set(root, a.speaker && b.speaker ? `the articles attribute these words to ${a.speaker} and to ${b.speaker}` : 'the speaker is not resolved in every article; grouped by near-identical wording');
  }

  const groups = new Map<number, number[]>();
  forms.forEach((_, i) => {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(i);
  });
  const out: QuoteVariant[] = [];
  for (const [root, members] of groups) {
    if (members.length < 2) continue;
    const group = members.map((i) => forms[i]!);
    if (new Set(group.map((f) => f.article)).size < 2) continue;
    const speakers = new Map<string, number>();
    for (const f of group) if (f.speaker) speakers.set(f.speaker, (speakers.get(f.speaker) ?? 0) + 1);
    // The speaker whom the most forms' sentences name wins (a mis-attributed form's sentence still names the real speaker).
    const ranked = [...speakers.keys()].map((s) => ({ s, named: group.filter((f) => f.speaker === s || sentenceNames(docs.get(f.article)!, f, s, holders)).length }))
      .sort((x, y) => y.named - x.named || (speakers.get(y.s) ?? 0) - (speakers.get(x.s) ?? 0) || x.s.localeCompare(y.s));
    const speaker = ranked[0]?.s ?? 'unknown speaker';
    // Each rendering against the fullest one: the words it adds or drops, and how alike the least alike is.
    const reference = [...group].sort((a, b) => b.tokens.length - a.tokens.length || a.start - b.start)[0]!;
    let similarity = 1;
    const formsOut = group
      .sort((a, b) => a.article.localeCompare(b.article) || a.start - b.start)
      .map((f): QuoteVariant['forms'][number] => {
        if (f === reference) return { article: f.article, evidence: f.text, start: f.start, end: f.end, text: f.text };
        const wording = compareWording(f.text, reference.text);
        similarity = Math.min(similarity, wording.similarity);
        return { article: f.article, evidence: f.text, start: f.start, end: f.end, text: f.text, wording: wording.pieces };
      });
    const note = notes.get(root);
    out.push({ speaker, forms: formsOut, similarity, ...(note ? { note } : {}) });
  }
  return out.sort((a, b) => a.speaker.localeCompare(b.speaker) || a.forms[0]!.start - b.forms[0]!.start);
}
