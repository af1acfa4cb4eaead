/** The story in a few plain lines first: each line with links to the words it rests on. */
import { h } from '../dom.js';
import type { Story } from '../api.js';
import { compareDates, formatDate, plural } from '../format.js';
import { evidenceLink, type StoryView } from './context.js';

/** Agreements listed before the rest fold away: the summary should fit one screen. */
const SHOWN_AGREEMENTS = 4;

type Evidence = { article: string; evidence: string; start: number; end: number };

/** One link per article a line rests on, in story order. */
function evidenceLinks(view: StoryView, evidence: readonly Evidence[]): HTMLElement {
  const first = new Map<string, Evidence>();
  for (const e of evidence) if (!first.has(e.article)) first.set(e.article, e);
  const ordered = [...first.values()].sort((a, b) => view.numberOf(a.article) - view.numberOf(b.article));
  return h('span', { class: 'small nowrap-links' }, ordered.map((e, i) => [i ? ' ' : '', evidenceLink(view, e)]));
}

export function summarySection(view: StoryView): HTMLElement {
  const { story } = view;
  const lines = story.summary ?? [];
  const sourceCount = (t: Story['timeline'][number]) => new Set(t.sources.map((s) => s.article)).size;
  const agreed = story.timeline.filter((t) => sourceCount(t) >= 2).sort((a, b) => sourceCount(b) - sourceCount(a) || compareDates(a.date, b.date));
  return h('section', { 'aria-labelledby': 'summary-heading', class: 'story-section summary', id: 'summary' },
    h('h2', { id: 'summary-heading' }, 'Summary'),
    lines.length
      ? h('ol', { class: 'summary-lines' }, lines.map((line) => h('li', null, h('span', { class: 'summary-text' }, line.text), ' ', evidenceLinks(view, line.evidence))))
      : h('p', null, `${plural(story.articles.length, 'article')}; no summary was built for this story.`),
    agreed.length
      ? h('details', { class: 'agreements-box' },
        h('summary', null, `Where the sources agree: ${plural(agreed.length, 'event')} reported by several sources`),
        h('ul', { class: 'agreements' }, agreed.slice(0, SHOWN_AGREEMENTS * 4).map((t) => h('li', null,
          h('strong', null, formatDate(t.date)), ` — ${t.summary} `, evidenceLinks(view, t.sources)))))
      : null);
}
