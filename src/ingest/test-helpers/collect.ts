import { ingest } from '../ingest.js';
import type { IngestOptions, IngestResult } from '../types.js';

/** Every result ingestion yields for the inputs, in order. */
export async function collect(inputs: string[], options?: IngestOptions): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of ingest(inputs, options)) out.push(r);
  return out;
}

/** The page of a successful result; fails the test with the error otherwise. */
export function okPage(r: IngestResult | undefined) {
  if (!r || !r.ok) throw new Error(`expected a page, got ${r ? r.error.message : 'nothing'}`);
  return r.page;
}

/** The error of a failed result; fails the test if it produced a page. */
export function errorOf(r: IngestResult | undefined) {
  if (!r || r.ok) throw new Error(`expected an error, got ${r ? 'a page' : 'nothing'}`);
  return r.error;
}
