export { readArticles, type ReadResult } from './read-articles.js';
export { analyze, analyzeInputs, analyzeDocs, annotateDoc, briefArticle, type Analysis, type AnalyzedArticle, type AnalyzeResult } from './analyze.js';
export { Library, originalOf, type LibraryAddOutcome, type LibraryStory } from './library.js';
export { processArticle, annotateArticle, extractPage, isAnnotated, type ProcessedArticle } from './process-article.js';
export {
  rebuildStory, latestBuild, buildFromStore, storyDocs, storyChanges, entityOf, STORY_BUILD_FORMAT,
  type StoryBuildData, type BuiltStory, type RebuildOutcome,
} from './story-builds.js';
export { standingOverrides, applyMerges, mergeEntitiesOf, findEntity, type EntityPair, type EntityOverrides } from './story-overrides.js';
