export { readArticles, type ReadResult } from './read-articles.js';
export { analyze, analyzeInputs, annotateDoc, type Analysis, type AnalyzedArticle, type AnalyzeResult } from './analyze.js';
