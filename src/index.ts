/**
 * Parallax as a library.
 *
 * @example
 * import { readArticles, openStore } from 'parallax';
 * for await (const r of readArticles(['page.html'])) if (r.ok) console.log(r.doc.meta.title?.value);
 */
export * from './core/index.js';
export { ingest, type IngestOptions, type IngestResult } from './ingest/index.js';
export { extractArticle } from './extract/index.js';
export { analyze, readArticles, analyzeInputs, annotateDoc, type ReadResult, type Analysis, type AnalyzedArticle } from "./workflow/index.js";
export { createArticlePipeline } from "./annotate/index.js";
export { openStore, type Store, type StoreConfig, type AddOutcome, type StoredArticle } from './store/index.js';
export { toArticleJson, articleToMarkdown, type ArticleJson } from './report/index.js';
