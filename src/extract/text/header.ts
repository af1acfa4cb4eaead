/**
 * A saved page dump often starts with header lines a crawler or an export wrote above the page:
 * "URL: https://…" and a store's "date 2025-05-16" stamp. They are metadata, not page text:
 * read them, and give the classifier the dump without them (line numbers unchanged).
 */
import type { MetaField } from '../../core/index.js';

/** "URL: <address>" (also "Source URL:", "Link:") as a whole line at the top of the dump. */
const URL_LINE = /^\s*(?:source\s+)?(?:url|link)\s*:\s*(https?:\/\/\S+)\s*$/i;
/** A store's date stamp opening a line: " date 2025-05-16 " followed by the page's own text. */
const DATE_STAMP = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*/i;
/** Header lines are at the very top: a stamp after this many lines is page text. */
const HEADER_LINES = 3;
/** A date in an address's path: /2023/09/15/ or /20230915/. */
const PATH_DATE = /\/((?:19|20)\d{2})\/?(0[1-9]|1[0-2])\/?(0[1-9]|[12]\d|3[01])(?:\/|[-_]|$)/;

export interface DumpHeader {
  /** The dump with header lines and stamps blanked (same number of lines). */
  readonly text: string;
  readonly url?: MetaField<string>;
  /** The stamp's date, else a full date in the address's path. */
  readonly published?: MetaField<string>;
}

/** A real calendar day (not 2023-02-31). */
function validDay(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** Read and blank the header lines of a text dump. */
export function readDumpHeader(dump: string): DumpHeader {
  const rows = dump.replace(/\r\n?/g, '\n').split('\n');
  let url: MetaField<string> | undefined;
  let stamped: MetaField<string> | undefined;
  let seen = 0;
  for (let i = 0; i < rows.length && seen < HEADER_LINES; i++) {
    const row = rows[i]!;
    if (!row.trim()) continue;
    seen++;
    const u = URL_LINE.exec(row);
    if (u && !url) {
      url = { value: u[1]!, evidence: { source: 'line', at: `line ${i + 1}`, raw: row.trim() } };
      rows[i] = '';
      continue;
    }
    const d = DATE_STAMP.exec(row);
    if (d && !stamped && validDay(d[1]!)) {
      stamped = { value: d[1]!, evidence: { source: 'line', at: `line ${i + 1}`, raw: d[0].trim() } };
      rows[i] = row.slice(d[0].length);
    }
  }
  const inPath = url ? PATH_DATE.exec(new URL(url.value).pathname + '/') : null;
  const pathDay = inPath ? `${inPath[1]}-${inPath[2]}-${inPath[3]}` : null;
  const fromPath: MetaField<string> | undefined = url && pathDay && validDay(pathDay) ? { value: pathDay, evidence: { source: 'url', at: 'address path', raw: url.value } } : undefined;
  const published = stamped ?? fromPath;
  return { text: rows.join('\n'), ...(url ? { url } : {}), ...(published ? { published } : {}) };
}
