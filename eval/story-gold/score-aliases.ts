/**
 * Cross-outlet aliases, read from where each gold form is written: every occurrence of a form
 * in the story's articles is mapped to the story entity of the mention covering it. A gold alias
 * group is merged when every form written in the story reaches an entity and all reach the same
 * one. A story entity is a wrong merge when its mentions name two different gold entities (per
 * article's exhaustive gold entities; alias groups and "stands for" metonymy count as one).
 */
import type { Doc, Span } from '../../src/core/index.js';
import type { EntityResolution } from '../../src/story/types.js';
import { norm, type GoldEntity, type StoryGold } from './gold.js';

export interface AliasGroupOutcome { readonly canonical: string; readonly merged: boolean; readonly detail: string }
export interface AliasScore { readonly groups: AliasGroupOutcome[]; readonly wrong: { entity: string; names: string[] }[] }

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Occurrences of a form as a whole word (case-sensitive; straight and curly apostrophes alike). */
function occurrences(text: string, form: string): Span[] {
  const pattern = escape(form).replace(/['’]/g, "['’]");
  const out: Span[] = [];
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'gu'))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The story entity of the entity mention best covering a span (the overlapping mention closest in
 * length); null when that mention is the name of another gold entity written around the form
 * ("China" inside "China’s Commerce Ministry"): the form is not used as a name of its own there.
 */
function entityAt(doc: Doc, span: Span, entities: EntityResolution, otherNames: ReadonlySet<string>): string | undefined | null {
  const hits = (doc.layers.entities ?? []).filter((m) => m.start < span.end && span.start < m.end);
  const best = hits.sort((a, b) => Math.abs(a.end - a.start - (span.end - span.start)) - Math.abs(b.end - b.start - (span.end - span.start)))[0];
  if (best && (best.end - best.start > span.end - span.start) && otherNames.has(norm(doc.text.slice(best.start, best.end)))) return null;
  return best ? entities.resolve(doc.id, best.entity) : undefined;
}

/** Score the alias groups written in one story's articles (groups with no form written there are left out). */
export function scoreAliasesInStory(gold: StoryGold, docs: readonly Doc[], entities: EntityResolution, goldIdOf: (d: Doc) => string | undefined): { groups: (AliasGroupOutcome & { present: boolean })[] } {
  const name = (id: string): string => entities.get(id)?.name ?? id;
  const groups = (gold.aliases ?? []).map((g) => {
    const reached = new Map<string, Set<string>>();
    const missing: string[] = [];
    const mine = new Set([g.canonical, ...g.forms].map(norm));
    const otherNames = (d: Doc): Set<string> => new Set((gold.articles.find((a) => a.id === goldIdOf(d))?.entities ?? [])
      .flatMap((e) => [e.canonical ?? e.name ?? '', ...e.forms]).map(norm).filter((n) => n && !mine.has(n)));
    // Only articles whose exhaustive gold entities name this entity by the form use it for this one (not Moscow the city, not "Moscow time").
    // (Names outside the annotated types, such as a treaty's, are kept wherever they are written.)
    const annotated = gold.articles.some((a) => (a.entities ?? []).some((e) => e.forms.some((f) => mine.has(norm(f)))));
    // A capital some article marks as standing for its country is the city where an article does not.
    const metonyms = new Set(gold.articles.flatMap((a) => (a.entities ?? []).filter((e) => e.stands_for).map((e) => norm(e.canonical ?? e.name ?? ''))));
    const forThis = (e: GoldEntity): boolean => {
      const own = norm(e.canonical ?? e.name ?? '');
      if (!e.stands_for && metonyms.has(own) && own !== norm(g.canonical)) return false;
      return mine.has(norm(e.stands_for ?? own));
    };
    const usedOtherwise = (d: Doc, form: string): boolean => annotated && !(gold.articles.find((a) => a.id === goldIdOf(d))?.entities ?? [])
      .some((e) => e.forms.some((f) => norm(f) === norm(form)) && forThis(e));
    for (const form of new Set([g.canonical, ...g.forms])) {
      const at = docs.filter((d) => !usedOtherwise(d, form)).flatMap((d) => occurrences(d.text, form).map((s) => entityAt(d, s, entities, otherNames(d))));
      if (at.length === 0 || at.every((x) => x === null)) continue;
      const ids = new Set(at.filter((x): x is string => typeof x === 'string'));
      if (ids.size === 0) missing.push(form);
      else reached.set(form, ids);
    }
    const present = reached.size + missing.length > 0;
    const all = new Set([...reached.values()].flatMap((s) => [...s]));
    const merged = present && missing.length === 0 && all.size === 1;
    const detail = [...[...reached].map(([f, ids]) => `${f}→${[...ids].map(name).join('+')}`), ...missing.map((f) => `${f}→none`)].join(' | ');
    return { canonical: g.canonical, merged, present, detail };
  });
  return { groups };
}

/** Story entities whose mentions name two gold entities that are not one (alias group, metonymy). */
export function wrongMerges(gold: StoryGold, docs: readonly Doc[], goldIdOf: (d: Doc) => string | undefined, entities: EntityResolution): { entity: string; names: string[] }[] {
  const unify = new Map<string, string>();
  for (const g of gold.aliases ?? []) for (const f of [g.canonical, ...g.forms]) unify.set(norm(f), norm(g.canonical));
  // A capital the gold marks as standing for its country in one article is that country wherever it is named.
  const standsFor = new Map<string, string>();
  for (const a of gold.articles) for (const e of a.entities ?? []) if (e.stands_for) standsFor.set(norm(e.canonical ?? e.name ?? ''), e.stands_for);
  const key = (n: string): string => { const m = standsFor.get(norm(n)) ?? n; return unify.get(norm(m)) ?? norm(m); };
  const namesOf = new Map<string, Set<string>>();
  for (const doc of docs) {
    const article = gold.articles.find((a) => a.id === goldIdOf(doc));
    const forms = new Map<string, string>();
    for (const e of article?.entities ?? []) {
      const canonical = e.stands_for ?? e.canonical ?? e.name ?? '';
      for (const f of [...e.forms, e.canonical ?? e.name ?? '']) if (f) forms.set(norm(f), key(canonical));
    }
    for (const m of doc.layers.entities ?? []) {
      const g = forms.get(norm(doc.text.slice(m.start, m.end)));
      const id = entities.resolve(doc.id, m.entity);
      if (!g || !id) continue;
      (namesOf.get(id) ?? namesOf.set(id, new Set()).get(id)!).add(g);
    }
  }
  return [...namesOf].filter(([, names]) => names.size > 1).map(([id, names]) => ({ entity: entities.get(id)?.name ?? id, names: [...names].sort() }));
}
