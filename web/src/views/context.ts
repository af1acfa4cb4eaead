/** What every part of the story page needs: the story and how to name and link its articles. */
import { h } from '../dom.js';
import type { ArticleSummary, Story } from '../api.js';
import { articleHref } from '../router.js';
import { outletName } from '../format.js';

/** Distinct source colours (the CSS has `.src-1` … `.src-8`); more articles reuse them, their numbers stay distinct. */
const SOURCE_COLOURS = 8;

export interface StoryView {
  readonly story: Story;
  readonly articles: ReadonlyMap<string, ArticleSummary>;
  /** 1-based number of each article, in story order: the label on timeline markers and source columns. */
  readonly numberOf: (articleId: string) => number;
  readonly outletOf: (articleId: string) => string;
}

export function storyView(story: Story, articles: readonly ArticleSummary[]): StoryView {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const numbers = new Map(story.articles.map((id, i) => [id, i + 1]));
  return {
    story,
    articles: byId,
    numberOf: (id) => numbers.get(id) ?? 0,
    outletOf: (id) => outletName(byId.get(id)),
  };
}

export function sourceClass(n: number): string {
  return `src-${((n - 1) % SOURCE_COLOURS) + 1}`;
}

/** The numbered, coloured label of an article (the same on the chart and on the columns). */
export function sourceBadge(view: StoryView, articleId: string): HTMLElement {
  const n = view.numberOf(articleId);
  return h('span', { class: `source-badge ${sourceClass(n)}`, 'aria-hidden': 'true' }, String(n));
}

/**
 * A link that opens an article with a passage highlighted: by offsets when the
 * finding has them, else by the evidence words.
 */
export function evidenceLink(view: StoryView, source: { article: string; evidence?: string; start?: number; end?: number }, label?: string): HTMLAnchorElement {
  const passage = { ...(source.start !== undefined && source.end !== undefined ? { start: source.start, end: source.end } : {}), ...(source.evidence ? { quote: source.evidence } : {}) };
  return h('a', { href: articleHref(source.article, passage), class: 'evidence-link', 'data-article': source.article },
    sourceBadge(view, source.article), h('span', { class: 'link-text' }, label ?? view.outletOf(source.article)));
}

/** Evidence words as a quotation followed by the link to them in place. */
export function evidenceBlock(view: StoryView, source: { article: string; evidence: string; start?: number; end?: number }): HTMLElement {
  return h('div', { class: 'evidence' },
    h('blockquote', null, source.evidence),
    h('p', { class: 'evidence-from' }, '— ', evidenceLink(view, source, `${view.outletOf(source.article)}: show in the article`)));
}
