/**
 * Story clustering: group articles into stories incrementally, by shared rare
 * entities, key terms and time, through capped posting lists (never all pairs).
 */
import type { Doc } from '../../core/index.js';
import { storyFeatures } from './features.js';
import { StoryIndex, type StoryIndexOptions } from './story-index.js';

export { storyFeatures, stem, type StoryFeatures, type StoryFeaturesOptions } from './features.js';
export { StoryIndex, type StoryAssignment, type StoryIndexOptions } from './story-index.js';
export { nameKey, wordSkeleton } from './phonetic.js';

/**
 * Cluster docs with a fresh index, adding them in the given order; key terms
 * are picked with the index's own document frequencies as it grows.
 *
 * @example
 * clusterDocs(docs).filter((s) => s.articles.length > 1);
 */
export function clusterDocs(docs: readonly Doc[], options: StoryIndexOptions = {}): { id: string; articles: string[] }[] {
  const index = new StoryIndex(options);
  for (const doc of docs) index.add(doc.id, storyFeatures(doc, { termWeight: (t) => index.termWeight(t) }));
  return index.stories();
}
