export { readArticles, type ReadResult } from './read-articles.js';
export { analyze, analyzeInputs, analyzeDocs, annotateDoc, briefArticle, type Analysis, type AnalyzedArticle, type AnalyzeResult } from './analyze.js';
export { Library, originalOf, type LibraryAddOutcome, type LibraryStory } from './library.js';
export { annotateArticle, stopAnnotationPool, configureAnnotationPool, warmAnnotationPool, type AnnotateOptions, type AnnotateInput, type AnnotationPoolOptions } from './annotate-pool.js';
export { docFromPage, warningsOf, strictFailure } from './page-to-doc.js';
export { processArticle, annotated, extractPage, isAnnotated, type ProcessedArticle } from './process-article.js';
export {
  rebuildStory, latestBuild, buildFromStore, storyDocs, storyChanges, entityOf, STORY_BUILD_FORMAT,
  type StoryBuildData, type BuiltStory, type RebuildOutcome,
} from './story-builds.js';
export { standingOverrides, applyMerges, mergeEntitiesOf, findEntity, type EntityPair, type EntityOverrides } from './story-overrides.js';
