export { toArticleJson, dateOnly, type ArticleJson } from './article-json.js';
export { articleToMarkdown } from './article-markdown.js';
export { annotationsToJson, type AnnotationsJson, type EntityJson, type QuoteJson, type TimeJson, type EventJson } from './annotations-json.js';
export { briefToMarkdown } from './brief-markdown.js';
export { briefToHtml } from './brief-html.js';
export { buildBriefModel, excerpt, type BriefArticle, type BriefModel } from './brief-model.js';
