import { parseHTML } from 'linkedom';
import { ExtractError, type ArticleMeta, type Message } from '../../core/index.js';
import { extractMainContent } from './content.js';
import { MAX_NESTING, scanMarkup, type MarkupScan } from './markup-scan.js';
import { extractPageMeta, findDateline } from './meta/index.js';
import type { BlockKind } from './blocks.js';

export type { BlockKind } from './blocks.js';
export { toIsoDate, findDateline } from './meta/index.js';

export interface ExtractedBlock {
  readonly kind: BlockKind;
  readonly start: number;
  readonly end: number;
}

/** An article found in an HTML page. */
export interface ExtractedArticle {
  /** Clean body: paragraphs separated by one blank line, sub-headings on their own paragraph, no page furniture. */
  text: string;
  meta: ArticleMeta;
  /** Recoverable problems (stage `extract`). */
  messages: Message[];
  /** Offsets into `text` of each paragraph, heading, quote and list item. */
  blocks?: ExtractedBlock[];
}

export interface ExtractFromHtmlOptions {
  /** The page's address: helps with article kind (path segments) and the title's site suffix. */
  url?: string;
  /** How messages name the page (its file, feed item or URL). Default: the URL, else `page`. */
  name?: string;
}

/** linkedom needs a whole document; fragments and bare text are wrapped in one. */
function parseDocument(html: string): Document {
  const markup = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return (parseHTML(markup) as unknown as { document: Document }).document;
}

/** What the markup scan found, as messages: a page cut short, nesting flattened. */
function markupMessages(scan: MarkupScan, name: string): Message[] {
  const out: Message[] = [];
  if (scan.cut) {
    out.push({ level: 'warning', code: 'W_TRUNCATED_HTML', reason: `${name}: the page ends ${scan.cut}: it was cut short, and only what came before is read`, stage: 'extract' });
  }
  if (scan.dropped > 0) {
    out.push({
      level: 'warning',
      code: 'W_DEEP_NESTING',
      reason: `${name}: elements are nested ${scan.depth.toLocaleString('en-GB')} deep; past ${MAX_NESTING} levels ${scan.dropped.toLocaleString('en-GB')} tags were dropped and their text kept in place`,
      stage: 'extract',
    });
  }
  return out;
}

/** Less body text than this (characters) is not an article. */
const MIN_ARTICLE_CHARS = 80;

/**
 * Extract the article body and metadata from an HTML page. Broken or
 * truncated markup yields what it holds; it never throws for bad markup.
 *
 * @throws ExtractError `E_NO_ARTICLE` when the page holds no article text.
 * @example
 * const { text, meta } = extractFromHtml(html, { url: 'https://example.org/news/1' });
 * meta.published?.value // '2025-03-12T14:58:00+03:00'
 */
export function extractFromHtml(html: string, options: ExtractFromHtmlOptions = {}): ExtractedArticle {
  const name = options.name ?? options.url ?? 'page';
  const messages: Message[] = [];
  const scan = scanMarkup(html);
  messages.push(...markupMessages(scan, name));
  const document = parseDocument(scan.html);
  if (!document.documentElement) {
    throw new ExtractError('E_NO_ARTICLE', `${name}: the page has no HTML document to read`);
  }
  const page = extractPageMeta(document, { url: options.url, messages });
  const content = extractMainContent(document, { articleBody: page.articleBody, messages });
  if (content.via === 'json-ld' || content.via === 'density') {
    messages.push({
      level: 'info',
      code: 'I_CONTENT_FALLBACK',
      reason: `${name}: main-content scoring found too little; body taken from ${content.via === 'json-ld' ? 'JSON-LD articleBody' : 'paragraph density'}`,
      stage: 'extract',
    });
  }

  const parts: string[] = [];
  const blocks: ExtractedBlock[] = [];
  let offset = 0;
  for (const b of content.blocks) {
    if (parts.length) offset += 2;
    blocks.push({ kind: b.kind, start: offset, end: offset + b.text.length });
    parts.push(b.text);
    offset += b.text.length;
  }
  const text = parts.join('\n\n');
  if (text.length < MIN_ARTICLE_CHARS) {
    throw new ExtractError('E_NO_ARTICLE', `${name}: no article text found (${text.length} characters of body)`);
  }

  let meta: ArticleMeta = page.meta;
  const firstParagraph = blocks.find((b) => b.kind === 'paragraph');
  const dateline = firstParagraph ? findDateline(text.slice(firstParagraph.start, firstParagraph.end)) : null;
  if (dateline) {
    meta = { ...meta, dateline: { value: dateline.place, evidence: { source: 'html', at: 'first paragraph', raw: dateline.raw } } };
  }
  return { text, meta, messages, blocks };
}
