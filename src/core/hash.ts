import { createHash } from 'node:crypto';

/**
 * Normalise body text for identity: Unicode NFKC, curly quotes and dashes
 * folded, whitespace collapsed, lower case. Two renderings of the same
 * article (different line wrapping, typographic quotes) get the same id.
 */
export function normaliseForIdentity(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Stable article id: `a_` + the first 16 hex digits of SHA-256 of the normalised text. */
export function contentId(text: string): string {
  return 'a_' + createHash('sha256').update(normaliseForIdentity(text)).digest('hex').slice(0, 16);
}
