import type { Doc, MetaField, ArticleKind } from '../core/index.js';
import { metaValue } from '../core/index.js';
import { decideArticleKind } from '../story/framing/index.js';

/** The `Article` of CONTRACT.md; annotation arrays appear when their layers exist. */
export interface ArticleJson {
  id: string;
  source: { path?: string; url?: string; item?: string };
  outlet: string | null;
  title: string | null;
  author: string | null;
  authors: string[];
  /** Publication date, `YYYY-MM-DD` (or coarser); the time, where printed, is in `publishedAt`. */
  published: string | null;
  /** Publication date and time at the precision the page gives. */
  publishedAt: string | null;
  section: string | null;
  kind: ArticleKind;
  language: string | null;
  dateline: string | null;
  url: string | null;
  text: string;
  /** Where each metadata value came from. */
  evidence: Record<string, { source: string; at: string; raw?: string }>;
  messages: { level: string; code: string; reason: string }[];
  [layer: string]: unknown;
}

/** Join authors the way a byline prints them. */
function joinAuthors(authors: string[] | null): string | null {
  if (!authors || authors.length === 0) return null;
  if (authors.length === 1) return authors[0] ?? null;
  return `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}`;
}

/** Publication date without the time of day: the contract's `published`. */
export function dateOnly(iso: string | null): string | null {
  return iso ? iso.slice(0, 10) : null;
}

/** Convert a Doc to the contract's Article JSON. Extra layers are passed through by the caller. */
export function toArticleJson(doc: Doc): ArticleJson {
  const meta = doc.meta;
  const evidence: ArticleJson['evidence'] = {};
  for (const [key, field] of Object.entries(meta) as [string, MetaField<unknown> | undefined][]) {
    if (field) evidence[key] = { ...field.evidence };
  }
  const authors = metaValue(meta.authors) ?? [];
  const publishedAt = metaValue(meta.published);
  // One kind wherever the article is shown: the same decision the story's framing makes.
  const kind = decideArticleKind(doc);
  if (kind.fromText) evidence['kind'] = { source: 'inferred', at: 'text signals', raw: kind.evidence };
  return {
    id: doc.id,
    source: { ...doc.source },
    outlet: metaValue(meta.outlet),
    title: metaValue(meta.title),
    author: joinAuthors(authors),
    authors,
    published: dateOnly(publishedAt),
    publishedAt,
    section: metaValue(meta.section),
    kind: kind.kind,
    language: metaValue(meta.language),
    dateline: metaValue(meta.dateline),
    url: metaValue(meta.url) ?? doc.source.url ?? null,
    text: doc.text,
    evidence,
    messages: doc.messages.map((m) => ({ level: m.level, code: m.code, reason: m.reason })),
  };
}
