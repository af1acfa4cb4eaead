import { StageError, type Doc, type Message } from '../core/index.js';
import type { IngestedPage } from '../ingest/index.js';
import { extractArticle } from '../extract/index.js';

/**
 * Extract the article of an ingested page; problems ingestion found and
 * recovered from (a wrong charset, a cut record) travel with the article as
 * warnings, for the user to see.
 *
 * @throws ExtractError when the page holds no article.
 */
export function docFromPage(page: IngestedPage): Doc {
  const doc = extractArticle(page);
  const warnings: Message[] = (page.warnings ?? []).map((w) => ({ level: 'warning', code: w.code, reason: w.reason, stage: 'ingest' }));
  return warnings.length ? { ...doc, messages: [...warnings, ...doc.messages] } : doc;
}

/** The warnings an article carries (what `--strict` turns into a failure). */
export function warningsOf(doc: Doc): Message[] {
  return doc.messages.filter((m) => m.level === 'warning');
}

/** The failure `--strict` reports for an article with warnings: each warning, in one line. */
export function strictFailure(input: string, doc: Doc): StageError {
  const reasons = warningsOf(doc).map((w) => `${w.reason} [${w.code}]`).join('; ');
  return new StageError('E_STRICT', `${input}: refused under --strict: ${reasons}`);
}
