/**
 * Header lines a dump tool or a store writes above the page text: the page's address ("URL: …",
 * "Source: https://…", a bare address) and a bare date glued to the first line (" date 2025-04-03 The
 * text…"). They are metadata, never body: they are read here and taken off the lines.
 */
import type { PageLine } from './lines.js';
import { countWords } from './lines.js';

/** How many lines at the top may be header lines. */
const HEADER_LINES = 4;
/** "URL: https://…", "Source: https://…", a bare address alone on a line. */
const ADDRESS_LINE = /^(?:(?:url|uri|source|link|address|original(?:\s+url)?|canonical(?:\s+url)?|permalink|page)\s*[:=]\s*)?<?(https?:\/\/[^\s<>"]+)>?$/i;
/** "Date: 2025-04-03", "Published: 2025-04-03T10:00Z" alone on a header line. */
const DATE_LINE = /^(?:date|published|pubdate|publication date)\s*[:=]\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?)$/i;
/** A machine-written date opening the first line of text, before the page's own words. */
const GLUED_DATE = /^(?:date\s*:?\s*)?(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?)\s+(?=\S)/i;

export interface HeaderValue {
  readonly value: string;
  /** The header line, for evidence. */
  readonly line: PageLine;
  /** The header as printed. */
  readonly raw: string;
}

export interface DumpHeader {
  /** The lines of the page, header lines removed and a glued date cut off its line. */
  readonly lines: PageLine[];
  readonly url?: HeaderValue;
  /** ISO date (or date-time, as written). */
  readonly date?: HeaderValue;
}

function validIsoDay(iso: string): boolean {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The time part of a date header keeps its printed form, with a `T`. */
function isoOf(raw: string): string {
  return raw.replace(' ', 'T');
}

/**
 * Read and remove the header lines at the top of a dump.
 * @example readDumpHeader(splitLines('URL: https://example.org/a\n date 2025-04-03 Headline')).date?.value // '2025-04-03'
 */
export function readDumpHeader(lines: readonly PageLine[]): DumpHeader {
  let url: HeaderValue | undefined;
  let date: HeaderValue | undefined;
  let i = 0;
  for (; i < Math.min(lines.length, HEADER_LINES); i++) {
    const line = lines[i]!;
    const address = ADDRESS_LINE.exec(line.text.trim());
    if (address && !url) {
      url = { value: address[1]!.replace(/[.,;)]+$/, ''), line, raw: line.text.trim() };
      continue;
    }
    const dated = DATE_LINE.exec(line.text.trim());
    if (dated && !date && validIsoDay(dated[1]!)) {
      date = { value: isoOf(dated[1]!), line, raw: line.text.trim() };
      continue;
    }
    break;
  }
  const rest = lines.slice(i);
  const first = rest[0];
  const glued = first ? GLUED_DATE.exec(first.text) : null;
  if (first && glued && !date && validIsoDay(glued[1]!)) {
    date = { value: isoOf(glued[1]!), line: first, raw: glued[0].trim() };
    const text = first.text.slice(glued[0].length);
    rest[0] = { ...first, text, words: countWords(text) };
  }
  return { lines: rest, ...(url ? { url } : {}), ...(date ? { date } : {}) };
}
