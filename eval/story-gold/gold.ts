/**
 * The shape of the story-level gold of ../shared/corpus/*\/gold.json (both corpora; fields one
 * of them lacks are optional), and the helpers that read it: locating its verbatim evidence in
 * an article and telling whether two names are one actor.
 */
import type { Doc, Span } from '../../src/core/index.js';

export interface GoldEntity { readonly canonical?: string; readonly name?: string; readonly type: string; readonly forms: readonly string[]; readonly stands_for?: string; readonly metonymy?: readonly (string | { form?: string; stands_for?: string })[] }
export interface GoldEvent { readonly date: string | null; readonly actor: string; readonly what: string; readonly evidence: string }
export interface GoldQuote { readonly text: string; readonly speaker: string; readonly direct: boolean }
export interface GoldArticle {
  readonly id: string;
  readonly file: string;
  readonly story?: string;
  readonly outlet: string | null;
  readonly kind: string;
  readonly title: string | null;
  readonly people?: readonly string[];
  readonly entities?: readonly GoldEntity[];
  readonly events?: readonly GoldEvent[];
  readonly quotes?: readonly GoldQuote[];
}
export interface GoldSide { readonly value: string; readonly articles: readonly string[]; readonly evidence: string; readonly evidence_by_article?: Readonly<Record<string, string>>; readonly also_evidence?: Readonly<Record<string, readonly string[]>> }
export interface GoldContradiction { readonly kind: string; readonly story?: string; readonly claim: string; readonly sides: readonly GoldSide[]; readonly note?: string }
export interface GoldNotContradiction { readonly candidate: string; readonly evidence: Readonly<Record<string, string>>; readonly also_evidence?: Readonly<Record<string, readonly string[]>> }
export interface GoldPosition { readonly actor: string; readonly position: string; readonly date: string | null; readonly articles: readonly string[]; readonly evidence: Readonly<Record<string, string>> }
export interface GoldTimelineEvent { readonly date: string | null; readonly actor: string; readonly what: string; readonly articles: readonly string[]; readonly evidence: Readonly<Record<string, string>> }
export interface GoldCoverage { readonly id: string; readonly label: string; readonly articles_mentioning: readonly string[]; readonly evidence: Readonly<Record<string, string>> }
export interface GoldAlias { readonly canonical: string; readonly type?: string; readonly forms: readonly string[] }

export interface StoryGold {
  readonly articles: readonly GoldArticle[];
  readonly stories?: Readonly<Record<string, readonly string[]>>;
  readonly aliases?: readonly GoldAlias[];
  readonly contradictions?: readonly GoldContradiction[];
  readonly not_contradictions?: readonly GoldNotContradiction[];
  readonly quote_variants?: readonly { readonly speaker: string; readonly forms: readonly { readonly article: string; readonly text: string }[] }[];
  readonly single_source_claims?: readonly { readonly article: string; readonly claim: string; readonly type?: string; readonly evidence: string }[];
  readonly stances?: { readonly topic: string; readonly positions: readonly GoldPosition[]; readonly not_positioned?: readonly { readonly actor: string; readonly articles: readonly string[] }[] };
  readonly coverage?: readonly GoldCoverage[];
  readonly timeline_gold?: readonly GoldTimelineEvent[];
  readonly summary_gold?: readonly { readonly line: string; readonly articles: readonly string[] }[];
}

const squash = (s: string): string => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a gold evidence string is in a doc's text (whitespace and quote marks folded), or null. */
export function locate(doc: Doc, evidence: string): Span | null {
  const at = doc.text.indexOf(evidence);
  if (at >= 0) return { start: at, end: at + evidence.length };
  const words = squash(evidence).trim().split(' ').filter(Boolean).map((w) => escape(w).replace(/'/g, "['\u2018\u2019]").replace(/"/g, '["\u201C\u201D]'));
  if (words.length === 0) return null;
  const m = new RegExp(words.join('\\s+')).exec(doc.text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Lower case, no accents, straight apostrophes, no possessive, single spaces. */
export function norm(s: string): string {
  return squash(s).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/'s\b/g, '').replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** Titles written before names in the gold forms ("Mayor X", "President Y"). */
const TITLES = /^(?:[a-z]+\s+)?(?:president|prime minister|mayor|defen[cs]e minister|foreign minister|minister|supreme leader|leader|ayatollah|seyyed|dr|mr|mrs|ms)\s+/;
const bare = (s: string): string => { let n = norm(s); for (let k = 0; k < 3; k++) n = n.replace(TITLES, ''); return n; };

/** Descriptive actors ("Iranian mission", "Iran's mission"): content words cut to their first letters. */
function descriptionKey(name: string): string {
  return norm(name).split(/[^a-z]+/).filter((w) => w.length > 2 && !['the', 'and', 'unnamed'].includes(w)).map((w) => w.slice(0, 4)).sort().join(' ');
}

/**
 * Whether a found actor name is the gold actor: the same name (titles ignored), names of one
 * gold alias group, the surname of the gold full name, or the same description.
 */
export function sameActor(gold: StoryGold, goldActor: string, found: string): boolean {
  const g = bare(goldActor);
  const f = bare(found);
  if (!g || !f) return false;
  if (g === f) return true;
  const group = gold.aliases?.find((a) => [a.canonical, ...a.forms].some((x) => bare(x) === g));
  if (group && [group.canonical, ...group.forms].some((x) => bare(x) === f)) return true;
  const gw = g.split(' ');
  const fw = f.split(' ');
  if (gw.length > 1 && fw.length === 1 && gw[gw.length - 1] === fw[0]) return true;
  return descriptionKey(goldActor) !== '' && descriptionKey(goldActor) === descriptionKey(found);
}
