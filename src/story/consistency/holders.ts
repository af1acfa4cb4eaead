import type { StoryContext, StoryEntity } from '../types.js';
import { samePersonName, samePersonNameKeys } from './text.js';

/**
 * Person names at story level: the story entity's canonical name when the entity merge resolves
 * the article's entity, and spelling variants the merge kept apart folded onto one name
 * ("Elena Bashkova" and "Ilena Pashkova"), preferring the name of the most-mentioned entity.
 */
export class HolderNames {
  private readonly persons: readonly StoryEntity[];
  private readonly cache = new Map<string, string>();
  /** Positions in `persons` of full names by blocking key, so a name is compared only with names that can match it. */
  private readonly byKey = new Map<string, number[]>();

  constructor(private readonly ctx: StoryContext) {
    // The spelling most articles use wins, then the most mentioned.
    this.persons = [...ctx.entities.entities.filter((e) => e.type === 'PERSON')].sort((a, b) => b.articles.length - a.articles.length || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
    this.persons.forEach((p, i) => {
      if (!p.name.includes(' ')) return;
      for (const key of samePersonNameKeys(p.name).indexKeys) (this.byKey.get(key) ?? this.byKey.set(key, []).get(key)!).push(i);
    });
  }

  /** The story-level name of an article's entity (or of a bare name when the entity is unknown). */
  canonical(articleId: string, localEntityId: string | undefined, fallbackName: string): string {
    const storyId = localEntityId ? this.ctx.entities.resolve(articleId, localEntityId) : undefined;
    const name = (storyId ? this.ctx.entities.get(storyId)?.name : undefined) ?? fallbackName;
    return this.fold(name);
  }

  /** The preferred spelling among the story's persons that plausibly share this name. */
  fold(name: string): string {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const multiWord = name.trim().includes(' ');
    // A full name only folds onto another full name: a bare surname is left to the entity merge.
    const match = multiWord ? this.firstMatch(name) : undefined;
    const out = match?.name ?? name;
    this.cache.set(name, out);
    return out;
  }

  /** The first full name in preference order that `samePersonName` takes for this name. */
  private firstMatch(name: string): StoryEntity | undefined {
    const candidates = new Set<number>();
    for (const key of samePersonNameKeys(name).queryKeys) for (const i of this.byKey.get(key) ?? []) candidates.add(i);
    const ordered = [...candidates].sort((a, b) => a - b);
    for (const i of ordered) if (samePersonName(this.persons[i]!.name, name)) return this.persons[i];
    return undefined;
  }
}
