import { XMLParser } from 'fast-xml-parser';
import { IngestError, type PageFormat, type PageHints } from '../core/index.js';
import { INGEST_ERROR_CODES } from './errors.js';
import { normaliseDate } from './dates.js';
import { looksLikeFeed } from './sniff.js';

/** One item of a feed: its content (if the feed carries it), its link, and what the feed says about it. */
export interface FeedItem {
  /** 1-based position in the feed. */
  readonly index: number;
  readonly content?: string;
  readonly contentFormat: PageFormat;
  readonly link?: string;
  readonly hints: PageHints;
}

export type FeedEntry =
  | { readonly ok: true; readonly index: number; readonly item: FeedItem }
  | { readonly ok: false; readonly index: number; readonly error: IngestError };

export interface ParsedFeed {
  readonly title?: string;
  readonly entries: readonly FeedEntry[];
}

export interface ParseFeedOptions {
  /** How to name the feed in errors (`feed.xml`, a URL). */
  readonly name: string;
  /** Where the feed came from, to resolve relative item links. */
  readonly baseUrl?: string;
}

/** Tags that may repeat; the parser otherwise collapses one child into an object. */
const REPEATABLE_TAGS = new Set(['item', 'entry', 'link', 'author', 'dc:creator', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Titles such as "2025" must stay strings.
  parseTagValue: false,
  // Atom content may be inline XHTML: keep it as markup rather than as a parsed tree.
  stopNodes: ['feed.entry.content', 'feed.entry.summary', 'entry.content', 'entry.summary'],
  isArray: (tagName) => REPEATABLE_TAGS.has(tagName),
});

/**
 * Parse an RSS 2.0, RSS 1.0 (RDF) or Atom feed into items. A malformed item
 * fails alone: when the whole document does not parse, each item is parsed
 * on its own. Throws `E_FEED_PARSE` when the text is not a feed at all.
 */
export function parseFeed(xml: string, options: ParseFeedOptions): ParsedFeed {
  if (!looksLikeFeed(xml.slice(0, 4096))) {
    throw new IngestError(INGEST_ERROR_CODES.feedParse, `${options.name} is not RSS or Atom`);
  }
  let document: unknown;
  try {
    document = parser.parse(xml, true);
  } catch (err) {
    return parseItemByItem(xml, options, err);
  }
  const root = feedRoot(document);
  if (!root) throw new IngestError(INGEST_ERROR_CODES.feedParse, `${options.name} is not RSS or Atom`);
  const title = textOf(root.channel.title);
  const language = textOf(root.channel.language) ?? textOf(root.channel['dc:language']) ?? textOf(root.channel['@_xml:lang']);
  const context = { ...options, outlet: title ? publisherFromFeedTitle(title) : undefined, language };
  return {
    title,
    entries: root.items.map((node, i) => entryFromNode(node, i + 1, context)),
  };
}

interface FeedRoot {
  readonly channel: Record<string, unknown>;
  readonly items: unknown[];
}

function feedRoot(document: unknown): FeedRoot | null {
  if (!isRecord(document)) return null;
  const rss = document['rss'];
  if (isRecord(rss)) {
    const channel = isRecord(rss['channel']) ? rss['channel'] : {};
    return { channel, items: asArray(channel['item']) };
  }
  const feed = document['feed'];
  if (isRecord(feed)) return { channel: feed, items: asArray(feed['entry']) };
  const rdfKey = Object.keys(document).find((k) => /(?:^|:)RDF$/.test(k));
  const rdf = rdfKey ? document[rdfKey] : undefined;
  if (isRecord(rdf)) {
    const channel = isRecord(rdf['channel']) ? rdf['channel'] : {};
    return { channel, items: asArray(rdf['item']) };
  }
  return null;
}

interface EntryContext extends ParseFeedOptions {
  readonly outlet?: string;
  readonly language?: string;
}

function entryFromNode(node: unknown, index: number, context: EntryContext): FeedEntry {
  const itemName = `${context.name}#${index}`;
  if (!isRecord(node)) {
    return { ok: false, index, error: new IngestError(INGEST_ERROR_CODES.feedItem, `${itemName}: item is empty`) };
  }
  const body = itemBody(node);
  const link = itemLink(node, context.baseUrl);
  if (!body && !link) {
    return {
      ok: false,
      index,
      error: new IngestError(INGEST_ERROR_CODES.feedItem, `${itemName}: item has neither content nor a link`),
    };
  }
  const rawDate = textOf(node['pubDate']) ?? textOf(node['dc:date']) ?? textOf(node['published']) ?? textOf(node['updated']);
  const hints: PageHints = dropUndefined({
    from: 'feed' as const,
    title: textOf(node['title']),
    url: link,
    published: rawDate ? normaliseDate(rawDate) : undefined,
    author: itemAuthor(node),
    outlet: context.outlet,
    section: textOf(node['category']),
    language: context.language,
  });
  return { ok: true, index, item: dropUndefined({ index, content: body?.content, contentFormat: body?.format ?? 'html', link, hints }) };
}

/** The item's own content, richest first: content:encoded, Atom content, description, summary. */
function itemBody(node: Record<string, unknown>): { content: string; format: PageFormat } | null {
  const encoded = textOf(node['content:encoded']);
  if (encoded) return { content: encoded, format: 'html' };
  const atom = atomText(node['content']);
  if (atom) return atom;
  const description = textOf(node['description']);
  if (description) return { content: description, format: 'html' };
  return atomText(node['summary']);
}

/** Atom text constructs were kept raw (stop nodes): unescape `html`, keep `xhtml` markup, mark `text` as plain text. */
function atomText(node: unknown): { content: string; format: PageFormat } | null {
  const raw = textOf(node);
  if (!raw) return null;
  const type = isRecord(node) ? String(node['@_type'] ?? 'text').toLowerCase() : 'text';
  if (type === 'xhtml') return { content: raw.trim(), format: 'html' };
  const value = unescapeXmlText(raw).trim();
  if (!value) return null;
  return { content: value, format: type === 'html' || type === 'text/html' ? 'html' : 'text' };
}

function itemLink(node: Record<string, unknown>, baseUrl: string | undefined): string | undefined {
  let href: string | undefined;
  const links = asArray(node['link']);
  const atomLinks = links.filter(isRecord);
  if (atomLinks.length > 0) {
    const alternate = atomLinks.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate') ?? atomLinks[0]!;
    href = textOf(alternate['@_href']);
  } else {
    href = textOf(links[0]);
  }
  if (!href) {
    const guid = node['guid'];
    const permalink = !isRecord(guid) || guid['@_isPermaLink'] !== 'false';
    const value = textOf(guid);
    if (value && permalink && /^https?:\/\//i.test(value)) href = value;
  }
  if (!href) {
    const about = textOf(node['@_rdf:about']);
    if (about && /^https?:\/\//i.test(about)) href = about;
  }
  if (!href) return undefined;
  try {
    return new URL(href.trim(), baseUrl).href;
  } catch {
    return href.trim();
  }
}

function itemAuthor(node: Record<string, unknown>): string | undefined {
  const names: string[] = [];
  for (const a of asArray(node['author'])) {
    const name = isRecord(a) ? textOf(a['name']) : textOf(a);
    if (name) names.push(authorFromRss(name));
  }
  for (const c of asArray(node['dc:creator'])) {
    const name = textOf(c);
    if (name) names.push(name);
  }
  return names.length > 0 ? [...new Set(names)].join(', ') : undefined;
}

/** RSS `author` is `email (Name)`; keep the name when there is one. */
function authorFromRss(value: string): string {
  const named = /^\S+@\S+\s*\((.+)\)\s*$/.exec(value);
  return named ? named[1]!.trim() : value;
}

/** Recovery for a document that does not parse: parse each item alone so only the broken ones fail. */
function parseItemByItem(xml: string, options: ParseFeedOptions, cause: unknown): ParsedFeed {
  const chunks = itemChunks(xml);
  if (chunks.length === 0) {
    throw new IngestError(INGEST_ERROR_CODES.feedParse, `${options.name} is not well-formed XML: ${firstLine(cause)}`, { cause });
  }
  const header = xml.slice(0, chunks[0]!.start);
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(header);
  const title = titleMatch ? unescapeXmlText(titleMatch[1]!).trim() || undefined : undefined;
  const languageMatch = /<language>([^<]+)<\/language>/i.exec(header);
  const context: EntryContext = { ...options, outlet: title ? publisherFromFeedTitle(title) : undefined, language: languageMatch?.[1]?.trim() };
  const entries = chunks.map((chunk, i): FeedEntry => {
    const index = i + 1;
    if (!chunk.closed) {
      return { ok: false, index, error: new IngestError(INGEST_ERROR_CODES.feedItem, `${options.name}#${index}: item is not well-formed XML: its <${chunk.tag}> is never closed`) };
    }
    try {
      const parsed: unknown = parser.parse(chunk.xml, true);
      const node = isRecord(parsed) ? parsed[chunk.tag] : undefined;
      return entryFromNode(Array.isArray(node) ? node[0] : node, index, context);
    } catch (err) {
      const reason = `${options.name}#${index}: item is not well-formed XML: ${firstLine(err)}`;
      return { ok: false, index, error: new IngestError(INGEST_ERROR_CODES.feedItem, reason, { cause: err }) };
    }
  });
  return { title, entries };
}

interface ItemChunk {
  readonly tag: string;
  readonly start: number;
  readonly xml: string;
  readonly closed: boolean;
}

/**
 * The items of a feed as raw XML, each running from its opening tag to the
 * next item's (or the end of the channel): an item that is never closed
 * stays one bad item instead of swallowing the good ones after it.
 */
function itemChunks(xml: string): ItemChunk[] {
  const starts = [...xml.matchAll(/<(item|entry)\b[^>]*>/g)];
  return starts.map((m, i) => {
    const tag = m[1]!;
    const next = starts[i + 1]?.index;
    let region = xml.slice(m.index, next ?? xml.length);
    const close = region.lastIndexOf(`</${tag}`);
    const closed = close !== -1;
    if (closed) region = region.slice(0, region.indexOf('>', close) + 1 || region.length);
    return { tag, start: m.index, xml: region, closed };
  });
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Undo XML escaping and CDATA wrapping of a raw text node. */
function unescapeXmlText(raw: string): string {
  return raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_m, cdata: string | undefined, entity: string | undefined) => {
    if (cdata !== undefined) return cdata;
    const e = entity!;
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return XML_ENTITIES[e.toLowerCase()] ?? '';
  });
}

function textOf(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return node.trim() || undefined;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (isRecord(node)) return textOf(node['#text']);
  return undefined;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A feed's title often adds a section or tagline to the publisher's name
 * ("Harbour Times – World", "Harbour Times | Opinion"): the publisher is the part before the separator.
 */
export function publisherFromFeedTitle(title: string): string {
  const head = title.split(/\s+[|–—:-]\s+/)[0]?.trim();
  return head && head.length >= 2 ? head : title.trim();
}
