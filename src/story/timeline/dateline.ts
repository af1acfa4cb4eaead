/**
 * A wire dateline at the head of a dispatch ("Lindberg, May 3, 2031 – …", "LINDBERG, May 3 (VNA) …",
 * "LINDBERG, May 3. /VNA/. …"): the place and day the report was filed, not a doer or the day of
 * what the report tells.
 */
import type { Doc, Span } from '../../core/index.js';

/** A place and a comma at the sentence's start ("Lindberg, "). */
const DATELINE_PLACE = /^\s*\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3},\s*$/u;
/** After the date: a year, then an agency, an /AGENCY/ mark or a dash. */
const DATELINE_END = /^(?:,?\s*\d{4})?\.?\s*(?:\([^)]{2,40}\)|\/[^/\s]{2,20}\/|[-–—])/u;

/** The date is the dispatch's dateline: when the report was filed. */
export function datelineDate(doc: Doc, sentence: Span, time: Span): boolean {
  return DATELINE_PLACE.test(doc.text.slice(sentence.start, time.start)) && DATELINE_END.test(doc.text.slice(time.end, time.end + 50));
}

/** The name is a dateline's place: first on its line, followed by a comma and a dateline date. */
export function datelinePlace(doc: Doc, name: Span): boolean {
  if (!/(?:^|\n)[ \t]*$/.test(doc.text.slice(Math.max(0, name.start - 200), name.start))) return false;
  const time = (doc.layers.times ?? []).find((t) => t.start > name.end && t.start <= name.end + 3);
  return time !== undefined && /^,\s*$/.test(doc.text.slice(name.end, time.start)) && DATELINE_END.test(doc.text.slice(time.end, time.end + 50));
}
