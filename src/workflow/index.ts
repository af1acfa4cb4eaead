export { readArticles, type ReadResult } from './read-articles.js';
export { analyze, analyzeInputs, analyzeDocs, annotateDoc, briefArticle, type Analysis, type AnalyzedArticle, type AnalyzeResult } from './analyze.js';
export { Library, type LibraryAddOutcome, type LibraryStory } from './library.js';
export { annotateArticle, stopAnnotationPool, configureAnnotationPool, warmAnnotationPool, type AnnotateOptions, type AnnotateInput, type AnnotationPoolOptions } from './annotate-pool.js';
export { docFromPage, warningsOf, strictFailure } from './page-to-doc.js';
