/** Typed calls to the Parallax HTTP API (same origin). */
import type { Story } from '../../src/story/types.js';
import type { ArticleJson } from '../../src/report/article-json.js';
import type { AnnotationsJson } from '../../src/report/annotations-json.js';

export type { Story } from '../../src/story/types.js';

/** A row of `GET /api/articles`: metadata without text. */
export interface ArticleSummary {
  id: string;
  source: { path?: string; url?: string; item?: string };
  outlet: string | null;
  title: string | null;
  author: string | null;
  published: string | null;
  section: string | null;
  kind: 'news' | 'opinion' | 'analysis' | 'other';
  url: string | null;
  addedAt: string;
  duplicateOf: string | null;
}

/** `GET /api/articles/:id`: the contract's Article with every layer. */
export type FullArticle = ArticleJson & AnnotationsJson & { addedAt: string; duplicateOf: string | null; sources?: { path?: string; url?: string }[] };

export interface StorySummary { id: string; title: string; articles: string[] }
export interface SearchResult { id: string; title: string | null; snippet: string; rank: number }
export interface AddResult {
  articles: FullArticle[];
  duplicates: { input: string; id: string; status: 'duplicate' | 'near-duplicate'; duplicateOf?: string }[];
  failures: { input: string; code: string; message: string }[];
}
export interface StoryBody { story: Story; overrides?: { merges: { a: string; b: string }[]; unmerges: { a: string; b: string }[] } }

/** An API error answer (`{error: {code, message}}`) or a network failure. */
export class ApiFailure extends Error {
  constructor(readonly code: string, message: string, readonly status: number) {
    super(message);
  }
}

async function send<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (err) {
    throw new ApiFailure('E_NETWORK', `the server did not answer (${(err as Error).message})`, 0);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(error?.code ?? `HTTP_${res.status}`, error?.message ?? `the server answered HTTP ${res.status}`, res.status);
  }
  return body as T;
}

/** Largest page the API serves: the library lists every article up to it. */
const LIBRARY_PAGE = 500;

export const api = {
  articles: () => send<{ articles: ArticleSummary[]; total: number }>(`/api/articles?limit=${LIBRARY_PAGE}`),
  article: (id: string) => send<{ article: FullArticle }>(`/api/articles/${encodeURIComponent(id)}`),
  stories: () => send<{ stories: StorySummary[] }>('/api/stories'),
  story: (id: string) => send<StoryBody>(`/api/stories/${encodeURIComponent(id)}`),
  search: (q: string) => send<{ results: SearchResult[] }>(`/api/search?q=${encodeURIComponent(q)}`),
  addJson: (body: { url: string } | { text: string; title?: string } | { html: string }) =>
    send<AddResult>('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  addFile: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return send<AddResult>('/api/articles', { method: 'POST', body: form });
  },
  unmerge: (storyId: string, pair: { a: string; b: string }) =>
    send<StoryBody>(`/api/stories/${encodeURIComponent(storyId)}/entities/unmerge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pair) }),
  exportUrl: (storyId: string, format: 'json' | 'md' | 'html' | 'csv', table?: string) =>
    `/api/stories/${encodeURIComponent(storyId)}/export?format=${format}${table ? `&table=${table}` : ''}`,
};
