export { readArticles, type ReadResult } from './read-articles.js';
