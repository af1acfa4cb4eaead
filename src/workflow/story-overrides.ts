/**
 * Analyst corrections of entity merging, applied to a built story: the
 * standing merges and unmerges of a story (of a merge and an unmerge of one
 * pair, the later one), and the merges folded into the built story.
 */
import type { EntityOverride } from '../store/index.js';
import type { Story, StoryEntity } from '../story/index.js';

/** Two entities, each named by story entity id or canonical name. */
export interface EntityPair {
  readonly a: string;
  readonly b: string;
}

/** The analyst corrections standing for one story: names joined, names kept apart. */
export interface EntityOverrides {
  readonly merges: readonly EntityPair[];
  readonly unmerges: readonly EntityPair[];
}

/**
 * The overrides that still stand, oldest first: of the merges and unmerges of one pair of
 * names, the latest wins.
 */
export function standingOverrides(overrides: readonly EntityOverride[]): EntityOverrides {
  const latest = new Map<string, EntityOverride>();
  for (const o of overrides) {
    const key = [o.a, o.b].sort().join('\u0000');
    latest.delete(key);
    latest.set(key, o);
  }
  const pairs = (kind: EntityOverride['kind']) => [...latest.values()].filter((o) => o.kind === kind).map((o) => ({ a: o.a, b: o.b }));
  return { merges: pairs('merge'), unmerges: pairs('unmerge') };
}

/**
 * Apply analyst merges to a built story: the second entity's names, articles
 * and mentions join the first, and every place naming it is renamed.
 * Pairs whose entities are gone (or already one) change nothing.
 */
export function applyMerges(story: Story, merges: readonly EntityPair[]): Story {
  return mergeEntitiesOf(story, merges).story;
}

/** {@link applyMerges}, also returning where each merged-away entity id went. */
export function mergeEntitiesOf(story: Story, merges: readonly EntityPair[]): { story: Story; redirects: Map<string, string> } {
  let current = story;
  const redirects = new Map<string, string>();
  for (const pair of merges) {
    const a = findEntity(current, pair.a);
    const b = findEntity(current, pair.b);
    if (!a || !b || a.id === b.id) continue;
    const joined: StoryEntity = {
      ...a,
      aliases: [...new Set([...a.aliases, b.name, ...b.aliases])],
      articles: [...new Set([...a.articles, ...b.articles])],
      titles: [...new Set([...a.titles, ...b.titles])],
      mentionCount: a.mentionCount + b.mentionCount,
    };
    const rename = (n: string): string => (n === b.name ? a.name : n);
    current = {
      ...current,
      entities: current.entities.filter((e) => e.id !== b.id).map((e) => (e.id === a.id ? joined : e)),
      timeline: current.timeline.map((t) => ({ ...t, actors: [...new Set(t.actors.map(rename))] })),
      stances: current.stances.map((s) => ({ ...s, actor: rename(s.actor) })),
      quoteVariants: current.quoteVariants.map((q) => ({ ...q, speaker: rename(q.speaker) })),
    };
    for (const [from, to] of redirects) if (to === b.id) redirects.set(from, a.id);
    redirects.set(b.id, a.id);
  }
  return { story: current, redirects };
}

/** An entity by id, canonical name or (when asked) alias, case-insensitively. */
export function findEntity(story: Story, key: string, options: { aliases?: boolean } = {}): StoryEntity | undefined {
  const folded = key.toLowerCase();
  return story.entities.find((e) => e.id === key)
    ?? story.entities.find((e) => e.name.toLowerCase() === folded)
    ?? (options.aliases ? story.entities.find((e) => e.aliases.some((alias) => alias.toLowerCase() === folded)) : undefined);
}
