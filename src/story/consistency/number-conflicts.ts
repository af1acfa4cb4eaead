import type { Doc } from '../../core/index.js';
import type { Contradiction, ContradictionSide, SourceEvidence, StoryContext } from '../types.js';
import { readFigures, type Figure } from './figures.js';
import { contentWords, firstByArticle, stem } from './text.js';

/** Reports of one quantity rarely differ by more than this factor; beyond it two figures count different things. */
const MAX_DISCREPANCY_RATIO = 10;
/** Figures this close are one figure rounded (44% and 44.2%, 11,300 and "over 11,300"): not a disagreement. */
const ROUNDING = 0.025;
/** A word in at least this share of the story's articles is the story's topic, not a detail that pins an event. */
const COMMON_WORD_SHARE = 0.6;
/** Shared context words needed for figures of a measurement unit ("cubic metres per second"), or one uncommon word. */
const MIN_SHARED_MEASURE = 2;
/** Shared uncommon context words needed for bare shares, which many sentences carry. */
const MIN_SHARED_COUNT = 3;
/** Measures news states in many words, read into one class by figures.ts: compared whenever their places agree. */
const CLASSED = new Set(['deaths', 'missing', 'injured', 'displaced', 'tariff', 'trade$', 'trade€', 'trade£']);
/** Rates differ by country: a rate is compared only with rates on a place it names too. */
const PER_PLACE = new Set(['tariff']);
/** Counting nouns for groups of people: "3,000 people" may be the same crowd as "20,000 farmers". */
const PEOPLE = new Set(['people', 'person', 'individual'].map(stem));
const HUMAN_GROUPS = new Set(['farmer', 'protester', 'demonstrator', 'marcher', 'worker', 'resident', 'participant', 'supporter', 'student', 'civilian', 'voter', 'refugee', 'migrant', 'villager', 'fisher', 'fishermen', 'employee', 'member', 'activist', 'pilgrim', 'spectator', 'fan', 'visitor', 'citizen', 'docker'].map(stem));
/** Measures too common to compare on a weak context (counts of people, shares, durations). */
const GENERIC = new Set(['%', 'people', ...['year', 'day', 'week', 'month', 'hour', 'time', 'point'].map(stem), ...PEOPLE, ...HUMAN_GROUPS]);
/** Plain names of the measure classes, for the claim. */
const MEASURE_LABEL: Readonly<Record<string, string>> = { deaths: 'Death toll', missing: 'People missing', injured: 'People injured', displaced: 'People displaced', tariff: 'Tariff rate', trade$: 'Value of trade', 'trade€': 'Value of trade', 'trade£': 'Value of trade' };

const lastWord = (unit: string): string => unit.split(' ').pop()!;
const countsPeople = (f: Figure): boolean => f.measure === 'people' || PEOPLE.has(lastWord(f.unit)) || HUMAN_GROUPS.has(lastWord(f.unit));

/** Day-precision dates of the time expressions in a figure's sentence. */
function sentenceDays(doc: Doc, f: Figure): Set<string> {
  return new Set((doc.layers.times ?? []).filter((t) => t.start >= f.sentence.start && t.end <= f.sentence.end && t.value && /^\d{4}-\d{2}-\d{2}$/.test(t.value)).map((t) => t.value!));
}

/**
 * Figures for one quantity that sources give differently: the same measure (deaths, people
 * missing, a tariff rate, a sum of trade; or the same unit with sentences about the same thing;
 * or people counted under different nouns on one day) about the same places, values that are not
 * the same figure rounded and within an order of magnitude. An earlier figure, a total beside a
 * part of it, a projection and a bound that allows the other figure are said in the claim.
 */
export function findNumberContradictions(ctx: StoryContext): Contradiction[] {
  return [...numberFindings(ctx).contradictions];
}

/**
 * One figure that sources give at different precision ("44%" and "44.2%", "4,300" and "4,310"),
 * with no other value beside it: rounding, not a conflict (kind `rounding`), each written form a side.
 */
export function findRoundedFigures(ctx: StoryContext): Contradiction[] {
  return [...numberFindings(ctx).roundings];
}

interface NumberFindings { readonly contradictions: readonly Contradiction[]; readonly roundings: readonly Contradiction[] }

/** The contradictions, the single-source stage and the roundings all need these: computed once per story context. */
function numberFindings(ctx: StoryContext): NumberFindings {
  let found = computed.get(ctx);
  if (!found) {
    found = numberContradictions(ctx);
    computed.set(ctx, found);
  }
  return found;
}

/** Results per story context (a pure function of it), dropped with the context. */
const computed = new WeakMap<StoryContext, NumberFindings>();

/** Two figures are one figure, perhaps rounded or bounded ("11,300" and "over 11,300"). */
export function sameFigure(a: { value: number }, b: { value: number }): boolean {
  return Math.abs(a.value - b.value) <= ROUNDING * Math.max(a.value, b.value);
}

function numberContradictions(ctx: StoryContext): NumberFindings {
  const docs = new Map(ctx.docs.map((d) => [d.id, d]));
  const figures = ctx.docs.flatMap((d) => readFigures(ctx, d));
  const articleCount = new Map<string, number>();
  for (const d of ctx.docs) for (const w of new Set(contentWords(d.text))) articleCount.set(w, (articleCount.get(w) ?? 0) + 1);
  const common = (w: string): boolean => ctx.docs.length >= 3 && (articleCount.get(w) ?? 0) >= COMMON_WORD_SHARE * ctx.docs.length;
  const days = new Map(figures.map((f) => [f, sentenceDays(docs.get(f.article)!, f)]));

  const related = (a: Figure, b: Figure): boolean => {
    if (a.article === b.article || a.projection !== b.projection) return false;
    if (Math.max(a.value, b.value) > MAX_DISCREPANCY_RATIO * Math.min(a.value, b.value)) return false;
    const sameDay = [...days.get(a)!].some((d) => days.get(b)!.has(d));
    // "2,000 people" and "12,000 dockers" on the same day may be one crowd counted under two nouns.
    if (sameDay && countsPeople(a) && countsPeople(b) && !CLASSED.has(a.measure) && !CLASSED.has(b.measure)) return true;
    if (a.measure !== b.measure) return false;
    // Trade is one flow seen from two ends ("imports to Veskaria", "Kellish exports"): its places are not compared.
    const placesAgree = a.measure.startsWith('trade') ? true : PER_PLACE.has(a.measure)
      ? a.targets.some((t) => b.targets.includes(t))
      : a.targets.length === 0 || b.targets.length === 0 || a.targets.some((t) => b.targets.includes(t));
    if (CLASSED.has(a.measure)) return placesAgree;
    const shared = new Set(a.context.filter((w) => b.context.includes(w)));
    const uncommon = [...shared].filter((w) => !common(w)).length;
    if (sameDay) return true;
    if (GENERIC.has(a.measure) || GENERIC.has(lastWord(a.unit))) return uncommon >= MIN_SHARED_COUNT;
    return shared.size >= MIN_SHARED_MEASURE || uncommon >= 1;
  };

  const groups = singleLinkGroups(figures, related, (f) => relationKeys(f, days.get(f)!));
  const out: Contradiction[] = [];
  const roundings: Contradiction[] = [];
  for (const group of groups) {
    const sides = sidesOf(group);
    if (sides.length < 2 || !crossArticle(sides)) {
      // A figure that is only rounded is said as such; in a contradiction the side's value says it.
      for (const s of sides) if (isRounding(s)) roundings.push(rounding(s, docs));
      continue;
    }
    out.push(contradiction(group, sides, docs));
  }
  const byClaim = (a: Contradiction, b: Contradiction): number => a.claim.localeCompare(b.claim);
  return { contradictions: out.sort(byClaim), roundings: roundings.sort(byClaim) };
}

/** A side whose articles write one figure at different values (not only with other qualifiers). */
function isRounding(side: readonly Figure[]): boolean {
  const values = new Map<number, Set<string>>();
  for (const f of side) (values.get(f.value) ?? values.set(f.value, new Set()).get(f.value)!).add(f.article);
  if (values.size < 2) return false;
  // Two values carried by different articles: one article's own two figures may be two things.
  const sets = [...values.values()];
  return sets.some((x, i) => sets.some((y, j) => j > i && [...x].some((a) => !y.has(a)) && [...y].some((a) => !x.has(a))));
}

function rounding(side: readonly Figure[], docs: ReadonlyMap<string, Doc>): Contradiction {
  const first = side[0]!;
  const what = measureLabel(first, docs);
  const byValue = new Map<number, Figure[]>();
  for (const f of [...side].sort((a, b) => a.value - b.value)) (byValue.get(f.value) ?? byValue.set(f.value, []).get(f.value)!).push(f);
  const sides = [...byValue.values()].map((fs) => {
    const { ordered, articles, byArticle } = sourcesOf(fs, docs);
    return { value: ordered[0]!.written, articles, evidence: byArticle[0]!.evidence, evidenceByArticle: byArticle };
  });
  return { kind: 'rounding', claim: `${what}: ${sides.map((s) => s.value).join(' and ')} (the same figure rounded, not a conflict)`, sides };
}

/** The group's figures split into values: one side per figure, rounding and bounds aside. */
function sidesOf(group: readonly Figure[]): Figure[][] {
  const sides: Figure[][] = [];
  for (const f of [...group].sort((a, b) => a.value - b.value)) {
    const side = sides.find((s) => sameFigure(s[0]!, f) && s[0]!.earlier === f.earlier && s[0]!.total === f.total);
    if (side) side.push(f);
    else sides.push([f]);
  }
  return sides;
}

/**
 * Only a disagreement across articles counts: one article's two figures may be two things. Two
 * values disagree when each has an article the other lacks, or when one is a total that some
 * article giving the other value does not mention (it gives a part as if it were all).
 */
function crossArticle(sides: readonly Figure[][]): boolean {
  const articlesOf = (s: readonly Figure[]) => new Set(s.map((f) => f.article));
  const totalArticles = new Set(sides.filter((s) => s.every((f) => f.total)).flatMap((s) => s.map((f) => f.article)));
  return sides.some((v, i) => sides.some((w, j) => {
    if (j === i) return false;
    const [av, aw] = [articlesOf(v), articlesOf(w)];
    if (j > i && [...av].some((a) => !aw.has(a)) && [...aw].some((a) => !av.has(a))) return true;
    return w.every((f) => f.total) && v.every((f) => !f.total) && [...av].some((a) => !totalArticles.has(a));
  }));
}

function contradiction(group: readonly Figure[], sides: readonly Figure[][], docs: ReadonlyMap<string, Doc>): Contradiction {
  const out = sides.map((v) => side(v, docs)).sort((a, b) => b.articles.length - a.articles.length || a.value.localeCompare(b.value));
  const notes: string[] = [];
  if (sides.some((s) => s.every((f) => f.earlier))) notes.push('partly a figure that changed over time: one side is an earlier figure');
  if (sides.some((s) => s.every((f) => f.total)) && sides.some((s) => s.every((f) => !f.total))) notes.push('one side is a total, the other a part of it: a difference of framing more than of fact');
  const bounded = sides.some((s, i) => sides.some((t, j) => j !== i && s.some((f) => t.some((g) => f.low <= g.value && g.value <= f.high && !sameFigure(f, g)))));
  if (bounded) notes.push('a bound ("at least", "over") allows the other figure');
  if (group[0]!.projection) notes.push('projections, not counts');
  const what = measureLabel(group[0]!, docs);
  const values = out.map((s) => s.value).join(' vs ');
  return { kind: 'number', claim: `${what}: ${values}${notes.length ? ` (${notes.join('; ')})` : ''}`, sides: out };
}

/**
 * Where a figure is filed and where figures it may be related to are looked up, so that every
 * pair `related` can accept shares a key: its measure class, its unit with a context word, and,
 * for a count of people, the days its sentence names.
 */
function relationKeys(f: Figure, days: ReadonlySet<string>): { file: string[]; probe: string[] } {
  const file: string[] = [];
  const probe: string[] = [];
  const both = (k: string): void => { file.push(k); probe.push(k); };
  // A classed measure is compared with every figure of it (a story gives a handful of death tolls, not thousands).
  if (CLASSED.has(f.measure)) both(`m|${f.measure}`);
  for (const w of f.context) both(`u|${f.measure}|${w}`);
  for (const d of days) {
    both(`u|${f.measure}|day|${d}`);
    if (countsPeople(f)) both(`people|${d}`);
  }
  return { file, probe };
}

/**
 * Single-link groups, built in order: each figure joins (and merges) every earlier group holding
 * a figure related to it. Only figures sharing a key are compared, so the cost follows the
 * related pairs, not all pairs.
 */
function singleLinkGroups(
  figures: readonly Figure[],
  related: (a: Figure, b: Figure) => boolean,
  keys: (f: Figure) => { file: string[]; probe: string[] },
): Figure[][] {
  const groups = new Map<number, GroupNode>();
  const groupOf = new Map<Figure, number>();
  const movedTo = new Map<number, number>();
  const current = (id: number): number => {
    let to = movedTo.get(id);
    if (to === undefined) return id;
    to = current(to);
    movedTo.set(id, to);
    return to;
  };
  const filed = new Map<string, Figure[]>();
  let next = 0;
  for (const f of figures) {
    const { file, probe } = keys(f);
    const joined = new Set<number>();
    for (const key of probe) {
      for (const m of filed.get(key) ?? []) {
        const id = current(groupOf.get(m)!);
        if (!joined.has(id) && related(m, f)) joined.add(id);
      }
    }
    const ids = [...joined].sort((a, b) => a - b);
    const merged: GroupNode = { figure: f, joined: ids.map((id) => groups.get(id)!) };
    const id = next++;
    for (const old of ids) { groups.delete(old); movedTo.set(old, id); }
    groups.set(id, merged);
    groupOf.set(f, id);
    for (const key of new Set(file)) (filed.get(key) ?? filed.set(key, []).get(key)!).push(f);
  }
  return [...groups.values()].map(figuresOf);
}

/**
 * A group as it was built: the figure that made it, then the groups it joined, in order. Copying
 * the joined groups' figures at every join cost the square of a large group's size; they are
 * listed once, at the end.
 */
interface GroupNode {
  readonly figure: Figure;
  readonly joined: readonly GroupNode[];
}

/** A group's figures: its figure, then each joined group's figures in turn. */
function figuresOf(group: GroupNode): Figure[] {
  const out: Figure[] = [];
  const stack = [group];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node.figure);
    for (let k = node.joined.length - 1; k >= 0; k--) stack.push(node.joined[k]!);
  }
  return out;
}

function evidence(f: Figure, docs: ReadonlyMap<string, Doc>): SourceEvidence {
  const doc = docs.get(f.article)!;
  return { article: f.article, evidence: doc.text.slice(f.sentence.start, f.sentence.end).trim(), start: f.sentence.start, end: f.sentence.end };
}

/** What the figures measure, in words: the class's name, else the first figure's words. */
function measureLabel(first: Figure, docs: ReadonlyMap<string, Doc>): string {
  return MEASURE_LABEL[first.measure] ?? `Figures for "${docs.get(first.article)!.text.slice(first.span.start, first.span.end)}"`;
}

/** Figures in article order, their articles, and each article's first sentence giving one. */
function sourcesOf(v: readonly Figure[], docs: ReadonlyMap<string, Doc>): { ordered: Figure[]; articles: string[]; byArticle: SourceEvidence[] } {
  const ordered = [...v].sort((a, b) => a.article.localeCompare(b.article) || a.span.start - b.span.start);
  const firsts = firstByArticle(ordered);
  return { ordered, articles: [...firsts.keys()], byArticle: [...firsts.values()].map((f) => evidence(f, docs)) };
}

function side(v: readonly Figure[], docs: ReadonlyMap<string, Doc>): ContradictionSide {
  const { ordered, articles, byArticle } = sourcesOf(v, docs);
  const first = ordered[0]!;
  // The same figure rounded in another article is said as rounding, not counted as another value.
  const rounded = [...new Set(ordered.filter((f) => f.value !== first.value && f.article !== first.article).map((f) => f.written))];
  const label = first.written + (v.every((f) => f.earlier) ? ' (earlier figure)' : v.every((f) => f.total) ? ' (total)' : '')
    + (rounded.length ? ` (${rounded.join(', ')} elsewhere: the same figure rounded)` : '');
  return { value: label, articles, evidence: byArticle[0]!.evidence, evidenceByArticle: byArticle };
}
