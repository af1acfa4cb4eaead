import { createHash } from 'node:crypto';
import type { Doc } from '../../core/index.js';
import type { EntityType } from '../../annotate/index.js';
import type { EntityResolution, MergeReason, StoryEntity, UnmergeRule } from '../types.js';

/** Honorifics and titles that precede a name but are not part of it. */
const LEADING_TITLES = /^(?:(?:president|prime minister|minister|foreign minister|dr|mr|mrs|ms|sir|gen|general|sen|senator|rep|ayatollah|sheikh|king|queen|prince|crown prince|chancellor|pope|the)\.?\s+)+/i;

/** Lower case, no diacritics, no titles, no possessive, single spaces: how two spellings of one name are compared. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’']s$/u, '')
    .replace(/[.’']/gu, '')
    .replace(/[-‐‑–]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(LEADING_TITLES, '');
}

interface Cluster {
  type: EntityType;
  forms: Map<string, number>;
  keys: Set<string>;
  articles: Set<string>;
  members: { article: string; local: string }[];
  titles: Set<string>;
  merges: MergeReason[];
  mentionCount: number;
}

function storyEntityId(name: string, type: string): string {
  return 'ent_' + createHash('sha256').update(`${type}:${nameKey(name)}`).digest('hex').slice(0, 12);
}

function canonicalName(forms: Map<string, number>): string {
  // The fullest form wins; among equally full forms, the most frequent, then the first in order.
  return [...forms.entries()].sort((a, b) => b[0].split(' ').length - a[0].split(' ').length || b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

function isBlocked(a: string, b: string, rules: readonly UnmergeRule[]): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  return rules.some((r) => (nameKey(r.a) === ka && nameKey(r.b) === kb) || (nameKey(r.a) === kb && nameKey(r.b) === ka));
}

export interface MergeOptions {
  /** Pairs of names the analyst has said are different entities. */
  readonly unmerge?: readonly UnmergeRule[];
}

/**
 * Merge the in-article entities of several articles into story entities: the same name
 * (after normalising case, diacritics and titles), and a surname alone joining the one
 * person in the story whose full name ends with it. Every merge keeps its reason.
 */
export function mergeEntities(docs: readonly Doc[], options: MergeOptions = {}): EntityResolution {
  const unmerge = options.unmerge ?? [];
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const local = new Map<string, Cluster>();

  for (const doc of docs) {
    const counts = new Map<string, number>();
    for (const m of doc.layers.entities ?? []) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    for (const e of doc.layers.entityIndex ?? []) {
      const key = `${e.type}:${nameKey(e.name)}`;
      let cluster = byKey.get(key);
      if (cluster && [...cluster.forms.keys()].some((f) => isBlocked(f, e.name, unmerge))) cluster = undefined;
      if (!cluster) {
        cluster = { type: e.type, forms: new Map(), keys: new Set([key]), articles: new Set(), members: [], titles: new Set(), merges: [], mentionCount: 0 };
        clusters.push(cluster);
        byKey.set(key, cluster);
      } else if (!cluster.articles.has(doc.id)) {
        cluster.merges.push({ alias: e.name, into: canonicalName(cluster.forms), rule: 'same-name', detail: `"${e.name}" is written the same way (ignoring case, accents and titles)`, articles: [doc.id] });
      }
      cluster.forms.set(e.name, (cluster.forms.get(e.name) ?? 0) + 1);
      cluster.articles.add(doc.id);
      cluster.members.push({ article: doc.id, local: e.id });
      for (const t of e.titles ?? []) cluster.titles.add(t);
      cluster.mentionCount += counts.get(e.id) ?? 1;
      local.set(`${doc.id}\u0000${e.id}`, cluster);
    }
  }

  // A one-word person name joins the single multi-word person whose last word it is.
  for (const single of clusters.filter((c) => c.type === 'PERSON' && [...c.forms.keys()].every((f) => nameKey(f).split(' ').length === 1))) {
    const word = nameKey([...single.forms.keys()][0]!);
    const targets = clusters.filter((c) => c !== single && c.type === 'PERSON' && [...c.forms.keys()].some((f) => nameKey(f).split(' ').length > 1 && nameKey(f).endsWith(' ' + word)));
    if (targets.length !== 1) continue;
    const target = targets[0]!;
    const alias = [...single.forms.keys()][0]!;
    if ([...target.forms.keys()].some((f) => isBlocked(f, alias, unmerge))) continue;
    absorb(target, single, { alias, into: canonicalName(target.forms), rule: 'surname', detail: `"${alias}" is the surname of ${canonicalName(target.forms)}, the only person of that surname in the story`, articles: [...single.articles] });
    clusters.splice(clusters.indexOf(single), 1);
    for (const [k, c] of local) if (c === single) local.set(k, target);
  }

  const entities: StoryEntity[] = clusters.map((c) => {
    const name = canonicalName(c.forms);
    return {
      id: storyEntityId(name, c.type),
      name,
      type: c.type,
      aliases: [...c.forms.keys()],
      articles: [...c.articles],
      titles: [...c.titles],
      merges: c.merges,
      mentionCount: c.mentionCount,
    };
  });
  const idOf = new Map(clusters.map((c, i) => [c, entities[i]!.id]));
  const byId = new Map(entities.map((e) => [e.id, e]));
  return {
    entities,
    resolve: (articleId, localId) => {
      const c = local.get(`${articleId}\u0000${localId}`);
      return c ? idOf.get(c) : undefined;
    },
    get: (id) => byId.get(id),
  };
}

function absorb(into: Cluster, from: Cluster, reason: MergeReason): void {
  for (const [f, n] of from.forms) into.forms.set(f, (into.forms.get(f) ?? 0) + n);
  for (const a of from.articles) into.articles.add(a);
  for (const k of from.keys) into.keys.add(k);
  for (const t of from.titles) into.titles.add(t);
  into.members.push(...from.members);
  into.merges.push(...from.merges, reason);
  into.mentionCount += from.mentionCount;
}
