import type { ArticleJson } from './article-json.js';

/** A readable Markdown rendering of one article: title, a metadata line, the clean body. */
export function articleToMarkdown(article: ArticleJson): string {
  const facts = [
    article.outlet,
    article.author ? `by ${article.author}` : null,
    article.publishedAt ?? 'date not stated',
    article.kind,
    article.section,
  ].filter((x): x is string => Boolean(x));
  const where = article.source.url ?? article.source.path ?? '';
  const lines = [`# ${article.title ?? '(untitled)'}`, '', `*${facts.join(' · ')}*`];
  if (where) lines.push('', `Source: ${where}`);
  lines.push(`Id: \`${article.id}\``, '', article.text, '');
  return lines.join('\n');
}
