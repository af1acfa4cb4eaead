/**
 * One article: its clean text with every layer highlighted in place, next to the page it was
 * read from, and where each metadata value came from (linked to its line of the page).
 */
import { h, replaceChildren, httpUrl } from '../dom.js';
import { api, type FullArticle, type OriginalPage } from '../api.js';
import { evidenceLine, originalSection, revealMarkedLines, showOriginalLine } from '../views/original.js';
import { highlightedText, type Mark, type MarkKind } from '../highlight.js';
import { formatDate, kindBadge, outletName, titleOf } from '../format.js';
import type { Route } from '../router.js';

interface PageOptions { isCurrent: () => boolean }

/** Layers the reader can switch on and off, with the words the legend uses. */
const LAYERS: { kind: Exclude<MarkKind, 'target'>; label: string }[] = [
  { kind: 'entity', label: 'Names' },
  { kind: 'quote', label: 'Quotes' },
  { kind: 'reported', label: 'Reported speech' },
  { kind: 'time', label: 'Dates' },
  { kind: 'event', label: 'Events' },
];

/** Metadata fields in reading order, with their labels. */
const META_FIELDS: { key: string; label: string; value: (a: FullArticle) => string | null }[] = [
  { key: 'title', label: 'Title', value: (a) => a.title },
  { key: 'outlet', label: 'Outlet', value: (a) => a.outlet },
  { key: 'authors', label: 'Author', value: (a) => a.author },
  { key: 'published', label: 'Published', value: (a) => a.publishedAt ?? a.published },
  { key: 'section', label: 'Section', value: (a) => a.section },
  { key: 'kind', label: 'Kind', value: (a) => a.kind },
  { key: 'language', label: 'Language', value: (a) => a.language },
  { key: 'dateline', label: 'Dateline', value: (a) => a.dateline },
  { key: 'url', label: 'Address', value: (a) => a.url },
];

type ArticleRoute = Extract<Route, { page: 'article' }>;

export async function renderArticle(main: HTMLElement, route: ArticleRoute, options: PageOptions): Promise<void> {
  const [{ article }, original] = await Promise.all([api.article(route.id), api.original(route.id).catch(() => null)]);
  if (!options.isCurrent()) return;
  const target = findPassage(article.text, route);
  const tipRegion = h('p', { class: 'tip-region', 'aria-live': 'polite' }, 'Focus or point at a quote or a date to see its speaker or value.');
  const text = highlightedText(article.text, [...layerMarks(article), ...(target ? [{ kind: 'target' as const, ...target, tip: 'The passage you opened' }] : [])],
    (tip) => { tipRegion.textContent = tip; });
  const toggles = h('fieldset', { class: 'layer-toggles' }, h('legend', null, 'Highlight'),
    LAYERS.map(({ kind, label }) => {
      const box = h('input', { type: 'checkbox', id: `layer-${kind}`, checked: true });
      box.addEventListener('change', () => text.classList.toggle(`hide-${kind}`, !box.checked));
      return h('span', { class: 'check' }, box, h('label', { for: `layer-${kind}` }, h('span', { class: `swatch hl-${kind}`, 'aria-hidden': 'true' }), label));
    }));

  replaceChildren(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Library')),
    h('h1', { tabindex: '-1' }, titleOf(article)),
    h('p', { class: 'byline' }, outletName(article), article.author ? ` · ${article.author}` : '', ` · ${formatDate(article.published)} · `, kindBadge(article.kind)),
    route.start !== null || route.quote
      ? h('p', { class: target ? 'note' : 'note error', role: 'status' }, target ? 'The highlighted passage is the evidence you opened.' : 'The passage you opened was not found in this article’s text.')
      : null,
    partialNotice(article),
    h('div', { class: 'article-layout' },
      h('section', { class: 'article-body', 'aria-labelledby': 'text-heading' },
        h('h2', { id: 'text-heading' }, 'Extracted text'),
        toggles, tipRegion, text),
      originalSection(article, original),
      h('aside', { class: 'article-side', 'aria-label': 'About this article' },
        h('h2', null, 'Metadata and where it came from'), metadataList(article, original),
        h('h2', null, 'Read from'), originalSource(article),
        article.messages.length ? [h('h2', null, 'Notes from reading the page'), h('ul', { class: 'messages' }, article.messages.map((m) => h('li', null, sentence(m.reason))))] : null)));

  revealMarkedLines();
  const mark = document.getElementById('evidence-target');
  if (mark) {
    mark.scrollIntoView({ block: 'center' });
    mark.focus({ preventScroll: true });
  }
}

/** A message's reason as a sentence a reader can take in (codes stay in the API). */
function sentence(reason: string): string {
  const text = reason.trim();
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}

/** What was cut, replaced or left unanalysed in this article, said before its text: a reader must not take a part for the whole. */
function partialNotice(article: FullArticle): HTMLElement | null {
  const warnings = article.messages.filter((m) => m.level === 'warning');
  if (warnings.length === 0) return null;
  return h('div', { class: 'note warning', role: 'note', 'aria-label': 'Warnings about this article' },
    h('p', null, h('strong', null, warnings.length === 1 ? 'Warning: ' : `${warnings.length} warnings: `), 'this article was read or analysed only in part.'),
    h('ul', null, warnings.map((w) => h('li', null, sentence(w.reason)))));
}

function layerMarks(article: FullArticle): Mark[] {
  return [
    ...article.entities.map((e): Mark => ({ kind: 'entity', start: e.start, end: e.end, tip: `${e.type}: ${e.text}`, variant: e.type })),
    // Only words in quote marks are shaded as quotes; reported speech is underlined apart.
    ...article.quotes.map((q): Mark => ({ kind: q.direct ? 'quote' : 'reported', start: q.start, end: q.end, tip: `${q.direct ? 'Quote' : 'Reported speech'} — speaker: ${q.speaker ?? 'not identified'}` })),
    ...article.times.map((t): Mark => ({ kind: 'time', start: t.start, end: t.end, tip: t.value ? `Date: ${t.value}` : 'Date: not resolved from the text' })),
    ...article.events.map((e): Mark => ({ kind: 'event', start: e.start, end: e.end, tip: `Event: ${e.action}${e.date ? ` on ${e.date}` : ''}${e.actor ? ` by ${e.actor}` : ''}` })),
  ];
}

/** The passage a link asked for: offsets if they fit the text, else its words found in the text. */
export function findPassage(text: string, route: Pick<ArticleRoute, 'start' | 'end' | 'quote'>): { start: number; end: number } | null {
  if (route.start !== null && route.end !== null && route.start < route.end && route.end <= text.length) return { start: route.start, end: route.end };
  const quote = route.quote?.trim();
  if (!quote) return null;
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  // Evidence may have had its whitespace folded to one line.
  const words = quote.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const match = new RegExp(words.join('\\s+')).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

function metadataList(article: FullArticle, original: OriginalPage | null): HTMLElement {
  const lineCount = original?.format === 'text' ? original.content.split(/\r\n|\r|\n/).length : 0;
  return h('dl', { class: 'meta' }, META_FIELDS.map(({ key, label, value }) => {
    const shown = value(article);
    const evidence = article.evidence[key];
    const link = key === 'url' ? httpUrl(shown) : null;
    const line = evidenceLine(evidence?.at);
    // A value read from a line of the page links to that line: "from line 12".
    const from = !evidence ? null
      : line !== null && line <= lineCount ? [' from ', lineButton(line, label)]
        : ` from ${evidence.source}${evidence.at ? ` (${evidence.at})` : ''}`;
    return [
      h('dt', null, label),
      h('dd', null,
        shown === null ? h('span', { class: 'muted' }, 'not found') : link ? h('a', { href: link, rel: 'noopener noreferrer nofollow', target: '_blank' }, shown) : shown,
        evidence ? h('span', { class: 'evidence-source' }, from, evidence.raw && evidence.raw !== shown ? `: “${evidence.raw}”` : '') : null),
    ];
  }));
}

/** "line N" as a control that shows that line of the original page. */
function lineButton(line: number, field: string): HTMLElement {
  const button = h('button', { type: 'button', class: 'link-button line-link', 'data-line': String(line), 'aria-label': `${field}: show line ${line} of the original page` }, `line ${line}`);
  button.addEventListener('click', () => showOriginalLine(line));
  return button;
}

/** Where the page came from: its addresses and files. */
function originalSource(article: FullArticle): HTMLElement {
  const sources = article.sources?.length ? article.sources : [article.source];
  return h('ul', { class: 'sources-list' }, sources.map((s) => {
    const url = httpUrl(s.url);
    return h('li', null,
      url ? h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, url) : s.url ? h('span', null, `${s.url} (not a web link)`) : null,
      s.path ? h('code', null, s.path) : null,
      !s.url && !s.path ? 'Added by paste or upload: no original address.' : null);
  }));
}
