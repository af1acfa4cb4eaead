import { IngestError, type DocSource, type PageHints } from '../core/index.js';
import { INGEST_ERROR_CODES } from './errors.js';
import { normaliseDate } from './dates.js';
import { looksLikeMarkup } from './sniff.js';
import type { IngestResult, IngestedPage } from './types.js';
import type { IngestWarning } from './warnings.js';

export interface JsonlOrigin {
  /** How the input is named (`dump.jsonl`, `-`, a URL); items become `name:LINE`. */
  readonly name: string;
  readonly path?: string;
  readonly fetchedAt: string;
  readonly encoding: string;
  readonly warnings?: readonly IngestWarning[];
  /** Longest line accepted, in UTF-16 code units (about bytes for markup). */
  readonly maxLineLength?: number;
}

/**
 * One page per JSON Lines record: `{url, title, html | text | content,
 * published | date, author, outlet | source, section, language}`. A line that
 * is not JSON, or has no body, fails alone with its 1-based line number.
 * Takes lines so a large dump can be streamed.
 */
export async function* pagesFromJsonl(lines: Iterable<string> | AsyncIterable<string>, origin: JsonlOrigin): AsyncGenerator<IngestResult> {
  let lineNumber = 0;
  for await (const rawLine of lines) {
    lineNumber++;
    const line = (lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine).trim();
    if (!line) continue;
    const input = `${origin.name}:${lineNumber}`;
    if (origin.maxLineLength !== undefined && line.length > origin.maxLineLength) {
      yield { ok: false, input, error: new IngestError(INGEST_ERROR_CODES.tooLarge, `${input}: line ${lineNumber} is longer than the size limit`) };
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      yield { ok: false, input, error: new IngestError(INGEST_ERROR_CODES.jsonlParse, `${input}: line ${lineNumber} is not valid JSON (${reason})`) };
      continue;
    }
    yield pageFromRecord(record, input, lineNumber, origin);
  }
}

function pageFromRecord(record: unknown, input: string, lineNumber: number, origin: JsonlOrigin): IngestResult {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { ok: false, input, error: new IngestError(INGEST_ERROR_CODES.jsonlRecord, `${input}: line ${lineNumber} is not a JSON object`) };
  }
  const r = record as Record<string, unknown>;
  const html = stringField(r['html']);
  const plain = stringField(r['text']);
  const content = stringField(r['content']);
  const body = html ?? plain ?? content;
  if (!body) {
    return {
      ok: false,
      input,
      error: new IngestError(INGEST_ERROR_CODES.jsonlRecord, `${input}: line ${lineNumber} has no html, text or content field`),
    };
  }
  const format = html !== undefined ? 'html' : plain !== undefined ? 'text' : looksLikeMarkup(body.slice(0, 2048)) ? 'html' : 'text';
  const url = stringField(r['url']);
  const rawDate = stringField(r['published']) ?? stringField(r['date']);
  const warnings: IngestWarning[] = [...(origin.warnings ?? [])];
  const published = rawDate ? normaliseDate(rawDate) : undefined;
  if (rawDate && !published) warnings.push({ code: 'W_DATE_UNREADABLE', reason: `${input}: published date "${rawDate}" is not a date` });
  const hints: PageHints = compact({
    from: 'jsonl' as const,
    title: stringField(r['title']),
    url,
    published,
    author: authorField(r['author'] ?? r['authors']),
    outlet: stringField(r['outlet']) ?? stringField(r['source']),
    section: stringField(r['section']),
    language: stringField(r['language']),
  });
  const source: DocSource = compact({ path: origin.path, url, item: String(lineNumber) });
  const page: IngestedPage = compact({
    source,
    format,
    content: body,
    encoding: origin.encoding,
    fetchedAt: origin.fetchedAt,
    hints,
    warnings: warnings.length > 0 ? warnings : undefined,
  });
  return { ok: true, input, page };
}

function stringField(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function authorField(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const names = value.map((v) => (typeof v === 'object' && v !== null ? stringField((v as Record<string, unknown>)['name']) : stringField(v)));
    const kept = names.filter((n): n is string => n !== undefined);
    return kept.length > 0 ? kept.join(', ') : undefined;
  }
  if (typeof value === 'object' && value !== null) return stringField((value as Record<string, unknown>)['name']);
  return stringField(value);
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
