import type { Doc } from '../../core/index.js';
import type { Contradiction, ContradictionSide, SourceEvidence, StoryContext } from '../types.js';
import { agree, extractNumbers, type NumberMention } from './numbers.js';
import { contentWords, stem } from './text.js';

/** Reports of one quantity rarely differ by more than this factor; beyond it two figures count different things. */
const MAX_DISCREPANCY_RATIO = 10;
/** A word in at least this share of the story's articles is the story's topic, not a detail that pins an event. */
const COMMON_WORD_SHARE = 0.6;
/** Shared context words needed for figures with a measurement unit ("cubic metres per second"), or one uncommon word. */
const MIN_SHARED_MEASURE = 2;
/** Shared uncommon context words needed for plain counts and percentages, which many sentences carry. */
const MIN_SHARED_COUNT = 3;
/** Counting nouns for groups of people: "3,000 people" may be the same crowd as "20,000 farmers". */
const PEOPLE = new Set(['people', 'person', 'individual'].map(stem));
const HUMAN_GROUPS = new Set(['farmer', 'protester', 'demonstrator', 'marcher', 'worker', 'resident', 'participant', 'supporter', 'student', 'civilian', 'voter', 'refugee', 'migrant', 'villager', 'fisher', 'fishermen', 'employee', 'member', 'activist', 'pilgrim', 'spectator', 'fan', 'visitor', 'citizen'].map(stem));
/** Units whose figures are too common to compare on a weak context (counts, shares, durations). */
const GENERIC_UNITS = new Set(['%', ...['year', 'day', 'week', 'month', 'hour', 'time', 'point'].map(stem), ...PEOPLE, ...HUMAN_GROUPS]);

function headOf(n: NumberMention): string {
  return n.unit.split(' ')[0]!;
}

function isGeneric(n: NumberMention): boolean {
  return GENERIC_UNITS.has(n.unit.split(' ').pop()!);
}

function sameQuantity(a: NumberMention, b: NumberMention): boolean {
  if (a.unit === b.unit) return true;
  const ha = a.unit.split(' ').pop()!;
  const hb = b.unit.split(' ').pop()!;
  return (PEOPLE.has(ha) && (HUMAN_GROUPS.has(hb) || PEOPLE.has(hb))) || (PEOPLE.has(hb) && HUMAN_GROUPS.has(ha));
}

/** Day-precision dates of the time expressions in a figure's sentence. */
function sentenceDays(doc: Doc, n: NumberMention): Set<string> {
  return new Set((doc.layers.times ?? []).filter((t) => t.start >= n.sentence.start && t.end <= n.sentence.end && t.value && /^\d{4}-\d{2}-\d{2}$/.test(t.value)).map((t) => t.value!));
}

/**
 * Figures for one quantity that sources give differently: the same unit (or people counted
 * under different nouns), sentences about the same thing (shared uncommon words, or the same
 * day named), values whose stated ranges do not overlap and within an order of magnitude.
 */
export function findNumberContradictions(ctx: StoryContext): Contradiction[] {
  // The contradictions and the single-source stage both need these: computed once per story context.
  let found = computed.get(ctx);
  if (!found) {
    found = numberContradictions(ctx);
    computed.set(ctx, found);
  }
  return [...found];
}

/** Results per story context (a pure function of it), dropped with the context. */
const computed = new WeakMap<StoryContext, readonly Contradiction[]>();

function numberContradictions(ctx: StoryContext): Contradiction[] {
  const docs = new Map(ctx.docs.map((d) => [d.id, d]));
  const mentions = ctx.docs.flatMap((d) => extractNumbers(d));
  const articleCount = new Map<string, number>();
  for (const d of ctx.docs) for (const w of new Set(contentWords(d.text))) articleCount.set(w, (articleCount.get(w) ?? 0) + 1);
  const common = (w: string): boolean => ctx.docs.length >= 3 && (articleCount.get(w) ?? 0) >= COMMON_WORD_SHARE * ctx.docs.length;
  const days = new Map(mentions.map((n) => [n, sentenceDays(docs.get(n.article)!, n)]));

  const related = (a: NumberMention, b: NumberMention): boolean => {
    if (a.article === b.article) return false;
    if (Math.max(a.value, b.value) > MAX_DISCREPANCY_RATIO * Math.min(a.value, b.value)) return false;
    const sameDay = [...days.get(a)!].some((d) => days.get(b)!.has(d));
    // "2,000 people" and "12,000 dockers" on the same day may be one crowd counted under two nouns.
    const peopleOnSameDay = sameDay && (PEOPLE.has(headOf(a)) || PEOPLE.has(headOf(b))) && a.unit !== '%' && b.unit !== '%';
    if (!sameQuantity(a, b) && !peopleOnSameDay) return false;
    const shared = new Set(a.context.filter((w) => b.context.includes(w)));
    const uncommon = [...shared].filter((w) => !common(w)).length;
    if (sameDay) return true;
    if (isGeneric(a) || isGeneric(b)) return uncommon >= MIN_SHARED_COUNT;
    return shared.size >= MIN_SHARED_MEASURE || uncommon >= 1;
  };

  // Single-link groups of related figures; a group with disagreeing figures is a contradiction.
  const groups = singleLinkGroups(mentions, related, (n) => relationKeys(n, days.get(n)!, common));
  // The same figure in the same measurement unit in another article is the same quantity again.
  for (const group of groups) {
    if (group.length < 2 || isGeneric(group[0]!)) continue;
    for (const n of mentions) {
      if (group.includes(n) || !group.some((m) => m.unit === n.unit && m.value === n.value && m.article !== n.article)) continue;
      const home = groups.find((g) => g.includes(n));
      if (home && home.length === 1) { groups.splice(groups.indexOf(home), 1); group.push(n); }
    }
  }
  const out: Contradiction[] = [];
  for (const group of groups) {
    if (new Set(group.map((n) => n.article)).size < 2) continue;
    const values: NumberMention[][] = [];
    for (const n of [...group].sort((a, b) => a.value - b.value)) {
      const v = values.find((vs) => vs.every((m) => agree(m, n)));
      if (v) v.push(n);
      else values.push([n]);
    }
    // Only a disagreement across articles counts: one article's two figures may be two things.
    if (values.length < 2 || values.every((v) => new Set(v.map((n) => n.article)).size === 0)) continue;
    const articlesOf = (v: NumberMention[]) => new Set(v.map((n) => n.article));
    const distinct = values.some((v, i) => values.some((w, j) => j > i && [...articlesOf(v)].some((a) => !articlesOf(w).has(a))));
    if (!distinct) continue;
    const sides: ContradictionSide[] = values
      .map((v) => side(v, docs))
      .sort((a, b) => a.articles.length - b.articles.length || a.value.localeCompare(b.value));
    const first = group[0]!;
    const asWritten = docs.get(first.article)!.text.slice(first.span.start, first.span.end);
    out.push({ kind: 'number', claim: `Different figures (${sides.map((x) => x.value).join(' vs ')}) for "${asWritten}" (${summary(group)})`, sides });
  }
  return out.sort((a, b) => a.claim.localeCompare(b.claim));
}

/**
 * Where a figure is filed and where figures it may be related to are looked up, so that every
 * pair `related` can accept shares a key (one's `probe` with the other's `file`): the same
 * quantity (its unit, or people under any noun) with a day or a context word in common —
 * an uncommon word for counts and shares, which need several — and, for a count of people,
 * any figure of a day its sentence names.
 */
function relationKeys(n: NumberMention, days: ReadonlySet<string>, common: (w: string) => boolean): { file: string[]; probe: string[] } {
  const last = n.unit.split(' ').pop()!;
  const quantities = [`unit|${n.unit}`];
  if (PEOPLE.has(last) || HUMAN_GROUPS.has(last)) quantities.push('people');
  const words = new Set(isGeneric(n) ? n.context.filter((w) => !common(w)) : n.context);
  const file: string[] = [];
  for (const q of quantities) {
    for (const d of days) file.push(`${q}|day|${d}`);
    for (const w of words) file.push(`${q}|word|${w}`);
  }
  const probe = [...file];
  if (n.unit !== '%') {
    const peopleHead = PEOPLE.has(headOf(n));
    for (const d of days) {
      file.push(`day|${d}`);
      if (peopleHead) file.push(`people-day|${d}`);
      probe.push(peopleHead ? `day|${d}` : `people-day|${d}`);
    }
  }
  return { file, probe };
}

/**
 * Single-link groups, built in order: each figure joins (and merges) every earlier group holding
 * a figure related to it, and the merged group moves to the end, the figure first. Only figures
 * sharing a key are compared, so the cost follows the related pairs, not all pairs.
 */
function singleLinkGroups(
  mentions: readonly NumberMention[],
  related: (a: NumberMention, b: NumberMention) => boolean,
  keys: (n: NumberMention) => { file: string[]; probe: string[] },
): NumberMention[][] {
  const groups = new Map<number, NumberMention[]>();
  const groupOf = new Map<NumberMention, number>();
  // A merged group's old ids point to the id of the group it went into.
  const movedTo = new Map<number, number>();
  const current = (id: number): number => {
    let to = movedTo.get(id);
    if (to === undefined) return id;
    to = current(to);
    movedTo.set(id, to);
    return to;
  };
  const filed = new Map<string, NumberMention[]>();
  let next = 0;
  for (const n of mentions) {
    const { file, probe } = keys(n);
    const joined = new Set<number>();
    for (const key of probe) {
      for (const m of filed.get(key) ?? []) {
        const id = current(groupOf.get(m)!);
        if (!joined.has(id) && related(m, n)) joined.add(id);
      }
    }
    const ids = [...joined].sort((a, b) => a - b);
    const merged = [n, ...ids.flatMap((id) => groups.get(id)!)];
    const id = next++;
    for (const old of ids) { groups.delete(old); movedTo.set(old, id); }
    groups.set(id, merged);
    groupOf.set(n, id);
    for (const key of new Set(file)) (filed.get(key) ?? filed.set(key, []).get(key)!).push(n);
  }
  return [...groups.values()];
}

function evidence(n: NumberMention, docs: ReadonlyMap<string, Doc>): SourceEvidence {
  const doc = docs.get(n.article)!;
  return { article: n.article, evidence: doc.text.slice(n.sentence.start, n.sentence.end).trim(), start: n.sentence.start, end: n.sentence.end };
}

function side(v: readonly NumberMention[], docs: ReadonlyMap<string, Doc>): ContradictionSide {
  const ordered = [...v].sort((a, b) => a.article.localeCompare(b.article) || a.span.start - b.span.start);
  const articles = [...new Set(ordered.map((n) => n.article))];
  const byArticle = articles.map((a) => evidence(ordered.find((n) => n.article === a)!, docs));
  const first = ordered[0]!;
  return { value: first.written, articles, evidence: byArticle[0]!.evidence, evidenceByArticle: byArticle };
}

/** The words around the figure that most sentences of the group share, as a short label. */
function summary(group: readonly NumberMention[]): string {
  const counts = new Map<string, number>();
  for (const n of group) for (const w of new Set(n.context)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const top = [...counts.entries()].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5).map(([w]) => w);
  return top.length > 0 ? `context: ${top.join(', ')}` : 'same unit';
}
