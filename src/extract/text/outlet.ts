import type { PageLine } from './lines.js';

const SOURCE_LINE = /^source\s*:\s*(.{2,60})$/i;
const COPYRIGHT = /(?:©|\(c\)|copyright)/i;
/** "© 2025 Name. All rights reserved": the holder is what follows the symbol and year(s). */
const COPYRIGHT_HOLDER = /(?:©|\(c\)|copyright)\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([^.|©]*?)\s*(?:[.|]|all rights|$)/i;
const FOUNDER_OF = /\b(?:founder|publisher|editor-in-chief|editor) of ([\p{Lu}][\p{L}&'’ -]*?)(?:[.,;]|$)/u;
/** "City, AGENCY –" at the start of a story: an agency that wrote it. */
export const DATELINE = /^([\p{Lu}][\p{L}.'’ -]{1,30}?)(?:,\s*|\s+)\(?(\p{Lu}{2,6})\)?\s*[–—-]\s+\S/u;
/** A publisher name: a few words, starting with a capital or digit, no sentence inside. */
const PUBLISHER_NAME = /^[\p{Lu}\p{N}][\p{L}\p{N}&'’ .-]{1,50}$/u;
/** Software names a footer may credit: never a publisher. */
const SOFTWARE = /\b(wordpress|drupal|joomla|ghost|blogger|wix|squarespace|arc xp|theme|plugin)\b/i;

export interface OutletChoice {
  readonly name: string;
  readonly line: PageLine;
  /** Read from a dateline's wire agency: who wrote the story, the outlet only when nothing better says. */
  readonly agency?: boolean;
}

function publisher(name: string | undefined): string | null {
  const t = name?.trim().replace(/\s+/g, ' ');
  if (!t || !PUBLISHER_NAME.test(t) || SOFTWARE.test(t) || /^all rights/i.test(t)) return null;
  return t.split(' ').length <= 6 ? t : null;
}

/**
 * The publisher, from the strongest statement the page makes: "Source: X" near the head,
 * a copyright holder, a site-name line repeated at the top, an author bio ("founder of X"),
 * or the agency of a dateline. Null when the page names none.
 */
export function findOutlet(
  lines: readonly PageLine[],
  options: { readonly head: { from: number; to: number }; readonly firstBody: number | null },
): OutletChoice | null {
  for (let i = options.head.from; i < options.head.to; i++) {
    const m = SOURCE_LINE.exec(lines[i]!.text);
    const name = publisher(m?.[1]);
    if (name) return { name, line: lines[i]! };
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]!.text;
    if (!COPYRIGHT.test(text) || lines[i]!.words > 20) continue;
    // "Powered by X" names the vendor that runs the site, not its publisher.
    const name = publisher(COPYRIGHT_HOLDER.exec(text.replace(/\s*powered by\b.*$/i, ''))?.[1]);
    if (name) return { name, line: lines[i]! };
  }
  const top = lines.slice(0, Math.min(lines.length, options.head.from + 1, 12));
  for (let i = 0; i < top.length; i++) {
    const text = top[i]!.text;
    if (top[i]!.words < 1 || top[i]!.words > 5 || !publisher(text)) continue;
    if (top.some((l, j) => j !== i && l.text === text)) return { name: text, line: top[i]! };
  }
  for (const line of lines) {
    const name = publisher(FOUNDER_OF.exec(line.text)?.[1]);
    if (name) return { name, line };
  }
  if (options.firstBody !== null) {
    const line = lines[options.firstBody]!;
    const m = DATELINE.exec(line.text);
    if (m) return { name: m[2]!, line, agency: true };
  }
  return null;
}
