import type { ArticleKind, ArticleMeta, Evidence, MetaField, Message } from '../../../core/index.js';
import { readJsonLd, pickArticleNode, ldString, ldNames, typesOf, decodeHtmlText, type LdNode } from './json-ld.js';
import { readMetaTags, firstTag, type MetaTag } from './meta-tags.js';
import { toIsoDate } from './iso-date.js';
import { parseByline } from './authors.js';
import { stripSiteSuffix, splitTitle } from './title.js';
import { kindFromSchemaType, kindFromSection, kindFromUrl } from './kind.js';
import { cleanHeadline } from '../../headline.js';
import { countryOfHost, dateOrderOfCountry } from '../../address/country.js';
import type { DateOrder } from '../../dates/numeric.js';

export { findDateline, type Dateline } from './dateline.js';
export { toIsoDate } from './iso-date.js';

/** Meta tags giving the publication date, in order of trust. */
const PUBLISHED_TAGS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished', 'parsely-pub-date',
  'sailthru.date', 'article.published', 'publish-date', 'publish_date', 'publishdate', 'pubdate', 'date',
  'dc.date.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'dc.date.created',
];
const MODIFIED_TAGS = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified'];
const AUTHOR_TAGS = ['article:author', 'author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator'];
const SECTION_TAGS = ['article:section', 'og:article:section', 'parsely-section', 'section', 'articlesection'];
/** Elements naming the author, in order of trust. */
const AUTHOR_SELECTORS = ['[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', '[rel="author"]', '[class*="byline"]', '[class*="author-name"]'];
/** Where a `<time>` belongs to the article rather than to page furniture. */
const ARTICLE_SCOPES = 'article, [itemprop="articleBody"], main, [role="main"]';
const FURNITURE_SCOPES = 'aside, nav, footer, li, [class*="related"], [class*="recommend"]';

function field<T>(value: T, evidence: Evidence): MetaField<T> {
  return { value, evidence };
}

function fromTag(tag: MetaTag, value: string): MetaField<string> {
  return field(value, { source: 'meta', at: tag.at, raw: tag.content });
}

function firstDate(tags: Map<string, MetaTag>, keys: readonly string[], order: DateOrder | null): MetaField<string> | undefined {
  for (const k of keys) {
    const t = tags.get(k);
    const iso = t ? toIsoDate(t.content, order) : null;
    if (t && iso) return fromTag(t, iso);
  }
  return undefined;
}

function ldField(ld: LdNode | null, key: string): MetaField<string> | undefined {
  if (!ld) return undefined;
  const value = ldString(ld.node[key]);
  return value ? field(value, { source: 'json-ld', at: `${ld.at}.${key}`, raw: value }) : undefined;
}

function ldDate(ld: LdNode | null, key: string, order: DateOrder | null): MetaField<string> | undefined {
  const f = ldField(ld, key);
  const iso = f ? toIsoDate(f.value, order) : null;
  return f && iso ? field(iso, f.evidence) : undefined;
}

/** A `<time datetime>` of the article itself: marked as datePublished, or inside the article and not in a list or aside. */
function timeElementDate(document: Document, order: DateOrder | null): MetaField<string> | undefined {
  const marked = document.querySelector('[itemprop="datePublished"]');
  const candidates: Element[] = marked ? [marked] : [];
  for (const t of Array.from(document.querySelectorAll('time[datetime]'))) {
    if (t.closest(ARTICLE_SCOPES) && !t.closest(FURNITURE_SCOPES)) candidates.push(t);
  }
  for (const el of candidates) {
    const raw = el.getAttribute('datetime') ?? el.getAttribute('content') ?? '';
    const iso = toIsoDate(raw, order);
    const at = el === marked ? '[itemprop="datePublished"]' : 'article time[datetime]';
    if (iso) return field(iso, { source: 'html', at, raw });
  }
  return undefined;
}

function authorsField(ld: LdNode | null, tags: Map<string, MetaTag>, document: Document, outlet: string | undefined): MetaField<string[]> | undefined {
  const notOutlet = (n: string): boolean => !outlet || n.toLowerCase() !== outlet.toLowerCase();
  if (ld) {
    const raw = ldNames(ld.node['author']);
    const names = raw.flatMap(parseByline).filter(notOutlet);
    if (names.length) return field(dedupe(names), { source: 'json-ld', at: `${ld.at}.author`, raw: raw.join('; ') });
  }
  for (const k of AUTHOR_TAGS) {
    const t = tags.get(k);
    if (!t) continue;
    const names = parseByline(t.content).filter(notOutlet);
    if (names.length) return field(dedupe(names), { source: 'meta', at: t.at, raw: t.content });
  }
  for (const sel of AUTHOR_SELECTORS) {
    for (const el of Array.from(document.querySelectorAll(sel)).slice(0, 3)) {
      if (el.closest(FURNITURE_SCOPES)) continue;
      const raw = (el.getAttribute('content') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
      const names = parseByline(raw).filter(notOutlet);
      if (names.length) return field(dedupe(names), { source: 'html', at: sel, raw });
    }
  }
  return undefined;
}

function dedupe(names: string[]): string[] {
  return [...new Set(names)];
}

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

function kindField(ld: LdNode | null, section: MetaField<string> | undefined, url: string | undefined): MetaField<ArticleKind> | undefined {
  const types = ld ? typesOf(ld.node) : [];
  for (const t of types) {
    const k = kindFromSchemaType(t);
    if (k) return field(k, { source: 'json-ld', at: `${ld!.at}.@type`, raw: t });
  }
  if (section) {
    const k = kindFromSection(section.value);
    if (k) return field(k, section.evidence);
  }
  if (url) {
    const k = kindFromUrl(url);
    if (k) return field(k.kind, { source: 'url', at: 'path', raw: k.segment });
  }
  if (ld && types.includes('NewsArticle')) return field('news', { source: 'json-ld', at: `${ld.at}.@type`, raw: 'NewsArticle' });
  return undefined;
}

export interface PageMeta {
  meta: ArticleMeta;
  /** JSON-LD `articleBody`, a fallback body when the DOM yields none. */
  articleBody?: string;
}

/**
 * Read the article's metadata from JSON-LD, meta tags and marked-up elements.
 * Call before main-content extraction, which removes elements.
 */
export function extractPageMeta(document: Document, options: { url?: string; messages: Message[] }): PageMeta {
  const nodes = readJsonLd(document, options.messages);
  const ld = pickArticleNode(nodes);
  const tags = readMetaTags(document);

  const publisher = ld ? ldString((ld.node['publisher'] as Record<string, unknown> | undefined) ?? null) : null;
  const siteTag = firstTag(tags, ['og:site_name', 'application-name']);
  const host = hostOf(options.url);
  const titleEl = document.querySelector('title');
  const titleText = (titleEl?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const h1 = (document.querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  let outlet = siteTag
    ? fromTag(siteTag, siteTag.content)
    : publisher
      ? field(publisher, { source: 'json-ld', at: `${ld!.at}.publisher.name`, raw: publisher })
      : undefined;
  const pageTitle = titleText ? splitTitle(titleText, { outlet: outlet?.value, host, h1 }) : null;
  if (!outlet && pageTitle?.site) outlet = field(pageTitle.site, { source: 'html', at: 'title', raw: titleText });

  const ogTitle = firstTag(tags, ['og:title', 'twitter:title']);
  const printedTitle =
    ldField(ld, 'headline') ??
    (ogTitle ? fromTag(ogTitle, stripSiteSuffix(ogTitle.content, { outlet: outlet?.value, host })) : undefined) ??
    (pageTitle ? field(pageTitle.headline, { source: 'html', at: 'title', raw: titleText }) : undefined);
  const title = printedTitle ? field(cleanHeadline(printedTitle.value, { outlet: outlet?.value, host }), printedTitle.evidence) : undefined;

  const sectionTag = firstTag(tags, SECTION_TAGS);
  const section = ldField(ld, 'articleSection') ?? (sectionTag ? fromTag(sectionTag, sectionTag.content) : undefined);

  const htmlLang = document.documentElement?.getAttribute('lang')?.trim();
  const langTag = firstTag(tags, ['content-language', 'language', 'dc.language']);
  const language =
    ldField(ld, 'inLanguage') ??
    (htmlLang ? field(htmlLang.replace(/_/g, '-'), { source: 'html', at: 'html[lang]', raw: htmlLang }) : undefined) ??
    (langTag ? fromTag(langTag, langTag.content.split(',')[0]!.trim().replace(/_/g, '-')) : undefined);

  const descTag = firstTag(tags, ['og:description', 'description', 'twitter:description']);
  const description = ldField(ld, 'description') ?? (descTag ? fromTag(descTag, descTag.content.trim()) : undefined);

  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const urlTag = firstTag(tags, ['og:url']);
  const url =
    (canonical && /^https?:/i.test(canonical) ? field(canonical, { source: 'html', at: 'link[rel="canonical"]', raw: canonical }) : undefined) ??
    (urlTag ? fromTag(urlTag, urlTag.content) : undefined) ??
    (options.url ? field(options.url, { source: 'url', at: 'options.url', raw: options.url }) : undefined);

  // Day and month of a numeric date as the outlet's country writes them.
  const country = countryOfHost(host);
  const order = country ? dateOrderOfCountry(country) : null;
  const published = ldDate(ld, 'datePublished', order) ?? firstDate(tags, PUBLISHED_TAGS, order) ?? timeElementDate(document, order);
  const modified = ldDate(ld, 'dateModified', order) ?? firstDate(tags, MODIFIED_TAGS, order);
  const authors = authorsField(ld, tags, document, outlet?.value);
  const kind = kindField(ld, section, options.url ?? url?.value);

  const meta: ArticleMeta = {
    ...(title && { title }),
    ...(outlet && { outlet }),
    ...(authors && { authors }),
    ...(published && { published }),
    ...(modified && { modified }),
    ...(section && { section }),
    ...(kind && { kind }),
    ...(language && { language }),
    ...(description && { description }),
    ...(url && { url }),
  };
  const rawBody = ld?.node['articleBody'];
  const articleBody = typeof rawBody === 'string' ? decodeHtmlText(rawBody, { keepLineBreaks: true }) || undefined : undefined;
  return { meta, ...(articleBody && { articleBody }) };
}
