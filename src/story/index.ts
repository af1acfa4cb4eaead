export * from './types.js';
export { buildStory, buildStoryWithEntities, buildStories, type BuildStoryOptions, type StoryStage } from './build-story.js';
export { mergeEntities, type MergeOptions } from './entities/index.js';
export { StoryIndex, storyFeatures, clusterDocs, type StoryFeatures, type StoryAssignment } from './cluster/index.js';
export { buildTimeline } from './timeline/index.js';
export { findTopics, findStances } from './stances/index.js';
export { findContradictions, findQuoteVariants, findSingleSourceClaims } from './consistency/index.js';
export { describeFraming } from './framing/index.js';
