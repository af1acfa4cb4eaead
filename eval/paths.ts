import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { existsSync } from 'node:fs';

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Shared data beside the checkout: real articles and public gold sets, never copied into the repo. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const EVAL_DATA_DIR = path.join(SHARED_DIR, 'eval-data');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');

/** A plain reason when shared data is missing, or null when it is there. */
export function missingData(dir: string): string | null {
  return existsSync(dir) ? null : `${path.relative(REPO_ROOT, dir)} is absent: skipped (the shared data lives beside the checkout)`;
}

/** The real case with hand annotations (gold.json), read from ../shared at run time. */
export const IRAN_DIR = path.join(CORPUS_DIR, 'iran-negotiations-2025');
/** The project's own fictional example story, with gold.json in the same format. */
export const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples', 'oskel-dam-2025');

/** The two annotated stories the story evaluations score; `key` prefixes the example's metrics. */
export const GOLD_STORIES: readonly { key: string; dir: string; inputs: string[] }[] = [
  { key: '', dir: IRAN_DIR, inputs: [path.join(IRAN_DIR, 'articles')] },
  { key: 'example_', dir: EXAMPLE_DIR, inputs: [EXAMPLE_DIR] },
];
