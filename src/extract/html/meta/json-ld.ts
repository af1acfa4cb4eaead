import type { Message } from '../../../core/index.js';

/** One JSON-LD object with the path it was found at, for evidence. */
export interface LdNode {
  readonly node: Record<string, unknown>;
  readonly at: string;
}

/** Schema.org types of an article, in order of preference. */
export const ARTICLE_TYPES = [
  'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle',
  'ReviewNewsArticle', 'Article', 'BlogPosting', 'SocialMediaPosting', 'Report', 'ScholarlyArticle', 'TechArticle',
];
/** Used only when no article-typed node exists. */
const PAGE_TYPES = ['WebPage', 'ItemPage', 'ArticlePage'];

/** Repair the usual breakage of hand-made JSON-LD: comments, CDATA, trailing commas, raw newlines in strings. */
function repairJson(raw: string): string {
  return raw
    .replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/[\u0000-\u0019]+/g, ' ')
    .replace(/,\s*([}\]])/g, '$1')
    .replace(/;\s*$/, '');
}

function parseLenient(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return JSON.parse(repairJson(raw));
  }
}

export function typesOf(node: Record<string, unknown>): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t.replace(/^https?:\/\/schema\.org\//, '')];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//, ''));
  return [];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every object of a JSON-LD value: arrays, `@graph` and `mainEntity` are walked. */
function flatten(value: unknown, at: string, out: LdNode[], depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, `${at}[${i}]`, out, depth + 1));
    return;
  }
  if (!isObject(value)) return;
  out.push({ node: value, at });
  if (value['@graph']) flatten(value['@graph'], `${at}.@graph`, out, depth + 1);
  if (value['mainEntity']) flatten(value['mainEntity'], `${at}.mainEntity`, out, depth + 1);
}

/** Parse all `<script type="application/ld+json">` blocks; broken ones are skipped with a message. */
export function readJsonLd(document: Document, messages: Message[]): LdNode[] {
  const nodes: LdNode[] = [];
  const scripts = Array.from(document.querySelectorAll('script[type]')).filter((s) =>
    /ld\+json/i.test(s.getAttribute('type') ?? ''),
  );
  scripts.forEach((script, i) => {
    const raw = script.textContent ?? '';
    if (!raw.trim()) return;
    try {
      flatten(parseLenient(raw), `ld[${i}]`, nodes);
    } catch (err) {
      messages.push({
        level: 'warning',
        code: 'W_JSONLD_PARSE',
        reason: `JSON-LD block ${i} is not valid JSON and was skipped: ${err instanceof Error ? err.message : String(err)}`,
        stage: 'extract',
      });
    }
  });
  return nodes;
}

/** The node describing the article: an article type first, else a web page. */
export function pickArticleNode(nodes: readonly LdNode[]): LdNode | null {
  for (const type of ARTICLE_TYPES) {
    const hit = nodes.find((n) => typesOf(n.node).includes(type));
    if (hit) return hit;
  }
  for (const type of PAGE_TYPES) {
    const hit = nodes.find((n) => typesOf(n.node).includes(type));
    if (hit) return hit;
  }
  return null;
}

/** Named entities CMSs leave in JSON-LD strings (numeric ones are decoded generally). */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', pound: '£', euro: '€', copy: '©',
};

/** JSON-LD strings often carry HTML entities and tags: decode and strip them so no markup reaches the metadata. */
export function decodeHtmlText(s: string, options: { keepLineBreaks?: boolean } = {}): string {
  if (options.keepLineBreaks) {
    return s.replace(/<\/?(p|br|div|h\d|li)\b[^>]*>/gi, '\n').split(/\n/).map((line) => decodeHtmlText(line)).join('\n').trim();
  }
  if (!/[&<]/.test(s)) return s.replace(/\s+/g, ' ').trim();
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&([a-z]+);/gi, (m, n: string) => NAMED_ENTITIES[n.toLowerCase()] ?? m)
    .replace(/\s+/g, ' ')
    .trim();
}

/** A string property (first of a list, `name` of an object), entities decoded. */
export function ldString(value: unknown): string | null {
  if (typeof value === 'string') return decodeHtmlText(value) || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = ldString(v);
      if (s) return s;
    }
    return null;
  }
  if (isObject(value)) return ldString(value['name'] ?? value['@value']);
  return null;
}

/** Names in an `author` value: a string, a Person, or a list of either. */
export function ldNames(value: unknown): string[] {
  if (typeof value === 'string') return [decodeHtmlText(value)];
  if (Array.isArray(value)) return value.flatMap(ldNames);
  if (isObject(value)) {
    const name = value['name'];
    if (typeof name === 'string') return [decodeHtmlText(name)];
    if (Array.isArray(name)) return name.filter((x): x is string => typeof x === 'string').map((n) => decodeHtmlText(n));
  }
  return [];
}
