/** One `<meta>` value and the attribute it was read from, for evidence. */
export interface MetaTag {
  readonly content: string;
  /** e.g. `meta[property="og:title"]`. */
  readonly at: string;
}

/** `<meta name|property|itemprop|http-equiv=… content=…>` by lower-cased key; the first occurrence wins. */
export function readMetaTags(document: Document): Map<string, MetaTag> {
  const tags = new Map<string, MetaTag>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const content = (el.getAttribute('content') ?? '').trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, { content, at: `meta[${attr}="${key}"]` });
    }
  }
  return tags;
}

/** The first present tag among `keys`, with its key. */
export function firstTag(tags: Map<string, MetaTag>, keys: readonly string[]): MetaTag | null {
  for (const k of keys) {
    const t = tags.get(k);
    if (t) return t;
  }
  return null;
}
