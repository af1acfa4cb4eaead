/**
 * The page an article was read from, shown as its source text with line
 * numbers (never rendered: it is inserted as text nodes only). For a text
 * dump, the lines that became the article's text and the lines metadata was
 * read from are marked, and "line N" evidence links scroll to their line.
 */
import { h } from '../dom.js';
import type { FullArticle, OriginalPage } from '../api.js';
import { plural } from '../format.js';

/** Lines drawn at most: past this a page (minified HTML, a huge dump) is better read as plain text. */
const MAX_SHOWN_LINES = 20_000;
/** Evidence `at` of a value read from one line of a text dump. */
const LINE_EVIDENCE = /^line (\d+)$/;
/** A list bullet the text extractor drops from the start of a line. */
const LEADING_BULLET = /^[•·\-*–]\s*/;

function lineId(n: number): string {
  return `orig-line-${n}`;
}

/** Whitespace folded to single spaces, bullets dropped: how a dump line and a line of the text are compared. */
function comparable(line: string): string {
  return line.trim().replace(LEADING_BULLET, '').replace(/\s+/g, ' ');
}

/** 1-based numbers of the dump lines that appear as whole lines of the extracted text. */
export function bodyLineNumbers(lines: readonly string[], text: string): Set<number> {
  const textLines = new Set(text.split('\n').map(comparable).filter(Boolean));
  const found = new Set<number>();
  lines.forEach((line, i) => {
    const key = comparable(line);
    if (key && textLines.has(key)) found.add(i + 1);
  });
  return found;
}

/** The line number of evidence read from one line of a text dump (`line 12`), else null. */
export function evidenceLine(at: string | undefined): number | null {
  const n = Number(LINE_EVIDENCE.exec(at ?? '')?.[1] ?? 0);
  return n > 0 ? n : null;
}

/** 1-based numbers of the lines the metadata says it read values from. */
function evidenceLineNumbers(article: FullArticle): Set<number> {
  const found = new Set<number>();
  for (const evidence of Object.values(article.evidence)) {
    const n = evidenceLine(evidence.at);
    if (n !== null) found.add(n);
  }
  return found;
}

/** Scroll the original page to line `n`, mark it and move focus there (for "line N" evidence links). */
export function showOriginalLine(n: number): void {
  const line = document.getElementById(lineId(n));
  if (!line) return;
  document.querySelectorAll('.orig-line-target').forEach((el) => el.classList.remove('orig-line-target'));
  line.classList.add('orig-line-target');
  line.setAttribute('tabindex', '-1');
  line.scrollIntoView({ block: 'center' });
  line.focus({ preventScroll: true });
}

/** Lines of context kept above the first marked line when the source is scrolled to it. */
const CONTEXT_LINES = 2;

/**
 * Scroll the original page (the box only, not the window) so the first line the
 * article came from is near its top: a dump opens on menus otherwise.
 */
export function revealMarkedLines(): void {
  const pre = document.querySelector<HTMLElement>('pre.original-source');
  const first = pre?.querySelector<HTMLElement>('.orig-meta, .orig-body');
  if (!pre || !first) return;
  let above: Element = first;
  for (let i = 0; i < CONTEXT_LINES && above.previousElementSibling; i++) above = above.previousElementSibling;
  pre.scrollTop += above.getBoundingClientRect().top - pre.getBoundingClientRect().top;
}

function describe(original: OriginalPage): string {
  const kind = original.format === 'html' ? 'HTML source' : original.format === 'text' ? 'text dump' : 'page';
  const how = [original.encoding ? `decoded from ${original.encoding}` : null, original.contentType ? `served as ${original.contentType}` : null].filter(Boolean);
  return `The ${kind} the article was extracted from, as text${how.length ? ` (${how.join(', ')})` : ''}.`;
}

/** The "Original page" column: the page source with line numbers, or why there is none. */
export function originalSection(article: FullArticle, original: OriginalPage | null): HTMLElement {
  const heading = h('h2', { id: 'original-heading' }, 'Original page');
  const rawLink = h('a', { href: `/api/articles/${encodeURIComponent(article.id)}/original`, target: '_blank', rel: 'noopener' }, 'open as plain text');
  if (!original) {
    return h('section', { class: 'article-original', 'aria-labelledby': 'original-heading' }, heading,
      h('p', { class: 'muted' }, 'This article was stored without the page it was read from (added before pages were kept).'));
  }
  const lines = original.content.split(/\r\n|\r|\n/);
  const isText = original.format === 'text';
  const inBody = isText ? bodyLineNumbers(lines, article.text) : new Set<number>();
  const fromMeta = isText ? evidenceLineNumbers(article) : new Set<number>();
  const shown = lines.slice(0, MAX_SHOWN_LINES);
  const source = h('pre', { class: 'original-source', tabindex: '0', role: 'region', 'aria-label': `Original page source, ${plural(lines.length, 'line')}` },
    shown.map((line, i) => {
      const n = i + 1;
      const classes = ['orig-line', inBody.has(n) ? 'orig-body' : '', fromMeta.has(n) ? 'orig-meta' : ''].filter(Boolean).join(' ');
      return h('span', { class: classes, id: lineId(n), 'data-n': String(n) }, line);
    }));
  return h('section', { class: 'article-original', 'aria-labelledby': 'original-heading' }, heading,
    h('p', { class: 'small muted' }, describe(original), ' You can also ', rawLink, '.'),
    original.truncated ? h('p', { class: 'note small' }, 'The page was longer than the stored limit: its end was cut.') : null,
    lines.length > MAX_SHOWN_LINES ? h('p', { class: 'note small' }, `Showing the first ${MAX_SHOWN_LINES.toLocaleString('en')} of ${lines.length.toLocaleString('en')} lines.`) : null,
    isText
      ? h('ul', { class: 'original-legend small' },
        h('li', null, h('span', { class: 'swatch orig-body', 'aria-hidden': 'true' }), ` Became the article text (${plural(inBody.size, 'line')})`),
        h('li', null, h('span', { class: 'swatch orig-meta', 'aria-hidden': 'true' }), ' Metadata read from this line'))
      : null,
    source);
}
