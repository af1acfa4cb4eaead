/**
 * The work of one story build, wherever it runs (a pool worker, or this thread
 * when workers are off): the story of the given articles with the analyst's
 * standing overrides, as plain data that can cross a thread boundary.
 */
import type { Doc } from '../core/index.js';
import { buildStoryWithEntities, type Story } from '../story/index.js';
import { mergeEntitiesOf, type EntityOverrides } from './story-overrides.js';

/** Format number of the stored build data; bump it when its shape changes (old builds are then rebuilt). */
export const STORY_BUILD_FORMAT = 1;

/** What a stored build holds. */
export interface StoryBuildData {
  readonly format: number;
  /** The story as `buildStory` made it, with the analyst's standing merges applied. */
  readonly story: Story;
  readonly overrides: EntityOverrides;
  /** The story entity of each article's in-article entity: `entities[articleId][localEntityId]`. */
  readonly entities: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** What a story build is given: the story's annotated articles and its standing overrides. */
export interface StoryBuildInput {
  readonly storyId: string;
  readonly docs: readonly Doc[];
  readonly overrides: EntityOverrides;
}

/** Build a story (nothing is stored). */
export function runStoryBuildJob({ storyId, docs, overrides }: StoryBuildInput): StoryBuildData {
  const built = buildStoryWithEntities(docs, { id: storyId, unmerge: overrides.unmerges });
  const { story, redirects } = mergeEntitiesOf(built.story, overrides.merges);
  const entities: Record<string, Record<string, string>> = {};
  for (const doc of docs) {
    const map: Record<string, string> = {};
    for (const e of doc.layers.entityIndex ?? []) {
      const id = built.entities.resolve(doc.id, e.id);
      if (id !== undefined) map[e.id] = redirects.get(id) ?? id;
    }
    entities[doc.id] = map;
  }
  return { format: STORY_BUILD_FORMAT, story, overrides, entities };
}
