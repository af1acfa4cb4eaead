export { toArticleJson, dateOnly, type ArticleJson } from './article-json.js';
export { articleToMarkdown } from './article-markdown.js';
