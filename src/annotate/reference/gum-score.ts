import type { Annotation } from './annotate.js';
import type { GumCase } from './gum-cases.js';
import { isNamedMention } from './gum-cases.js';
import type { GumMention } from './gum.js';
import { PRONOUNS, TITLE_CLASSES, roleClass } from './lexicon.js';

/**
 * Scoring the reference stage on GUM, for Parallax's purpose: for every
 * pronoun, role or title mention whose chain names an entity before it, is it
 * linked to that entity (right), to another (wrong), or left out (unlinked)?
 * Links made where GUM's chain names no entity count as wrong too, so
 * precision is measured over everything the stage emits, except what GUM
 * does not annotate that way: relative pronouns (not mentions in GUM) and
 * demonym descriptions of a state ("the Veskarian government" is its own
 * entity in GUM, the state itself for Parallax's speakers).
 */

export type MentionCategory = 'pronoun' | 'role' | 'title' | 'other';
export const CATEGORIES: readonly Exclude<MentionCategory, 'other'>[] = ['pronoun', 'role', 'title'];

export interface CategoryCounts {
  /** Mentions whose chain has a named entity earlier in the text. */
  linkable: number;
  right: number;
  /** Linked to another entity, on a linkable mention. */
  wrong: number;
  /** Links on mentions that should have none (no named entity in the chain, or not a mention at all). */
  spurious: number;
}

export const emptyCounts = (): CategoryCounts => ({ linkable: 0, right: 0, wrong: 0, spurious: 0 });

/** The category of a GUM mention: a third-person pronoun, a definite description headed by a title noun or another noun. */
export function categoryOf(c: GumCase, m: GumMention): MentionCategory {
  const words = c.doc.words;
  const head = words[m.head]!;
  if (m.first === m.last && PRONOUNS.has(head.form.toLowerCase())) return 'pronoun';
  if (head.upos !== 'NOUN' || words[m.first]!.form.toLowerCase() !== 'the') return 'other';
  const modifiers: string[] = [];
  for (let i = m.first + 1; i < m.head; i++) modifiers.push(words[i]!.form.toLowerCase());
  const cls = roleClass(head.form.toLowerCase(), modifiers);
  return cls !== undefined && TITLE_CLASSES.has(cls) ? 'title' : 'role';
}

/** The chains that name an entity, with where their first named mention starts. */
function namedChains(c: GumCase): Map<number, number> {
  const at = new Map<number, number>();
  for (const m of c.doc.mentions) if (isNamedMention(c.doc, m) && !at.has(m.chain)) at.set(m.chain, m.start);
  return at;
}

/** Counts per category for one document. */
export function scoreCase(c: GumCase, annotation: Annotation): Record<Exclude<MentionCategory, 'other'>, CategoryCounts> {
  const out = { pronoun: emptyCounts(), role: emptyCounts(), title: emptyCounts() };
  const named = namedChains(c);
  // by the gold alone: a mention whose entity the entities stage missed is still one the article resolves
  const linkable = (m: GumMention): boolean => (named.get(m.chain) ?? Infinity) < m.start;
  for (const m of c.doc.mentions) {
    const cat = categoryOf(c, m);
    if (cat !== 'other' && linkable(m)) out[cat].linkable++;
  }
  for (const l of annotation.links) {
    // GUM marks no relative pronouns and keeps "the Mexican government" apart from "Mexico": those links are not scored here
    if (l.candidate.kind === 'relative' || l.candidate.kind === 'demonym') continue;
    const m = c.goldMention(l.candidate);
    const cat = m ? categoryOf(c, m) : l.candidate.kind === 'pronoun' ? 'pronoun' : l.candidate.description?.title ? 'title' : 'role';
    const bucket = out[cat === 'other' ? (l.candidate.kind === 'pronoun' ? 'pronoun' : 'role') : cat];
    if (!m || cat === 'other' || !linkable(m)) bucket.spurious++;
    else if (c.chainOf.get(l.entity) === m.chain) bucket.right++;
    else bucket.wrong++;
  }
  return out;
}

/** Add counts into a running total. */
export function addCounts(total: Record<string, CategoryCounts>, part: Record<string, CategoryCounts>): void {
  for (const [k, v] of Object.entries(part)) {
    const t = (total[k] ??= emptyCounts());
    t.linkable += v.linkable;
    t.right += v.right;
    t.wrong += v.wrong;
    t.spurious += v.spurious;
  }
}

/** Accuracy (right / linkable), precision (right / links made), unlinked share (of the linkable). */
export function rates(c: CategoryCounts): { accuracy: number; precision: number; unlinked: number; links: number } {
  const links = c.right + c.wrong + c.spurious;
  return {
    accuracy: c.linkable ? c.right / c.linkable : 0,
    precision: links ? c.right / links : 0,
    unlinked: c.linkable ? (c.linkable - c.right - c.wrong) / c.linkable : 0,
    links,
  };
}
