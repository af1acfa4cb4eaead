/**
 * Story clustering: articles linked by shared rare entities, key terms and
 * time form stories, found through capped posting lists (never all pairs).
 */
import type { Doc } from '../../core/index.js';
import { StoryIndex, type StoryIndexOptions } from './story-index.js';

export { storyFeatures, storyFeatureCandidates, keyTerms, termPool, stem, type StoryFeatures, type StoryFeaturesOptions, type StoryFeatureCandidates } from './features.js';
export { StoryIndex, linkingOptions, type StoryAssignment, type StoryIndexOptions } from './story-index.js';
export * as linking from './linking.js';
export { DEFAULT_LINKING, type LinkingOptions, type LinkedArticle, type StoryPlan } from './linking.js';
export { clusterAgreement, type ClusterAgreement } from './agreement.js';
export { nameKey, wordSkeleton } from './phonetic.js';
export { warmBackground } from './background.js';

/**
 * Cluster docs with a fresh index, adding them in the given order; key terms
 * are picked with the index's own document frequencies as it grows.
 *
 * @example
 * clusterDocs(docs).filter((s) => s.articles.length > 1);
 */
export function clusterDocs(docs: readonly Doc[], options: StoryIndexOptions = {}): { id: string; articles: string[] }[] {
  const index = new StoryIndex(options);
  for (const doc of docs) index.addDoc(doc);
  return index.stories();
}
