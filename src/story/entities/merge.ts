import { createHash } from 'node:crypto';
import type { Doc } from '../../core/index.js';
import type { EntityType } from '../../annotate/index.js';
import type { EntityResolution, MergeReason, StoryEntity, UnmergeRule } from '../types.js';
import { hasLeadingTitle, isShortForm, isShouted, nameKey, nameWords, withoutTitles } from './names.js';
import { blockingKey, matchPersonNames, matchWord, matchWordByWord, strictBlockingKey } from './match.js';
import { isInitialismOf } from '../../annotate/entities/acronym.js';
import { countryName, countryNamed, countryOfCapital, countryOfQualifier, foldName } from './countries.js';
import { standsForGovernment } from './metonymy.js';

export interface MergeOptions {
  /** Pairs of names the analyst has said are different entities: never in one story entity. */
  readonly unmerge?: readonly UnmergeRule[];
}

/** One article's entity (an `entityIndex` row) with what the article says about it. */
interface EntityRecord {
  readonly article: string;
  readonly local: string;
  readonly name: string;
  readonly type: EntityType;
  readonly titles: readonly string[];
  readonly mentions: number;
  /** Surface forms of its name, surname and acronym mentions. */
  readonly surfaces: readonly { readonly text: string; readonly form: string }[];
  /** A capital the article uses for its government ("Canberra said"): the country's code. */
  readonly standsFor?: string;
}

interface Cluster {
  readonly order: number;
  parent: Cluster | null;
  records: EntityRecord[];
  merges: MergeReason[];
}

/** Types that may be one entity: a place tagged GPE in one article and LOC in another is one place. */
type TypeFamily = 'person' | 'org' | 'place' | 'other';
const FAMILY: Readonly<Record<EntityType, TypeFamily>> = { PERSON: 'person', ORG: 'org', GPE: 'place', LOC: 'place', OTHER: 'other' };
const TYPE_LABEL: Readonly<Record<EntityType, string>> = { PERSON: 'a person', ORG: 'an organisation', GPE: 'a place', LOC: 'a place', OTHER: 'other' };
/** Tie-break of the type vote: a name with titles and quotes is more often a mis-tagged person than the reverse. */
const TYPE_ORDER: readonly EntityType[] = ['PERSON', 'ORG', 'GPE', 'LOC', 'OTHER'];
/** A role given in the article ("foreign minister") is evidence of a person worth this many mentions in the type vote. */
const TITLE_VOTE = 2;

function root(c: Cluster): Cluster {
  let r = c;
  while (r.parent) r = r.parent;
  return r;
}

/** The cluster's type: the type most of its mentions were tagged with. */
function clusterType(c: Cluster): EntityType {
  const votes = new Map<EntityType, number>();
  for (const r of c.records) votes.set(r.type, (votes.get(r.type) ?? 0) + r.mentions + (r.titles.length ? TITLE_VOTE : 0));
  return [...votes.entries()].sort((a, b) => b[1] - a[1] || TYPE_ORDER.indexOf(a[0]) - TYPE_ORDER.indexOf(b[0]))[0]![0];
}

/** The canonical name: well formed (no title, not shouted, not an acronym), the form most articles use, then the fullest. */
export function canonicalName(records: readonly { readonly name: string; readonly article: string; readonly mentions: number }[]): string {
  const stats: NameStats = new Map();
  records.forEach((r, i) => addNameStats(stats, r, i));
  return bestName(stats);
}

/** Per distinct name of a cluster: the articles using it, its mentions, and the position of its first record. */
type NameStats = Map<string, { articles: Set<string>; mentions: number; first: number }>;

function addNameStats(stats: NameStats, r: { readonly name: string; readonly article: string; readonly mentions: number }, at: number): void {
  const s = stats.get(r.name) ?? { articles: new Set<string>(), mentions: 0, first: at };
  s.articles.add(r.article);
  s.mentions += r.mentions;
  stats.set(r.name, s);
}

function bestName(stats: NameStats): string {
  const flaws = (name: string): number => (hasLeadingTitle(name) ? 1 : 0) + (isShouted(name) ? 1 : 0) + (isShortForm(name) ? 1 : 0);
  const words = (name: string): number => nameWords(name).length;
  const best = [...stats.entries()].sort(
    ([a, sa], [b, sb]) =>
      flaws(a) - flaws(b) ||
      Number(words(b) > 1) - Number(words(a) > 1) ||
      sb.articles.size - sa.articles.size ||
      words(b) - words(a) ||
      sb.mentions - sa.mentions ||
      sa.first - sb.first,
  )[0]![0];
  return withoutTitles(best);
}

function storyEntityId(name: string, type: string): string {
  return 'ent_' + createHash('sha256').update(`${type}:${nameKey(name)}`).digest('hex').slice(0, 12);
}

/**
 * A value computed from a cluster's records, remembered until they change: records only grow by
 * appending or are replaced by a new array, so the array and its length identify its contents.
 */
function perRecords<T>(compute: (c: Cluster) => T): (c: Cluster) => T {
  const memo = new WeakMap<readonly EntityRecord[], { length: number; value: T }>();
  return (c) => {
    const hit = memo.get(c.records);
    if (hit && hit.length === c.records.length) return hit.value;
    const value = compute(c);
    memo.set(c.records, { length: c.records.length, value });
    return value;
  };
}

// The rules ask for a cluster's names and type again and again while comparing it with others.
const namesOf = perRecords((c): readonly string[] => [...new Set(c.records.map((r) => r.name))]);
const articlesOf = (c: Cluster): string[] => [...new Set(c.records.map((r) => r.article))];
const allForms = (c: Cluster): string[] => [...new Set(c.records.flatMap((r) => [r.name, ...r.surfaces.map((s) => s.text)]))];
const differenceText = (differences: readonly string[]): string => (differences.length ? differences.join(', ') : 'accents or capitals');

/**
 * Merge the in-article entities of several articles into story entities. The rules, in order:
 * the same name (ignoring case, accents, titles, hyphens and Arabic articles); an acronym one
 * article spells out or whose letters are the initials of a long name; two person names whose
 * surnames are transliteration variants and whose given names agree; a surname alone (or a
 * variant of it) joining the one person in the story with that surname; places and
 * organisations whose names are transliteration variants word by word. A person never merges
 * with a place or organisation, two people sharing only a first name never merge, and every
 * pair of names in `options.unmerge` stays apart. Every merge keeps its rule and a reason.
 *
 * @example
 * const entities = mergeEntities(docs, { unmerge: [{ a: 'Ali Example', b: 'Ali Exemple' }] });
 * entities.get(entities.resolve(doc.id, 'e1')!)?.merges.map((m) => m.detail);
 */
export function mergeEntities(docs: readonly Doc[], options: MergeOptions = {}): EntityResolution {
  const blocked = unmergeIndex(options.unmerge ?? []);
  const clusters: Cluster[] = [];
  const recordCluster = new Map<string, Cluster>();

  const union = (a: Cluster, b: Cluster, reason: (into: string) => Omit<MergeReason, 'into'>): boolean => {
    let x = root(a);
    let y = root(b);
    if (x === y) return false;
    if (x.order > y.order) [x, y] = [y, x];
    const xKeys = allForms(x).map(nameKey);
    const yKeys = allForms(y).map(nameKey);
    if (xKeys.some((k) => yKeys.some((l) => blocked.has(`${k}\u0000${l}`)))) return false;
    x.merges.push(...y.merges, { ...reason(canonicalName(x.records)), into: canonicalName(x.records) });
    x.records.push(...y.records);
    y.parent = x;
    y.records = [];
    y.merges = [];
    return true;
  };
  const live = (): Cluster[] => clusters.filter((c) => !c.parent);

  // 1. One cluster per distinct name. A multi-word name tagged with different types in different
  // articles is one mis-tagged entity; a one-word name ("Jordan", "Washington") may truly be a
  // person in one article and a place in another, so it splits by type family.
  const byName = new Map<string, Cluster>();
  const sameNameStats = new Map<Cluster, NameStats>();
  const sameNameArticles = new Map<Cluster, Set<string>>();
  for (const doc of docs) {
    const mentionCounts = new Map<string, number>();
    const surfaces = new Map<string, { text: string; form: string }[]>();
    for (const m of doc.layers.entities ?? []) {
      mentionCounts.set(m.entity, (mentionCounts.get(m.entity) ?? 0) + 1);
      if (m.form === 'name' || m.form === 'surname' || m.form === 'acronym') {
        const list = surfaces.get(m.entity) ?? [];
        const text = doc.text.slice(m.start, m.end);
        if (!list.some((s) => s.text === text)) list.push({ text, form: m.form });
        surfaces.set(m.entity, list);
      }
    }
    for (const e of doc.layers.entityIndex ?? []) {
      const capitalOf = FAMILY[e.type] === 'place' ? countryOfCapital(e.name) : undefined;
      const standsFor = capitalOf && standsForGovernment(doc, e.id) ? capitalOf : undefined;
      const record: EntityRecord = {
        article: doc.id, local: e.id, name: e.name, type: e.type, titles: e.titles ?? [],
        mentions: mentionCounts.get(e.id) ?? 1, surfaces: surfaces.get(e.id) ?? [], ...(standsFor ? { standsFor } : {}),
      };
      const words = nameWords(e.name);
      // A capital used for its government is kept apart from the same name used for the city: it joins its country below.
      const key = `${standsFor ? 'government:' : ''}${words.length > 1 ? '*' : FAMILY[e.type]}:${words.join(' ')}`;
      const existing = byName.get(key);
      if (existing && !existing.parent && !blocked.has(`${nameKey(existing.records[0]!.name)}\u0000${nameKey(e.name)}`)) {
        const articles = sameNameArticles.get(existing)!;
        const newArticle = !articles.has(doc.id);
        articles.add(doc.id);
        existing.records.push(record);
        // The canonical name so far, kept up to date record by record (a common name gathers a record per article).
        const stats = sameNameStats.get(existing)!;
        addNameStats(stats, record, existing.records.length - 1);
        if (newArticle) existing.merges.push({ alias: e.name, into: bestName(stats), rule: 'same-name', detail: `"${e.name}" is written the same way (ignoring case, accents and titles)`, articles: [doc.id] });
        recordCluster.set(`${doc.id}\u0000${e.id}`, existing);
        continue;
      }
      const cluster: Cluster = { order: clusters.length, parent: null, records: [record], merges: [] };
      const stats: NameStats = new Map();
      addNameStats(stats, record, 0);
      sameNameStats.set(cluster, stats);
      sameNameArticles.set(cluster, new Set([doc.id]));
      clusters.push(cluster);
      byName.set(key, cluster);
      recordCluster.set(`${doc.id}\u0000${e.id}`, cluster);
    }
  }
  for (const c of clusters) noteTypeDisagreement(c);

  mergeSpelledOutAcronyms(live(), union);
  mergeInitialisms(live(), union);
  mergePersonNames(live(), union);
  mergeSurnames(live(), union);
  mergePlaceAndOrgVariants(live(), union);
  mergeCountryNames(live(), union);
  mergeCapitalsIntoCountries(live(), union);
  mergeQualifiedBodies(live(), union);
  mergeInvertedNames(live(), union);
  mergeShortNamesOfOthers(live(), union);

  const docOrder = new Map(docs.map((d, i) => [d.id, i]));
  return buildResolution(live(), recordCluster, docOrder);
}

type Union = (a: Cluster, b: Cluster, reason: (into: string) => Omit<MergeReason, 'into'>) => boolean;
// Blocks are built one cluster at a time, so a cluster already filed under a key is that list's last entry.

/** Analyst's pairs as both orders of their name keys. */
function unmergeIndex(rules: readonly UnmergeRule[]): Set<string> {
  const set = new Set<string>();
  for (const r of rules) {
    set.add(`${nameKey(r.a)}\u0000${nameKey(r.b)}`);
    set.add(`${nameKey(r.b)}\u0000${nameKey(r.a)}`);
  }
  return set;
}

/** When one name was tagged with different types, say so in its same-name merges: the analyst sees which type won. */
function noteTypeDisagreement(c: Cluster): void {
  const types = new Set(c.records.map((r) => FAMILY[r.type]));
  if (types.size < 2) return;
  const chosen = clusterType(c);
  const count = (t: TypeFamily): number => new Set(c.records.filter((r) => FAMILY[r.type] === t).map((r) => r.article)).size;
  const tally = [...types].map((t) => `${TYPE_LABEL[c.records.find((r) => FAMILY[r.type] === t)!.type]} in ${count(t)}`).join(', ');
  // Say it once: on the merge of an article that tagged it otherwise, or on the first merge.
  const odd = new Set(c.records.filter((r) => FAMILY[r.type] !== FAMILY[chosen]).map((r) => r.article));
  const at = Math.max(0, c.merges.findIndex((m) => m.articles.some((a) => odd.has(a))));
  c.merges = c.merges.map((m, i) => (i === at ? { ...m, detail: `${m.detail}; tagged ${tally} article(s), taken as ${TYPE_LABEL[chosen]}` } : m));
}

const family = perRecords((c): TypeFamily => FAMILY[clusterType(c)]);

/** An entity named by an acronym in one article joins the entity another article spells it out for ("… Plan of Action (JPOA)"). */
function mergeSpelledOutAcronyms(clusters: readonly Cluster[], union: Union): void {
  const spelledOut = new Map<string, Set<Cluster>>();
  for (const c of clusters) {
    if (family(c) === 'person') continue;
    for (const r of c.records) for (const s of r.surfaces) if (s.form === 'acronym' || isShortForm(s.text)) {
      const set = spelledOut.get(nameKey(s.text)) ?? new Set();
      set.add(c);
      spelledOut.set(nameKey(s.text), set);
    }
  }
  for (const c of clusters) {
    // A cluster merged earlier in this loop has handed its records to its root.
    if (c.parent || family(c) === 'person') continue;
    const short = namesOf(c).find(isShortForm);
    if (!short) continue;
    const targets = [...new Set([...(spelledOut.get(nameKey(short)) ?? [])].map(root))].filter((t) => t !== root(c) && !namesOf(t).every(isShortForm));
    if (targets.length !== 1) continue;
    const target = targets[0]!;
    const where = target.records.find((r) => r.surfaces.some((s) => nameKey(s.text) === nameKey(short)))!;
    union(target, c, (into) => ({ alias: short, rule: isDotted(short) ? 'initialism' : 'acronym', detail: `"${short}" stands for "${where.name}", as another article writes it`, articles: articlesOf(c) }));
  }
}

const isDotted = (s: string): boolean => s.includes('.');

/** A short form whose letters are the initials of exactly one long name in the story ("U.S." and "United States"). */
function mergeInitialisms(clusters: readonly Cluster[], union: Union): void {
  const longByInitial = new Map<string, Cluster[]>();
  for (const c of clusters) {
    if (family(c) === 'person') continue;
    for (const name of namesOf(c)) {
      if (isShortForm(name) || name.trim().split(/\s+/).length < 2) continue;
      const initial = name.trim()[0]!.toLowerCase();
      const list = longByInitial.get(initial) ?? [];
      if (list[list.length - 1] !== c) list.push(c);
      longByInitial.set(initial, list);
    }
  }
  for (const c of clusters) {
    if (c.parent || family(c) === 'person' || !namesOf(c).every(isShortForm)) continue;
    const short = namesOf(c)[0]!;
    const candidates = (longByInitial.get(short[0]!.toLowerCase()) ?? []).filter((l) => namesOf(l).some((n) => !isShortForm(n) && isInitialismOf(short, n)));
    const targets = [...new Set(candidates.map(root))].filter((t) => t !== root(c));
    if (targets.length !== 1) continue;
    const long = namesOf(targets[0]!).find((n) => !isShortForm(n) && isInitialismOf(short, n))!;
    union(targets[0]!, c, () => ({ alias: short, rule: isDotted(short) ? 'initialism' : 'acronym', detail: `"${short}" is made of the initials of "${long}", the only such name in the story`, articles: articlesOf(c) }));
  }
}

/** Person names of two or more words whose surnames are one name in two spellings and whose given names agree. */
function mergePersonNames(clusters: readonly Cluster[], union: Union): void {
  const persons = clusters.filter((c) => family(c) === 'person');
  const block = new Map<string, Cluster[]>();
  const fullNames = (c: Cluster): string[][] => namesOf(c).map(nameWords).filter((w) => w.length > 1);
  for (const c of persons) {
    for (const words of fullNames(c)) {
      const key = strictBlockingKey(words[words.length - 1]!);
      const list = block.get(key) ?? [];
      if (list[list.length - 1] !== c) list.push(c);
      block.set(key, list);
    }
  }
  for (const c of persons) {
    for (const name of namesOf(c)) {
      const words = nameWords(name);
      if (words.length < 2) continue;
      const candidates = block.get(strictBlockingKey(words[words.length - 1]!)) ?? [];
      const matches: { cluster: Cluster; other: string; match: NonNullable<ReturnType<typeof matchPersonNames>> }[] = [];
      for (const d of candidates) {
        if (root(d) === root(c)) continue;
        for (const other of namesOf(d)) {
          const match = matchPersonNames(words, nameWords(other));
          if (match) { matches.push({ cluster: d, other, match }); break; }
        }
      }
      const full = matches.filter((m) => !m.match.omittedGiven.length);
      for (const m of full) {
        const joining = root(m.cluster);
        union(c, joining, () => personReason(m.other, name, m.match, articlesOf(joining)));
      }
      // A name missing a given name is that person only if no other person fits it: judged from the shorter name.
      const partial = matches.filter((m) => m.match.omittedGiven.length && nameWords(m.other).length > words.length);
      const partialTargets = new Set(partial.map((m) => root(m.cluster)));
      if (partialTargets.size === 1 && !full.length) {
        const m = partial[0]!;
        const joining = root(c);
        union(m.cluster, joining, () => personReason(name, m.other, m.match, articlesOf(joining)));
      }
    }
  }
}

function personReason(alias: string, other: string, match: NonNullable<ReturnType<typeof matchPersonNames>>, articles: string[]): Omit<MergeReason, 'into'> {
  if (match.spacingOnly) return { alias, rule: 'same-name', detail: `${alias} ~ ${other}: hyphens and spaces differ`, articles };
  const parts: string[] = [];
  if (match.surnameDifferences.length) parts.push(`surname spelled ${differenceText(match.surnameDifferences)} (transliteration)`);
  if (match.givenDifferences.length) parts.push(`given name spelled ${differenceText(match.givenDifferences)}`);
  if (match.omittedGiven.length) parts.push(`leaves out the given name ${match.omittedGiven.join(' ')}; the only person in the story it fits`);
  const rule: MergeReason['rule'] = match.surnameDifferences.length ? 'transliteration' : 'given-name-variant';
  return { alias, rule, detail: `${alias} ~ ${other}: ${parts.join('; ') || 'the same name in other letters'}`, articles };
}

/** A person named by one word joins the one person whose surname it is, or a spelling variant of it. */
function mergeSurnames(clusters: readonly Cluster[], union: Union): void {
  const persons = clusters.filter((c) => family(c) === 'person');
  const bySurnameBlock = new Map<string, Cluster[]>();
  for (const c of persons) {
    for (const name of namesOf(c)) {
      const words = nameWords(name);
      const key = blockingKey(words[words.length - 1]!);
      const list = bySurnameBlock.get(key) ?? [];
      if (list[list.length - 1] !== c) list.push(c);
      bySurnameBlock.set(key, list);
    }
  }
  const singles = persons.filter((c) => namesOf(c).every((n) => nameWords(n).length === 1));
  const singleSet = new Set(singles);
  for (const single of singles) {
    if (root(single) !== single) continue;
    const alias = namesOf(single)[0]!;
    const word = nameWords(alias)[0]!;
    const found = new Map<Cluster, { full: string; differences: string[] }>();
    for (const d of bySurnameBlock.get(blockingKey(word)) ?? []) {
      const target = root(d);
      if (target === single || found.has(target)) continue;
      for (const name of namesOf(target)) {
        const words = nameWords(name);
        if (words.length < 2) continue;
        const m = matchWord(word, words[words.length - 1]!, 'strict');
        if (m) { found.set(target, { full: name, differences: m.differences }); break; }
      }
    }
    if (found.size === 1) {
      const [target, { full, differences }] = [...found.entries()][0]!;
      const surname = nameWords(full).at(-1)!;
      union(target, single, (into) => differences.length
        ? { alias, rule: 'transliteration', detail: `${alias} ~ ${capitalise(surname)}: ${differenceText(differences)} transliteration; the surname of ${into}, the only person of that surname in the story`, articles: articlesOf(single) }
        : { alias, rule: 'surname', detail: `"${alias}" is the surname of ${into}, the only person of that surname in the story`, articles: articlesOf(single) });
      continue;
    }
    if (found.size > 1) continue;
    // No full name: one-word spellings of one surname join each other.
    for (const d of bySurnameBlock.get(blockingKey(word)) ?? []) {
      const other = root(d);
      if (other === root(single) || !singleSet.has(d)) continue;
      const otherName = namesOf(other)[0]!;
      const m = matchWord(word, nameWords(otherName)[0]!, 'strict');
      if (m && m.differences.length) union(other, single, () => ({ alias, rule: 'transliteration', detail: `${alias} ~ ${otherName}: ${differenceText(m.differences)} transliteration`, articles: articlesOf(single) }));
    }
  }
}

/**
 * A name of one word joins the one name of several words, of no person, place or body, that ends in it:
 * "Daniel" is "Storm Daniel" where the story names no other "… Daniel" of that kind (an article that calls
 * the storm only "Daniel" may have read it as a person).
 */
function mergeShortNamesOfOthers(clusters: readonly Cluster[], union: Union): void {
  const byLastWord = new Map<string, Cluster[]>();
  for (const c of clusters) {
    if (family(c) !== 'other') continue;
    for (const name of namesOf(c)) {
      const words = nameWords(name);
      if (words.length < 2) continue;
      const key = nameKey(words[words.length - 1]!);
      const list = byLastWord.get(key) ?? [];
      if (!list.includes(c)) list.push(c);
      byLastWord.set(key, list);
    }
  }
  for (const single of clusters) {
    const names = namesOf(single);
    if (root(single) !== single || family(single) === 'place' || !names.every((n) => nameWords(n).length === 1)) continue;
    const targets = byLastWord.get(nameKey(names[0]!)) ?? [];
    if (targets.length !== 1 || root(targets[0]!) === single) continue;
    const full = namesOf(targets[0]!).find((n) => nameWords(n).length > 1)!;
    union(targets[0]!, single, () => ({ alias: names[0]!, rule: 'short-name', detail: `"${names[0]}" is the last word of "${full}", the only such name in the story`, articles: articlesOf(single) }));
  }
}

/** Places and organisations whose names match word by word in transliteration ("Weskaria"/"Veskaria", "Noor Kellan"/"Nur Kellan"). */
function mergePlaceAndOrgVariants(clusters: readonly Cluster[], union: Union): void {
  const block = new Map<string, Cluster[]>();
  // A capital used for its government joins its country, not the city of the same name.
  const others = clusters.filter((c) => family(c) !== 'person' && !c.records.some((r) => r.standsFor));
  for (const c of others) {
    for (const name of namesOf(c)) {
      if (isShortForm(name)) continue;
      const words = nameWords(name);
      if (!words.length) continue;
      const key = `${family(c)}:${blockingKey(words[0]!)}`;
      const list = block.get(key) ?? [];
      if (list[list.length - 1] !== c) list.push(c);
      block.set(key, list);
    }
  }
  for (const c of others) {
    for (const name of namesOf(c)) {
      if (isShortForm(name)) continue;
      const words = nameWords(name);
      if (!words.length) continue;
      for (const d of block.get(`${family(c)}:${blockingKey(words[0]!)}`) ?? []) {
        if (root(d) === root(c)) continue;
        const other = namesOf(d).find((n) => !isShortForm(n) && matchWordByWord(words, nameWords(n)));
        if (!other) continue;
        const differences = matchWordByWord(words, nameWords(other))!;
        union(c, d, () => ({ alias: other, rule: 'transliteration', detail: `${other} ~ ${name}: ${differenceText(differences)} transliteration`, articles: articlesOf(d) }));
      }
    }
  }
}

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** The country a place cluster names by one of its names ("Commonwealth of Australia", "Britain", "U.S."). */
const countryOfCluster = perRecords((c): string | undefined => {
  if (family(c) !== 'place') return undefined;
  // A capital standing for its country is not a name of the country.
  const codes = new Set(c.records.filter((r) => !r.standsFor).map((r) => countryNamed(r.name)).filter((x): x is string => x !== undefined));
  return codes.size === 1 ? [...codes][0] : undefined;
});

/** Places that are one country under different names: "Australia" and "Commonwealth of Australia", "Turkey" and "Türkiye", "America" and "United States". */
function mergeCountryNames(clusters: readonly Cluster[], union: Union): void {
  const byCountry = new Map<string, Cluster>();
  for (const c of clusters) {
    const code = countryOfCluster(c);
    if (!code || c.parent) continue;
    const first = byCountry.get(code);
    if (!first) { byCountry.set(code, c); continue; }
    const alias = namesOf(c)[0]!;
    union(first, c, (into) => ({ alias, rule: 'country-name', detail: `"${alias}" is another name of ${countryName(code) ?? into} (country names from the world-countries data)`, articles: articlesOf(c) }));
  }
}

/** A capital an article uses for its government ("Canberra said", "Canberra’s response") joins its country's entity, when the story has one. */
function mergeCapitalsIntoCountries(clusters: readonly Cluster[], union: Union): void {
  const countryCluster = new Map<string, Cluster>();
  for (const c of clusters) {
    const code = countryOfCluster(c);
    if (code && !countryCluster.has(code)) countryCluster.set(code, c);
  }
  const cities = new Map<string, Cluster>();
  for (const c of clusters) if (family(c) === 'place' && !c.records.some((r) => r.standsFor)) for (const n of namesOf(c)) cities.set(nameKey(n), c);
  for (const c of clusters) {
    const code = c.records.find((r) => r.standsFor)?.standsFor;
    if (!code || c.parent) continue;
    const country = countryCluster.get(code);
    const alias = namesOf(c)[0]!;
    if (country) {
      union(country, c, (into) => ({ alias, rule: 'metonymy', detail: `${alias}, the capital, stands for ${into} in these articles (used as the one who acts or speaks, not as the city)`, articles: articlesOf(c) }));
      continue;
    }
    // No entity of the country in the story: the capital stays one entity with the city of its name.
    const city = cities.get(nameKey(alias));
    if (city && root(city) !== root(c)) union(city, c, () => ({ alias, rule: 'same-name', detail: `"${alias}" is written the same way`, articles: articlesOf(c) }));
  }
}

/** An organisation's name read as a country qualifier and a head: "Australia’s Commerce Ministry", "Australian Commerce Ministry" → (AU, "commerce ministry"). */
function qualifiedName(name: string): { country: string | null; head: string } | null {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return null;
  let country: string | null = null;
  let rest = words;
  const first = countryOfQualifier(words[0]!);
  if (first) { country = first; rest = words.slice(1); }
  const of = /^(.+?)\s+of\s+(?:the\s+)?(.+)$/i.exec(rest.join(' '));
  if (!country && of && countryNamed(of[2]!)) { country = countryNamed(of[2]!)!; rest = of[1]!.split(/\s+/); }
  const head = foldName(rest.join(' ').replace(/^the\s+/i, ''));
  // A head of one word ("Ministry") says too little to be one body.
  return head.includes(' ') ? { country, head } : null;
}

/**
 * Organisations named with and without their country: "Australia’s Commerce Ministry", "Australian
 * Commerce Ministry" and "Commerce Ministry" are one when the story names that body for one
 * country only; bodies of two countries never merge.
 */
function mergeQualifiedBodies(clusters: readonly Cluster[], union: Union): void {
  const byHead = new Map<string, { cluster: Cluster; country: string | null; name: string }[]>();
  for (const c of clusters) {
    if (family(c) !== 'org') continue;
    for (const name of namesOf(c)) {
      const q = qualifiedName(name);
      if (!q) continue;
      const list = byHead.get(q.head) ?? byHead.set(q.head, []).get(q.head)!;
      list.push({ cluster: c, country: q.country, name });
    }
  }
  for (const list of byHead.values()) {
    const countries = new Set(list.map((x) => x.country).filter((x): x is string => x !== null));
    if (countries.size !== 1 || new Set(list.map((x) => root(x.cluster))).size < 2) continue;
    const code = [...countries][0]!;
    const target = list.find((x) => x.country === code)!;
    for (const x of list) {
      if (root(x.cluster) === root(target.cluster)) continue;
      const detail = x.country
        ? `"${x.name}" and "${target.name}" name the same body of ${countryName(code) ?? code}`
        : `"${x.name}" is the ${countryName(code) ?? code} body the story names as "${target.name}" (no other country's)`;
      union(target.cluster, root(x.cluster), () => ({ alias: x.name, rule: 'qualified-name', detail, articles: articlesOf(root(x.cluster)) }));
    }
  }
}

/**
 * "<Head> of <Words>" and "<Words> <Head>" are one name in two word orders: "Ministry of Defence" and
 * "Defence Ministry", "University of Velda" and "Velda University", "Day of Unity" and "Unity Day".
 * The head is one word; people are never compared so.
 */
function invertedKey(name: string): string | undefined {
  const words = nameWords(name);
  const of = words.indexOf('of');
  if (of !== 1 || words.length < 3 || words.lastIndexOf('of') !== of) return undefined;
  return [...words.slice(2), words[0]!].join(' ');
}

function mergeInvertedNames(clusters: readonly Cluster[], union: Union): void {
  const byKey = new Map<string, Cluster>();
  const candidates = clusters.filter((c) => family(c) === 'org' || family(c) === 'other');
  for (const c of candidates) for (const name of namesOf(c)) if (!byKey.has(`${family(c)}:${nameKey(name)}`)) byKey.set(`${family(c)}:${nameKey(name)}`, c);
  for (const c of candidates) {
    for (const name of namesOf(c)) {
      const key = invertedKey(name);
      const d = key === undefined ? undefined : byKey.get(`${family(c)}:${key}`);
      if (!d || root(d) === root(c)) continue;
      const other = namesOf(d).find((n) => nameKey(n) === key) ?? key;
      union(d, c, () => ({ alias: name, rule: 'word-order', detail: `"${name}" is "${other}" with its words in the other order`, articles: articlesOf(c) }));
    }
  }
}

function buildResolution(clusters: readonly Cluster[], recordCluster: ReadonlyMap<string, Cluster>, docOrder: ReadonlyMap<string, number>): EntityResolution {
  const usedIds = new Set<string>();
  const idOf = new Map<Cluster, string>();
  const entities: StoryEntity[] = clusters.map((c) => {
    // A country goes by its common English name ("Australia", not "Commonwealth of Australia"; "United Kingdom", not "Britain").
    const code = countryOfCluster(c);
    const name = (code ? countryName(code) : undefined) ?? canonicalName(c.records);
    const type = clusterType(c);
    let id = storyEntityId(name, type);
    // Two entities of one name (an analyst split them): keep ids distinct and stable by order.
    for (let n = 2; usedIds.has(id); n++) id = `${storyEntityId(name, type)}_${n}`;
    usedIds.add(id);
    idOf.set(c, id);
    return {
      id,
      name,
      type,
      aliases: allForms(c),
      articles: articlesOf(c).sort((a, b) => docOrder.get(a)! - docOrder.get(b)!),
      titles: [...new Set(c.records.flatMap((r) => r.titles))],
      merges: c.merges,
      mentionCount: c.records.reduce((n, r) => n + r.mentions, 0),
    };
  });
  const byId = new Map(entities.map((e) => [e.id, e]));
  // Resolved once here: the story's stages ask for every mention of every article, often many times.
  const storyIdOf = new Map<string, Map<string, string>>();
  for (const [key, c] of recordCluster) {
    const id = idOf.get(root(c));
    if (id === undefined) continue;
    const [articleId, localId] = key.split('\u0000') as [string, string];
    let local = storyIdOf.get(articleId);
    if (!local) storyIdOf.set(articleId, (local = new Map()));
    local.set(localId, id);
  }
  return {
    entities,
    resolve: (articleId, localId) => storyIdOf.get(articleId)?.get(localId),
    get: (id) => byId.get(id),
  };
}
