/**
 * CSV tables of a story (RFC 4180): quotes, timeline, entities. Cells that a
 * spreadsheet would run as a formula are prefixed with an apostrophe
 * (OWASP's CSV-injection advice), since article text is untrusted.
 */
import type { Doc } from '../core/index.js';
import { annotationsToJson } from '../report/index.js';
import type { Story } from '../story/types.js';

export type CsvTable = 'quotes' | 'timeline' | 'entities';
type Cell = string | number | boolean | null | undefined;

/** A spreadsheet treats a cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Several values in one cell (aliases, actors, article ids) are joined with this. */
const LIST_SEPARATOR = '; ';

/** One CSV cell: quoted when it holds a comma, quote or line break; formulas defused. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends, header first. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One table of a story as CSV. Quotes come from the articles' quote layers. */
export function storyTableCsv(story: Story, docs: readonly Doc[], table: CsvTable): string {
  if (table === 'entities') {
    return toCsv(
      ['id', 'name', 'type', 'aliases', 'articles', 'mentions'],
      story.entities.map((e) => [e.id, e.name, e.type, e.aliases.join(LIST_SEPARATOR), e.articles.join(LIST_SEPARATOR), e.mentionCount]),
    );
  }
  if (table === 'timeline') {
    return toCsv(
      ['date', 'actors', 'action', 'summary', 'articles', 'evidence'],
      story.timeline.map((t) => [
        t.date, t.actors.join(LIST_SEPARATOR), t.action, t.summary,
        t.sources.map((s) => s.article).join(LIST_SEPARATOR), t.sources[0]?.evidence ?? '',
      ]),
    );
  }
  const rows: Cell[][] = [];
  for (const doc of docs) {
    const outlet = doc.meta.outlet?.value ?? null;
    for (const q of annotationsToJson(doc).quotes) rows.push([doc.id, outlet, q.speaker, q.direct, q.cue, q.text, q.start, q.end]);
  }
  return toCsv(['article', 'outlet', 'speaker', 'direct', 'cue', 'text', 'start', 'end'], rows);
}
