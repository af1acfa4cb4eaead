/**
 * Original pages: the decoded page each article was read from, capped so a
 * huge page cannot bloat the database, stored beside the article.
 */
import type { SqlExecutor } from './sql-client.js';
import type { ArticleOriginal, ArticleOriginalInput } from './types.js';

/**
 * Two MiB of UTF-8 per original page: a news page's HTML is rarely above 1 MiB
 * (ingestion itself refuses pages above 10 MiB); the rest of a larger one is cut.
 */
export const ORIGINAL_MAX_BYTES = 2 * 1024 * 1024;

/** PostgreSQL text cannot hold NUL: shown as the replacement character, as a viewer would. */
const NUL = /\u0000/g;
const REPLACEMENT = '\uFFFD';

/** The page text cut to at most `maxBytes` of UTF-8, never inside a character. */
export function capOriginal(content: string, maxBytes: number = ORIGINAL_MAX_BYTES): { content: string; truncated: boolean } {
  const clean = content.replace(NUL, REPLACEMENT);
  // Each UTF-16 unit is at most 3 UTF-8 bytes: short pages need no encoding at all.
  if (clean.length * 3 <= maxBytes) return { content: clean, truncated: false };
  const bytes = Buffer.from(clean, 'utf8');
  if (bytes.length <= maxBytes) return { content: clean, truncated: false };
  let end = maxBytes;
  // Back up over continuation bytes (10xxxxxx) so the cut falls between characters.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return { content: bytes.toString('utf8', 0, end), truncated: true };
}

function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Short descriptive fields (content type, encoding, format), bounded and without NUL. */
function label(value: string | null | undefined): string | null {
  if (!value) return null;
  return value.replace(NUL, '').slice(0, 200) || null;
}

/**
 * Insert or replace the original page of an article; returns false when no
 * article has that id (nothing written).
 */
export async function writeOriginal(tx: SqlExecutor, articleId: string, original: ArticleOriginalInput): Promise<{ written: boolean; truncated: boolean }> {
  const { content, truncated } = capOriginal(original.content);
  const { rowCount } = await tx.query(
    `INSERT INTO article_originals (article_id, content_type, encoding, format, content, truncated, fetched_at)
     SELECT $1, $2, $3, $4, $5, $6, $7::timestamptz WHERE EXISTS (SELECT 1 FROM articles WHERE id = $1)
     ON CONFLICT (article_id) DO UPDATE SET content_type = EXCLUDED.content_type, encoding = EXCLUDED.encoding,
       format = EXCLUDED.format, content = EXCLUDED.content, truncated = EXCLUDED.truncated, fetched_at = EXCLUDED.fetched_at`,
    [articleId, label(original.contentType), label(original.encoding), label(original.format), content, truncated, isoOrNull(original.fetchedAt)],
  );
  return { written: rowCount > 0, truncated };
}

interface OriginalRow {
  article_id: string;
  content: string;
  content_type: string | null;
  encoding: string | null;
  format: string | null;
  fetched_at: Date | string | null;
  truncated: boolean;
}

export async function readOriginal(tx: SqlExecutor, articleId: string): Promise<ArticleOriginal | null> {
  const { rows } = await tx.query<OriginalRow>(
    'SELECT article_id, content, content_type, encoding, format, fetched_at, truncated FROM article_originals WHERE article_id = $1',
    [articleId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    articleId: row.article_id,
    content: row.content,
    contentType: row.content_type,
    encoding: row.encoding,
    format: row.format,
    fetchedAt: row.fetched_at === null ? null : new Date(row.fetched_at).toISOString(),
    truncated: row.truncated,
  };
}
