/**
 * Scoring of quote records against an exhaustive corpus gold (../shared/corpus/<story>/gold.json),
 * by the rules of the corpus READMEs:
 * - a record matches a gold quote when their word tokens overlap by at least 0.6 of each side;
 *   a record matching no gold quote is a false positive, one matching only an `optional` quote is
 *   neither, one equal to a `not_quotes` term is an error (and a false positive);
 * - a speaker is right when it is the gold speaker by name, alias, or one of its entity forms
 *   (a capital standing for its country included); one in `not_speakers` (or in
 *   `not_speakers_for_quotes` for that quote, or the outlet the quote was relayed `via`) is junk;
 *   an unresolved anaphor ("he", "the latter") is wrong; an `unnamed …` gold speaker is matched by
 *   a description sharing its head noun, never by a named entity.
 * Only records inside the gold body (minus its `not_body` furniture) are scored, plus records
 * outside it that match a gold quote (quotes with a `location`: standfirst, caption …).
 */
import type { AnnotationsJson } from '../src/report/index.js';

export interface GoldQuote {
  readonly text: string;
  readonly speaker: string;
  readonly direct: boolean;
  readonly optional?: boolean;
  readonly location?: string;
  readonly via?: string;
}
export interface GoldEntity { readonly name?: string; readonly canonical?: string; readonly forms?: readonly string[]; readonly stands_for?: string }
export interface GoldArticle {
  readonly id: string;
  readonly file: string;
  readonly body_first: string;
  readonly body_last: string;
  readonly not_body?: readonly string[];
  readonly quotes: readonly GoldQuote[];
  readonly not_quotes?: readonly string[];
  readonly not_speakers?: readonly string[];
  readonly not_speakers_for_quotes?: readonly { text: string; not_for: readonly string[] }[];
  readonly entities?: readonly GoldEntity[];
}
export interface CorpusGold {
  readonly articles: readonly GoldArticle[];
  readonly aliases?: readonly { canonical: string; forms: readonly string[] }[];
}

/** One quote record as the product shows it (annotationsToJson), with its speaker as displayed. */
export type RecordJson = AnnotationsJson['quotes'][number];

/** Share of each side's tokens a record and a gold quote must share to match (the READMEs' 0.6). */
export const MIN_OVERLAP = 0.6;

interface Span { start: number; end: number }

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').toLowerCase();

/** Every place a gold string occurs in the text: verbatim, else with any run of spaces and any quote-mark style. */
export function locateAll(text: string, needle: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push({ start: at, end: at + needle.length });
  if (out.length > 0 || needle.trim() === '') return out;
  const pattern = needle.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’‘]/g, "['’‘]").replace(/["“”]/g, '["“”]')).join('\\s+');
  for (const m of text.matchAll(new RegExp(pattern, 'gu'))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Word-token start positions of a span: the unit the overlap is counted in. */
function tokenSet(text: string, s: Span): Set<number> {
  const ids = new Set<number>();
  for (const m of text.slice(s.start, s.end).matchAll(/[\p{L}\p{N}]+/gu)) ids.add(s.start + m.index);
  return ids;
}

/** The smaller of the two coverages (shared tokens over each side's tokens). */
function coverage(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return Math.min(common / a.size, common / b.size);
}

const PRONOUN_OR_ANAPHOR = /^(?:he|she|they|it|we|i|you|him|her|them|his|its|their|the latter|the former|this|that|these|those|who|which)$/;
const DETERMINER = /^(?:the|a|an)\s+/;

/** A displayed speaker name normalised for comparison: folded, no leading article, no possessive, single spaces. */
function norm(s: string): string {
  return fold(s).replace(/\s+/g, ' ').trim().replace(DETERMINER, '').replace(/'s?$/, '').trim();
}

const STOP = new Set(['unnamed', 'the', 'a', 'an', 'of', 'in', 'and', 'to', 'for', 'on', 'with', 'some', 'many', 'several', 'other', 'two', 'three', 'one', 'its', 'his', 'her', 'their', 'country', 'city']);
const singular = (w: string): string => (w.length > 3 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** The head noun of a description: the last word before any prepositional tail or appositive ("a Libyan official in the city" → official). */
function headWord(description: string): string | undefined {
  const core = fold(description).split(/,|\s(?:in|of|from|at|with|who|familiar|close|on|for)\s/)[0] ?? '';
  const words = core.match(/[\p{L}\p{N}-]+/gu) ?? [];
  return words.length ? singular(words[words.length - 1]!) : undefined;
}

export type SpeakerVerdict = 'right' | 'wrong' | 'junk' | 'none';

/** The names the gold speaker may be written as in this article (canonical, aliases, entity forms, metonyms). */
function speakerForms(speaker: string, article: GoldArticle, gold: CorpusGold): Set<string> {
  const forms = new Set<string>([norm(speaker)]);
  const named = (e: GoldEntity): string => e.canonical ?? e.name ?? '';
  for (const a of gold.aliases ?? []) if (a.canonical === speaker || a.forms.includes(speaker)) for (const f of a.forms) forms.add(norm(f));
  for (const e of article.entities ?? []) {
    const same = named(e) === speaker || (e.forms ?? []).includes(speaker) || e.stands_for === speaker;
    if (!same) continue;
    forms.add(norm(named(e)));
    for (const f of e.forms ?? []) forms.add(norm(f));
  }
  forms.delete('');
  return forms;
}

/**
 * Is the displayed speaker the gold speaker? `entity` is true when the record resolved it to a named
 * entity. A name with a title or role before it, or an appositive after it, counts as that name.
 */
export function judgeSpeaker(shown: string | null, entity: boolean, q: GoldQuote, article: GoldArticle, gold: CorpusGold): SpeakerVerdict {
  if (!shown || shown.trim() === '') return 'none';
  const ours = norm(shown);
  const junk = [
    ...(article.not_speakers ?? []),
    ...(article.not_speakers_for_quotes ?? []).filter((n) => n.not_for.some((t) => sameText(t, q.text))).map((n) => n.text),
    ...(q.via ? [q.via] : []),
  ].map(norm);
  if (junk.includes(ours) || junk.includes(ours.split(',')[0]!.trim())) return 'junk';
  if (PRONOUN_OR_ANAPHOR.test(ours)) return 'wrong';
  if (/^unnamed\b/i.test(q.speaker)) {
    if (entity) return 'wrong';
    const ourHead = headWord(ours.replace(/^unnamed\s+/, ''));
    const goldWords = new Set((fold(q.speaker).match(/[\p{L}\p{N}-]+/gu) ?? []).filter((w) => !STOP.has(w)).map(singular));
    return ourHead && goldWords.has(ourHead) ? 'right' : 'wrong';
  }
  const forms = speakerForms(q.speaker, article, gold);
  const core = ours.split(',')[0]!.trim();
  if (forms.has(ours) || forms.has(core)) return 'right';
  // "Foreign Ministry spokesperson Lin Jian", "the head of the delegation, Vladimir Medinsky": the name closes the phrase.
  for (const f of forms) if (/\p{L}/u.test(f) && (ours.endsWith(` ${f}`) || core.endsWith(` ${f}`))) return 'right';
  return 'wrong';
}

const sameText = (a: string, b: string): boolean => fold(a).replace(/\s+/g, ' ').trim() === fold(b).replace(/\s+/g, ' ').trim();

export interface ScoredRecord {
  readonly record: RecordJson;
  /** Index of the gold quote it matches best, or -1. */
  readonly gold: number;
  readonly status: 'tp' | 'fp' | 'optional' | 'not-quote';
  readonly speaker: SpeakerVerdict;
}

export interface ArticleScore {
  readonly id: string;
  /** False when the body's first sentence is not in the extracted text (then only records matching gold are scored). */
  readonly bodyFound: boolean;
  /** False when the body's last sentence is not in the extracted text (the body then runs to the text's end). */
  readonly bodyEndFound: boolean;
  readonly records: readonly ScoredRecord[];
  /** Per gold quote: the best record index (into `records`) or -1, and whether its text was found in the extracted text. */
  readonly goldHits: readonly { readonly record: number; readonly located: boolean }[];
}

/**
 * The body span of the gold article in the extracted text, or null when its first sentence is
 * missing; when extraction lost its last sentence the body runs to the end of the text.
 */
export function bodySpan(text: string, a: GoldArticle): (Span & { endFound: boolean }) | null {
  const first = locateAll(text, a.body_first)[0];
  if (!first) return null;
  const last = locateAll(text, a.body_last).filter((s) => s.start >= first.start).pop();
  return { start: first.start, end: last ? last.end : text.length, endFound: last !== undefined };
}

/** Score one article's records against its gold. */
export function scoreArticle(text: string, records: readonly RecordJson[], a: GoldArticle, gold: CorpusGold): ArticleScore {
  const body = bodySpan(text, a);
  const furniture = (a.not_body ?? []).flatMap((nb) => locateAll(text, nb));
  const golds = a.quotes.map((q) => {
    const all = locateAll(text, q.text);
    const inBody = body ? all.filter((s) => s.start >= body.start && s.end <= body.end) : [];
    const places = q.location || inBody.length === 0 ? all : inBody;
    return places.map((s) => tokenSet(text, s));
  });
  const notQuotes = a.not_quotes ?? [];
  const scored: ScoredRecord[] = [];
  for (const r of records) {
    const tokens = tokenSet(text, r);
    let best = -1;
    let bestCover = 0;
    golds.forEach((places, k) => {
      for (const g of places) {
        const c = coverage(tokens, g);
        if (c >= MIN_OVERLAP && (c > bestCover || (c === bestCover && a.quotes[best]?.optional && !a.quotes[k]!.optional))) { best = k; bestCover = c; }
      }
    });
    const inBody = body !== null && r.start >= body.start && r.end <= body.end && !furniture.some((f) => r.start >= f.start && r.end <= f.end);
    if (best < 0 && !inBody) continue;
    const q = best >= 0 ? a.quotes[best]! : undefined;
    const status: ScoredRecord['status'] = notQuotes.some((n) => sameText(n.replace(/[.,]$/, ''), r.text.replace(/[.,]$/, '')))
      ? 'not-quote'
      : !q ? 'fp' : q.optional ? 'optional' : 'tp';
    const verdict: SpeakerVerdict = q
      ? judgeSpeaker(r.speaker, r.speakerEntity !== null, q, a, gold)
      : !r.speaker ? 'none'
      : (a.not_speakers ?? []).map(norm).includes(norm(r.speaker)) ? 'junk' : 'wrong';
    scored.push({ record: r, gold: best, status, speaker: verdict });
  }
  const goldHits = a.quotes.map((_, k) => {
    // The record that matches this gold quote, preferring one whose speaker is right.
    const candidates = scored.map((s, i) => ({ s, i })).filter(({ s }) => s.gold === k);
    const pick = candidates.find(({ s }) => s.speaker === 'right') ?? candidates[0];
    return { record: pick ? pick.i : -1, located: golds[k]!.length > 0 };
  });
  return { id: a.id, bodyFound: body !== null, bodyEndFound: body?.endFound ?? false, records: scored, goldHits };
}

export interface CorpusTotals {
  records: number; tp: number; fp: number; optional: number; notQuoteErrors: number;
  withSpeaker: number; speakerRight: number; junk: number; noSpeaker: number;
  gold: number; goldFound: number; direct: number; directRight: number; reported: number; reportedRight: number;
}

/** Sum the article scores into the corpus figures. */
export function totals(articles: readonly { score: ArticleScore; gold: GoldArticle }[]): CorpusTotals {
  const t: CorpusTotals = { records: 0, tp: 0, fp: 0, optional: 0, notQuoteErrors: 0, withSpeaker: 0, speakerRight: 0, junk: 0, noSpeaker: 0, gold: 0, goldFound: 0, direct: 0, directRight: 0, reported: 0, reportedRight: 0 };
  for (const { score, gold } of articles) {
    for (const r of score.records) {
      t.records++;
      if (r.status === 'tp') t.tp++;
      else if (r.status === 'optional') t.optional++;
      else { t.fp++; if (r.status === 'not-quote') t.notQuoteErrors++; }
      if (r.speaker === 'none') t.noSpeaker++;
      else { t.withSpeaker++; if (r.speaker === 'right') t.speakerRight++; if (r.speaker === 'junk') t.junk++; }
    }
    gold.quotes.forEach((q, k) => {
      const hit = score.goldHits[k]!;
      t.gold++;
      if (hit.record >= 0) t.goldFound++;
      if (q.optional) return;
      const right = hit.record >= 0 && score.records[hit.record]!.speaker === 'right';
      if (q.direct) { t.direct++; if (right) t.directRight++; } else { t.reported++; if (right) t.reportedRight++; }
    });
  }
  return t;
}
