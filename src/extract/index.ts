import type { Doc, RawPage, ArticleMeta, MetaField, Evidence, PageHints, ArticleKind } from '../core/index.js';
import { contentId, ExtractError } from '../core/index.js';
import { extractFromHtml } from './html/index.js';
import { extractFromText } from './text/index.js';
import { withAddressMeta } from './address/index.js';

/** Below this many characters of body there is no article to analyse (a menu, a cookie wall, an error page). */
const MIN_BODY_CHARS = 80;

/**
 * Turn one ingested page into a Doc: the clean body and its metadata, each value with evidence.
 * Metadata that came with the input (feed item, JSON Lines record) fills what the page does not say,
 * and the page's address (its date path, its site) what neither says.
 *
 * @throws ExtractError E_NO_ARTICLE when the page holds no article text.
 */
export function extractArticle(page: RawPage): Doc {
  const name = page.source.item ?? page.source.url ?? page.source.path ?? 'input';
  const url = page.source.url ?? page.hints?.url;
  const extracted = page.format === 'html'
    ? extractFromHtml(page.content, { url, name })
    : extractFromText(page.content, { url });
  const text = extracted.text.trim();
  if (text.length < MIN_BODY_CHARS) {
    throw new ExtractError('E_NO_ARTICLE', `${name}: no article text found (${text.length} characters of body)`);
  }
  // The address may also be a header line of a text dump: it is the page's address all the same.
  const address = url ?? extracted.meta.url?.value;
  const meta = withDefaults(withAddressMeta(withHints(extracted.meta, page.hints), address, text), address);
  return {
    id: contentId(text),
    text,
    meta,
    source: page.source,
    layers: {},
    messages: extracted.messages,
  };
}

function hintField<T>(value: T | undefined, hints: PageHints, at: string): MetaField<T> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const evidence: Evidence = { source: hints.from === 'jsonl' ? 'jsonl' : hints.from === 'feed' ? 'feed' : 'meta', at, raw: String(value) };
  return { value, evidence };
}

/**
 * Metadata stated by the input (a feed item, a JSON Lines record) is explicit; a value the
 * page extractor read off a text line, read from the address (a site name) or inferred is a guess. Stated wins over guessed;
 * structured page metadata (JSON-LD, meta tags) wins over both.
 */
function prefer<T>(fromPage: MetaField<T> | undefined, fromHint: MetaField<T> | undefined): MetaField<T> | undefined {
  if (!fromPage) return fromHint;
  if (fromHint && (fromPage.evidence.source === 'line' || fromPage.evidence.source === 'inferred' || fromPage.evidence.source === 'url')) return fromHint;
  return fromPage;
}

function withHints(meta: ArticleMeta, hints: PageHints | undefined): ArticleMeta {
  if (!hints) return meta;
  const published = hints.published ? normaliseHintDate(hints.published) : undefined;
  return {
    ...meta,
    title: prefer(meta.title, hintField(hints.title, hints, 'title')),
    outlet: prefer(meta.outlet, hintField(hints.outlet, hints, 'outlet')),
    authors: prefer(meta.authors, hints.author ? hintField([hints.author], hints, 'author') : undefined),
    published: prefer(meta.published, hintField(published, hints, 'published')),
    section: prefer(meta.section, hintField(hints.section, hints, 'section')),
    language: prefer(meta.language, hintField(hints.language, hints, 'language')),
    url: prefer(meta.url, hintField(hints.url, hints, 'url')),
  };
}

function withDefaults(meta: ArticleMeta, url: string | undefined): ArticleMeta {
  const kind: MetaField<ArticleKind> = meta.kind ?? { value: 'news', evidence: { source: 'inferred', at: 'default: no opinion or analysis label' } };
  return {
    ...meta,
    kind,
    url: meta.url ?? (url ? { value: url, evidence: { source: 'url', at: 'source' } } : undefined),
  };
}

/** A hint's date as ISO at the precision it carries; unparsable strings are dropped rather than guessed. */
function normaliseHintDate(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.test(trimmed)) return trimmed;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 16);
}
