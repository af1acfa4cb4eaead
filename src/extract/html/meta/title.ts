/** Separators between a headline and the site name in `<title>`. */
const TITLE_SEPARATOR = /\s+(?:\||-|–|—|::|·|•|»)\s+/;
/** A trailing title part no longer than this (words) is a site name when nothing better says so. */
const MAX_SITE_SUFFIX_WORDS = 4;

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A headline kept after removing a suffix by length alone must have at least this many words. */
const MIN_HEADLINE_WORDS = 4;

export interface SplitTitle {
  readonly headline: string;
  /** The site name removed from the title, if any. */
  readonly site: string | null;
}

/**
 * Split a page title into headline and site name: "Headline | Outlet",
 * "Headline - Outlet", "Outlet: Headline" is left alone. The site part goes
 * when it matches the outlet, the host name or the page's `<h1>`, or when it
 * is a short tail after a long headline.
 */
export function splitTitle(
  title: string,
  options: { outlet?: string | null; host?: string | null; h1?: string | null } = {},
): SplitTitle {
  const clean = title.replace(/\s+/g, ' ').trim();
  const parts = clean.split(TITLE_SEPARATOR).map((p) => p.trim());
  if (parts.length < 2) return { headline: clean, site: null };
  const h1 = options.h1 ? squash(options.h1) : '';
  if (h1) {
    const i = parts.findIndex((p) => squash(p) === h1);
    if (i === 0) return { headline: parts[0]!, site: parts.slice(1).join(' ') || null };
    if (i === parts.length - 1) return { headline: parts[i]!, site: parts.slice(0, i).join(' ') || null };
  }
  const stripped = stripSiteSuffix(clean, options);
  if (stripped !== clean) {
    const site = clean.startsWith(stripped) ? clean.slice(stripped.length).replace(TITLE_SEPARATOR, '').replace(/^\s*(\||-|–|—|::|·|•|»)\s*/, '').trim() : parts[0]!;
    return { headline: stripped, site: site || null };
  }
  const last = parts[parts.length - 1]!;
  const head = clean.slice(0, clean.length - last.length).replace(/\s+(\||-|–|—|::|·|•|»)\s*$/, '').trim();
  if (/^[\p{Lu}\p{N}]/u.test(last) && last.split(/\s+/).length <= MAX_SITE_SUFFIX_WORDS && head.split(/\s+/).length >= MIN_HEADLINE_WORDS) {
    return { headline: head, site: last };
  }
  return { headline: clean, site: null };
}

/**
 * Remove the site name from a page title: " | Outlet", " - Outlet".
 * The suffix goes when it matches the outlet or host name, or is short and
 * set off by a pipe.
 */
export function stripSiteSuffix(title: string, options: { outlet?: string | null; host?: string | null } = {}): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title.trim();
  const seps = title.match(new RegExp(TITLE_SEPARATOR, 'g')) ?? [];
  const last = parts[parts.length - 1]!.trim();
  const first = parts[0]!.trim();
  const outlet = options.outlet ? squash(options.outlet) : '';
  // The registrable name of the host: "www.bbc.co.uk" → "bbc".
  const host = options.host ? squash(options.host.replace(/^www\d?\./, '').replace(/(\.(co|com|org|net|gov|ac))?\.[a-z]{2,}$/i, '')) : '';
  const lastKey = squash(last);
  const firstKey = squash(first);
  const matchesSite = (key: string): boolean =>
    key.length > 0 && ((outlet !== '' && (key === outlet || key.includes(outlet) || outlet.includes(key))) || (host !== '' && (key.includes(host) || host.includes(key))));
  if (matchesSite(lastKey)) return title.slice(0, title.lastIndexOf(seps[seps.length - 1]!)).trim();
  if (matchesSite(firstKey)) return title.slice(title.indexOf(seps[0]!) + seps[0]!.length).trim();
  const lastSep = seps[seps.length - 1]!.trim();
  if (lastSep === '|' && last.split(/\s+/).length <= MAX_SITE_SUFFIX_WORDS) {
    return title.slice(0, title.lastIndexOf(seps[seps.length - 1]!)).trim();
  }
  return title.trim();
}
