/**
 * Patterns built from a story's words (a doer's surname, a head noun), compiled once each. Compiling
 * a Unicode, case-insensitive pattern costs far more than running it, and one name is met in
 * hundreds of sentences of a story: built afresh on every call, the compiling was most of the timeline's time.
 */
import { boundedMemo } from './memo.js';

/** Distinct patterns kept: a story names some thousands; the bound keeps a long-running server's memory in check. */
const PATTERN_CACHE_SIZE = 10_000;
const compile = boundedMemo(PATTERN_CACHE_SIZE, (key) => {
  const at = key.indexOf('/');
  return new RegExp(key.slice(at + 1), key.slice(0, at));
});

/**
 * `new RegExp(source, flags)`, compiled once per source and flags. The object is shared: a global
 * pattern is for `matchAll` or `replace` only (its `lastIndex` must not carry state between callers).
 */
export function cachedRegExp(source: string, flags: string): RegExp {
  return compile(`${flags}/${source}`);
}

/** A text with the characters that mean something in a pattern escaped, to match it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
