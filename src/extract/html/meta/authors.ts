/** Longest plausible personal or desk name, in words. */
const MAX_NAME_WORDS = 6;

/** Separators between several authors in one byline. */
const AUTHOR_SEPARATORS = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\|)\s*/i;

/**
 * Clean one byline into names: strip "By", trailing dates, roles after a
 * separator and e-mail addresses; split "A and B". URLs and things that are not
 * names (too long, digits) are dropped.
 *
 * @example
 * parseByline('By Jane Roe and John Doe - 11/18/19 11:04 PM') // ['Jane Roe', 'John Doe']
 */
export function parseByline(raw: string): string[] {
  let s = raw.replace(/\s+/g, ' ').trim();
  if (/^https?:\/\//i.test(s) || s.includes('/')) {
    // A profile URL or a path: not a name as printed.
    if (!/^by\s/i.test(s)) return [];
  }
  s = s.replace(/^(written |posted |reported |words |story )?by:?\s+/i, '');
  s = s.split(/\s+[-–—|•·]\s+|\s*\d/)[0] ?? ''; // "Name - date", "Name | Role", "Name 11/18/19"
  s = s.replace(/\S+@\S+/g, '').replace(/[,;:.\s]+$/, '').trim();
  return s
    .split(AUTHOR_SEPARATORS)
    .map((n) => n.trim())
    .filter((n) => isPlausibleName(n));
}

function isPlausibleName(n: string): boolean {
  if (n.length < 2) return false;
  if (/\d|https?:|www\.|@/.test(n)) return false;
  const words = n.split(/\s+/);
  if (words.length > MAX_NAME_WORDS) return false;
  return /^\p{Lu}/u.test(n);
}
