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
