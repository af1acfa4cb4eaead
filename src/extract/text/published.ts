import { looksLikeDateLine, looksLikeViewingDate, parseDateLine } from './dates.js';
import type { PageLine } from './lines.js';
import type { DateOrder } from '../dates/numeric.js';

const UPDATED = /\b(updated|modified|edited)\b/i;
/** Ticker items and related-story stamps carry dates too: only short lines of the head zone count. */
const MAX_CANDIDATES = 12;
/** A ticker or "latest" item: a date, a separator, then a headline of its own. */
const DATED_ITEM = /^\W*[\w ,.:]{4,24}?\d{1,4}\s*[|–—•·]\s*(\S+\s+){3,}/u;

export interface PublishedChoice {
  readonly iso: string;
  readonly index: number;
}

/**
 * The article's date line in the head zone (between the top of the headline block and the body),
 * at the precision printed. Skips the page header's date of viewing (a weekday date without time
 * above the headline) and prefers a publication stamp over an "Updated" one.
 */
export function findPublished(
  lines: readonly PageLine[],
  head: { readonly from: number; readonly to: number },
  titleIndex: number | null,
  order: DateOrder | null = null,
): PublishedChoice | null {
  const found: Array<PublishedChoice & { updated: boolean }> = [];
  for (let i = head.from; i < head.to && found.length < MAX_CANDIDATES; i++) {
    const line = lines[i]!;
    if (!looksLikeDateLine(line.text, line.words)) continue;
    const aboveTitle = titleIndex === null || i < titleIndex;
    if (aboveTitle && looksLikeViewingDate(line.text)) continue;
    if (DATED_ITEM.test(line.text)) continue;
    const iso = parseDateLine(line.text, order);
    if (!iso) continue;
    const updated = UPDATED.test(line.text) || (i > 0 && /^updated:?$/i.test(lines[i - 1]!.text.trim()));
    found.push({ iso, index: i, updated });
  }
  // The byline block sits next to the headline: the nearest date line wins, below it before above it.
  const closeness = (f: PublishedChoice) =>
    titleIndex === null ? f.index : f.index > titleIndex ? f.index - titleIndex : 1000 + (titleIndex - f.index);
  const ordered = [...found].sort((a, b) => closeness(a) - closeness(b));
  const pick = ordered.find((f) => !f.updated) ?? ordered[0];
  return pick ? { iso: pick.iso, index: pick.index } : null;
}
