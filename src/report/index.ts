export { toArticleJson, dateOnly, type ArticleJson } from './article-json.js';
export { articleToMarkdown } from './article-markdown.js';
export { annotationsToJson, type AnnotationsJson, type EntityJson, type QuoteJson, type TimeJson, type EventJson } from './annotations-json.js';
export { analysisToMarkdown } from './analysis-markdown.js';
