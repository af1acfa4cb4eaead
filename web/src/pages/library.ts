/** The library: stories, articles, search, and adding articles. */
import { h, replaceChildren, announce } from '../dom.js';
import { api, ApiFailure, type AddResult, type ArticleSummary, type StorySummary } from '../api.js';
import { articleHref, storyHref } from '../router.js';
import { formatDate, kindBadge, outletName, plural, snippetNodes, titleOf } from '../format.js';
import { listen, type Change } from '../live.js';

interface PageOptions { isCurrent: () => boolean }

/** Rows per page the reader can choose for the article list. */
const PAGE_SIZES = [10, 25, 50, 100] as const;
/** Enough rows to scan without scrolling far on a laptop. */
const DEFAULT_PAGE_SIZE = 25;

export async function renderLibrary(main: HTMLElement, options: PageOptions): Promise<void> {
  // Stories name their outlets from the article list; the table below reads one page at a time.
  const [{ articles }, { stories, total }, firstPage] = await Promise.all([api.articles(), api.stories(), api.articlePage(0, DEFAULT_PAGE_SIZE)]);
  if (!options.isCurrent()) return;
  const storiesSection = h('section', { 'aria-labelledby': 'stories-heading' });
  const articleList = pagedArticles(firstPage);
  const liveNote = h('p', { class: 'live-note muted small', role: 'status', 'aria-live': 'polite' });
  const refresh = async () => {
    const [a, s] = await Promise.all([api.articles(), api.stories()]);
    if (!options.isCurrent()) return;
    fillStories(storiesSection, s.stories, a.articles, s.total);
    await articleList.reload();
  };
  fillStories(storiesSection, stories, articles, total);
  replaceChildren(main,
    h('h1', { tabindex: '-1' }, 'Library'),
    h('div', { class: 'library-tools' }, searchSection(), addSection(refresh)),
    liveNote,
    storiesSection,
    articleList.section);
  // New articles from the feeds, workers or other analysts appear without a reload.
  listen({
    onBatch: (changes) => {
      if (!options.isCurrent()) return;
      const added = changes.filter((c) => c.kind === 'article-added').length;
      liveNote.textContent = `${changeSummary(changes, added)} (${new Date().toLocaleTimeString()})`;
      void refresh();
    },
  });
}

/** What a burst of changes did, in words. */
function changeSummary(changes: Change[], added: number): string {
  const built = new Set(changes.filter((c) => c.kind === 'story-updated').map((c) => c.storyId)).size;
  const parts = [added ? `${plural(added, 'new article')}` : '', built ? `${plural(built, 'story', 'stories')} updated` : ''].filter(Boolean);
  return `Live: ${parts.join(', ') || 'stories changed'}`;
}

function fillStories(section: HTMLElement, stories: StorySummary[], articles: ArticleSummary[], total = stories.length): void {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const sorted = [...stories].sort((a, b) => b.articles.length - a.articles.length || a.title.localeCompare(b.title));
  replaceChildren(section,
    h('h2', { id: 'stories-heading' }, `Stories (${total})`),
    total > stories.length ? h('p', { class: 'muted small' }, `The ${stories.length} most recently changed.`) : null,
    sorted.length === 0
      ? h('p', null, 'No stories yet: add articles below.')
      : h('ul', { class: 'story-list' }, sorted.map((story) => h('li', null,
        h('a', { href: storyHref(story.id), class: 'story-link' }, story.title || 'Untitled story'),
        story.stale ? h('span', { class: 'badge warn small' }, ' updating') : null,
        h('span', { class: 'muted' }, ` — ${plural(story.articles.length, 'article')}: `,
          [...new Set(story.articles.map((id) => outletName(byId.get(id))))].join(', '))))));
}

/**
 * The article table, one page at a time (`limit`/`offset` of the API, in the order the articles
 * were added), with previous/next buttons and a page size. The controls stay in place while
 * the rows change, so keyboard focus stays on the button pressed.
 */
function pagedArticles(first: { articles: ArticleSummary[]; total: number }): { section: HTMLElement; reload: () => Promise<void> } {
  let offset = 0;
  let limit: number = DEFAULT_PAGE_SIZE;
  const heading = h('h2', { id: 'articles-heading' });
  const holder = h('div');
  const status = h('span', { class: 'pager-status', 'aria-live': 'polite' });
  const previous = h('button', { type: 'button', class: 'pager-previous' }, 'Previous');
  const next = h('button', { type: 'button', class: 'pager-next' }, 'Next');
  const size = h('select', { id: 'page-size' }, PAGE_SIZES.map((n) => h('option', { value: String(n), selected: n === limit }, String(n))));
  const error = h('p', { class: 'error', role: 'alert' });

  const show = (page: { articles: ArticleSummary[]; total: number }) => {
    heading.textContent = `Articles (${page.total})`;
    const from = page.articles.length ? offset + 1 : 0;
    status.textContent = page.total === 0 ? 'No articles' : `${from}–${offset + page.articles.length} of ${page.total}`;
    previous.disabled = offset === 0;
    next.disabled = offset + page.articles.length >= page.total;
    fillArticles(holder, page.articles);
  };
  const load = async (to: number) => {
    error.textContent = '';
    try {
      const page = await api.articlePage(to, limit);
      // Past the end (the list shrank since): go to the last page instead.
      if (page.articles.length === 0 && to > 0 && page.total > 0) return load(Math.floor((page.total - 1) / limit) * limit);
      offset = to;
      show(page);
    } catch (err) {
      error.textContent = `Could not load the articles: ${(err as Error).message}`;
    }
  };
  previous.addEventListener('click', () => void load(Math.max(0, offset - limit)));
  next.addEventListener('click', () => void load(offset + limit));
  size.addEventListener('change', () => {
    limit = Number(size.value);
    void load(Math.floor(offset / limit) * limit);
  });
  show(first);
  const pager = h('nav', { class: 'pager', 'aria-label': 'Article pages' },
    previous, status, next,
    h('span', { class: 'pager-size' }, h('label', { for: 'page-size' }, 'Per page'), size));
  const section = h('section', { 'aria-labelledby': 'articles-heading' },
    heading, h('p', { class: 'muted small' }, 'In the order they were added.'), holder, pager, error);
  return { section, reload: () => load(offset) };
}

function fillArticles(holder: HTMLElement, rows: ArticleSummary[]): void {
  replaceChildren(holder,
    rows.length === 0 ? h('p', null, 'No articles yet.') : h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Articles table' },
      h('table', { class: 'articles' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Title'), h('th', { scope: 'col' }, 'Outlet'), h('th', { scope: 'col' }, 'Published'), h('th', { scope: 'col' }, 'Kind'))),
        h('tbody', null, rows.map((a) => h('tr', { 'data-article': a.id },
          h('td', null, h('a', { href: articleHref(a.id) }, titleOf(a))),
          h('td', null, outletName(a)),
          h('td', null, formatDate(a.published)),
          h('td', null, kindBadge(a.kind))))))));
}

function searchSection(): HTMLElement {
  const input = h('input', { type: 'search', id: 'search-q', name: 'q', required: true, autocomplete: 'off' });
  const results = h('div', { 'aria-live': 'polite', class: 'search-results' });
  const form = h('form', { role: 'search', 'aria-label': 'Articles', class: 'search-form' },
    h('label', { for: 'search-q' }, 'Search the articles'),
    h('div', { class: 'inline' }, input, h('button', { type: 'submit' }, 'Search')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    replaceChildren(results, h('p', null, 'Searching…'));
    try {
      const { results: hits } = await api.search(q);
      replaceChildren(results,
        h('h3', null, `${plural(hits.length, 'result')} for “${q}”`),
        hits.length === 0 ? null : h('ol', { class: 'hits' }, hits.map((hit) => h('li', null,
          h('a', { href: articleHref(hit.id) }, hit.title ?? 'Untitled article'),
          h('p', { class: 'snippet' }, snippetNodes(hit.snippet))))));
    } catch (err) {
      replaceChildren(results, h('p', { class: 'error' }, `Search failed: ${(err as Error).message}`));
    }
  });
  return h('section', { 'aria-labelledby': 'search-heading', class: 'card' }, h('h2', { id: 'search-heading' }, 'Search'), form, results);
}

type AddRequest = () => Promise<AddResult>;

function addSection(refresh: () => Promise<void>): HTMLElement {
  const status = h('div', { class: 'add-status', role: 'status', 'aria-live': 'polite' });
  const busyButtons: HTMLButtonElement[] = [];
  const run = async (label: string, request: AddRequest) => {
    busyButtons.forEach((b) => { b.disabled = true; });
    replaceChildren(status, h('p', { class: 'working' }, h('progress', { 'aria-label': `Adding ${label}` }), ` Adding ${label}: fetching, extracting and annotating…`));
    try {
      const result = await request();
      replaceChildren(status, resultList(result));
      announce(resultSummary(result));
      await refresh();
    } catch (err) {
      const message = err instanceof ApiFailure ? `${err.message} (${err.code})` : (err as Error).message;
      replaceChildren(status, h('p', { class: 'error result-failed' }, `Failed: ${message}`));
      announce(`Adding failed: ${message}`);
    } finally {
      busyButtons.forEach((b) => { b.disabled = false; });
    }
  };

  const file = h('input', { type: 'file', id: 'add-file', accept: '.html,.htm,.txt,.xml,.rss,.atom,.jsonl,.json,.warc,.gz,text/html,text/plain' });
  const fileButton = h('button', { type: 'submit' }, 'Upload');
  const fileForm = h('form', { class: 'add-form', 'aria-label': 'Upload a file' },
    h('label', { for: 'add-file' }, 'File (HTML, text, feed, JSON Lines, WARC)'), file, fileButton);
  fileForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) { replaceChildren(status, h('p', { class: 'error' }, 'Choose a file first.')); return; }
    void run(chosen.name, () => api.addFile(chosen));
  });

  const pasteText = h('textarea', { id: 'add-text', rows: 6, required: true });
  const pasteTitle = h('input', { type: 'text', id: 'add-title' });
  const asHtml = h('input', { type: 'checkbox', id: 'add-is-html' });
  const pasteButton = h('button', { type: 'submit' }, 'Add pasted article');
  const pasteForm = h('form', { class: 'add-form', 'aria-label': 'Paste an article' },
    h('label', { for: 'add-text' }, 'Article text or HTML'), pasteText,
    h('label', { for: 'add-title' }, 'Title (optional, for plain text)'), pasteTitle,
    h('div', { class: 'check' }, asHtml, h('label', { for: 'add-is-html' }, 'This is HTML')),
    pasteButton);
  pasteForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = pasteText.value;
    if (!text.trim()) return;
    const title = pasteTitle.value.trim();
    const looksHtml = asHtml.checked || /^\s*<(!doctype|html|article|body)\b/i.test(text);
    void run('the pasted article', () => api.addJson(looksHtml ? { html: text } : { text, ...(title ? { title } : {}) }));
  });

  const url = h('input', { type: 'url', id: 'add-url', required: true, placeholder: 'https://…' });
  const urlButton = h('button', { type: 'submit' }, 'Fetch and add');
  const urlForm = h('form', { class: 'add-form', 'aria-label': 'Add from a URL' },
    h('label', { for: 'add-url' }, 'Web address'), url, urlButton);
  urlForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!url.value.trim()) return;
    void run(url.value.trim(), () => api.addJson({ url: url.value.trim() }));
  });

  busyButtons.push(fileButton, pasteButton, urlButton);
  return h('section', { 'aria-labelledby': 'add-heading', class: 'card' },
    h('h2', { id: 'add-heading' }, 'Add an article'),
    h('div', { class: 'add-forms' }, fileForm, pasteForm, urlForm),
    status);
}

function resultSummary(result: AddResult): string {
  return `${plural(result.articles.length, 'article')} added, ${plural(result.duplicates.length, 'duplicate')}, ${plural(result.failures.length, 'failure')}.`;
}

function resultList(result: AddResult): HTMLElement {
  return h('div', null,
    h('p', null, resultSummary(result)),
    h('ul', { class: 'add-results' },
      result.articles.map((a) => h('li', { class: 'result-added' }, h('span', { class: 'badge ok' }, 'added'), ' ', h('a', { href: articleHref(a.id) }, titleOf(a)))),
      result.duplicates.map((d) => h('li', { class: 'result-duplicate' }, h('span', { class: 'badge warn' }, d.status), ' ', d.input, ' — ',
        h('a', { href: articleHref(d.duplicateOf ?? d.id) }, 'open the article already stored'))),
      result.failures.map((f) => h('li', { class: 'result-failed' }, h('span', { class: 'badge bad' }, 'failed'), ' ', `${f.input}: ${f.message} (${f.code})`))));
}
