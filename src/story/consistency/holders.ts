import type { StoryContext, StoryEntity } from '../types.js';
import { samePersonName } from './text.js';

/**
 * Person names at story level: the story entity's canonical name when the entity merge resolves
 * the article's entity, and spelling variants the merge kept apart folded onto one name
 * ("Elena Bashkova" and "Ilena Pashkova"), preferring the name of the most-mentioned entity.
 */
export class HolderNames {
  private readonly persons: readonly StoryEntity[];
  private readonly cache = new Map<string, string>();

  constructor(private readonly ctx: StoryContext) {
    // The spelling most articles use wins, then the most mentioned.
    this.persons = [...ctx.entities.entities.filter((e) => e.type === 'PERSON')].sort((a, b) => b.articles.length - a.articles.length || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
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
    const match = multiWord ? this.persons.find((p) => p.name.includes(' ') && samePersonName(p.name, name)) : undefined;
    const out = match?.name ?? name;
    this.cache.set(name, out);
    return out;
  }
}
