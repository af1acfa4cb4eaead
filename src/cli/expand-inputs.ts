import { stat } from 'node:fs/promises';
import { listInputFiles } from '../ingest/index.js';

const URL_PATTERN = /^https?:\/\//i;

/**
 * Expand folders into their files so progress can count them; URLs, "-" and
 * files pass through. A path that does not exist passes through too, so
 * ingestion names it with its own error.
 */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (input === '-' || URL_PATTERN.test(input)) { out.push(input); continue; }
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) out.push(...(await listInputFiles(input)));
    else out.push(input);
  }
  return out;
}

export function isUrl(input: string): boolean {
  return URL_PATTERN.test(input);
}
