import type { Doc } from '../../core/index.js';
import type { Contradiction, ContradictionSide, StoryContext } from '../types.js';
import { readFigures, type Figure } from './figures.js';
import { sameFigure } from './number-conflicts.js';
import { sourceOf, type Source } from './sources.js';

/** Estimates whose source matters: counts of the dead, missing, injured and displaced (a rate or a sum is a fact of policy, not an estimate). */
const ATTRIBUTED = /^(?:deaths|missing|injured|displaced)$/;

/** One source's key: its entity, or a person's surname, or its description. */
function sourceKey(s: Source): string {
  if (s.id) return s.id;
  const words = s.name.toLowerCase().replace(/\s*\(unnamed\)$/, ' (unnamed)').split(/\s+/);
  return words.join(' ');
}

/** People named differently in two articles (a transliteration the merge missed) are one source when their surnames agree. */
function surname(s: Source): string {
  const w = s.name.replace(/\s*\(unnamed\)$/, '').split(/[\s-]+/);
  return w.length > 1 ? w[w.length - 1]!.toLowerCase() : '';
}

/**
 * The same figure given on the authority of different sources: "4,200 dead, the Orvan Relief Society
 * said" in two outlets and "4,200, the UN said" in a third; "could reach 9,000" from an unnamed
 * official in one and from the mayor in another. Each side is a source with its articles and
 * words; an unnamed source beside a named one is noted as possibly the same person.
 */
export function findAttributionContradictions(ctx: StoryContext): Contradiction[] {
  const docs = new Map(ctx.docs.map((d) => [d.id, d]));
  const figures = ctx.docs.flatMap((d) => readFigures(ctx, d)).filter((f) => ATTRIBUTED.test(f.measure));
  const groups: Figure[][] = [];
  for (const f of figures) {
    const g = groups.find((x) => x[0]!.measure === f.measure && x[0]!.projection === f.projection && sameFigure(x[0]!, f));
    if (g) g.push(f);
    else groups.push([f]);
  }
  const out: Contradiction[] = [];
  for (const group of groups) {
    if (new Set(group.map((f) => f.article)).size < 2) continue;
    const bySource = new Map<string, { source: Source; figures: Figure[] }>();
    for (const f of group) {
      const source = sourceOf(ctx, docs.get(f.article)!, f.sentence, f.span);
      if (!source) continue;
      const same = [...bySource.entries()].find(([, v]) => surname(v.source) !== '' && surname(v.source) === surname(source));
      const key = same ? same[0] : sourceKey(source);
      const entry = bySource.get(key) ?? bySource.set(key, { source, figures: [] }).get(key)!;
      entry.figures.push(f);
    }
    const sides = joinAffiliated(docs, [...bySource.values()]);
    if (sides.length < 2) continue;
    const articlesOf = (s: (typeof sides)[number]) => new Set(s.figures.map((f) => f.article));
    const acrossArticles = sides.some((a, i) => sides.some((b, j) => j > i && [...articlesOf(a)].some((x) => !articlesOf(b).has(x)) && [...articlesOf(b)].some((x) => !articlesOf(a).has(x))));
    if (!acrossArticles) continue;
    const value = group[0]!.written.replace(/^(?:over|more than|past|about|at least)\s+/i, '');
    const unnamed = sides.some((s) => s.source.id === null && /\(unnamed\)$/.test(s.source.name)) && sides.some((s) => s.source.id !== null);
    out.push({
      kind: 'attribution',
      claim: `Who gave the figure ${value}${group[0]!.projection ? ' (a projection)' : ''}: ${sides.map((s) => s.source.name).join(' vs ')}${unnamed ? ' (the unnamed source may be the named one)' : ''}`,
      sides: sides.map((s) => side(s.source, s.figures, docs)),
    });
  }
  return out;
}

/**
 * A person and the body an article says they speak for are one source ("Marie X, the agency's
 * secretary-general" and "the agency"): a person's side absorbs a body named in a sentence of theirs.
 */
function joinAffiliated(docs: ReadonlyMap<string, Doc>, sides: { source: Source; figures: Figure[] }[]): { source: Source; figures: Figure[] }[] {
  const out = [...sides];
  for (const person of sides) {
    const sentences = person.figures.map((f) => docs.get(f.article)!.text.slice(f.sentence.start, f.sentence.end).toLowerCase());
    for (const body of sides) {
      if (body === person || !out.includes(body) || !out.includes(person)) continue;
      if (person.source.id !== body.source.id && sentences.some((s) => s.includes(body.source.name.toLowerCase()))) {
        person.figures.push(...body.figures);
        out.splice(out.indexOf(body), 1);
      }
    }
  }
  return out;
}

function side(source: Source, figures: readonly Figure[], docs: ReadonlyMap<string, Doc>): ContradictionSide {
  const articles = [...new Set(figures.map((f) => f.article))];
  const byArticle = articles.map((a) => {
    const f = figures.find((x) => x.article === a)!;
    const doc = docs.get(a)!;
    return { article: a, evidence: doc.text.slice(f.sentence.start, f.sentence.end).trim(), start: f.sentence.start, end: f.sentence.end };
  });
  return { value: source.name, articles, evidence: byArticle[0]!.evidence, evidenceByArticle: byArticle };
}
