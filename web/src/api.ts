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

export interface StorySummary { id: string; title: string; articles: string[]; stale?: boolean }
export interface SearchResult { id: string; title: string | null; snippet: string; rank: number }
export interface AddResult {
  articles: FullArticle[];
  duplicates: { input: string; id: string; status: 'duplicate' | 'near-duplicate'; duplicateOf?: string }[];
  failures: { input: string; code: string; message: string }[];
}
/** When the served build was made and whether newer changes wait for the next one; null before the first build. */
export interface BuildInfo { version: number; builtAt: string; stale: boolean; buildMs: number }
export interface StoryBody { story: Story; overrides?: { merges: { a: string; b: string }[]; unmerges: { a: string; b: string }[] }; build?: BuildInfo | null }

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
  // In token mode a lapsed or ended session answers 401: sign in again.
  if (res.status === 401) location.assign('/signin');
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(error?.code ?? `HTTP_${res.status}`, error?.message ?? `the server answered HTTP ${res.status}`, res.status);
  }
  return body as T;
}

/** Largest page the API serves: pages that need every article (story outlets) read up to it. */
const LIBRARY_PAGE = 500;

/** The page an article was read from, as `GET /api/articles/:id/original` serves it. */
export interface OriginalPage {
  content: string;
  format: 'html' | 'text' | null;
  encoding: string | null;
  contentType: string | null;
  truncated: boolean;
}

/** A header the API writes as `-` when it does not know the value. */
function known(value: string | null): string | null {
  return value && value !== '-' ? value : null;
}

/** The original page as text, or null when the server kept none (404 E_ORIGINAL_NOT_FOUND). */
async function original(id: string): Promise<OriginalPage | null> {
  let res: Response;
  try {
    res = await fetch(`/api/articles/${encodeURIComponent(id)}/original`, { headers: { accept: 'text/plain' } });
  } catch (err) {
    throw new ApiFailure('E_NETWORK', `the server did not answer (${(err as Error).message})`, 0);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (body?.error?.code === 'E_ORIGINAL_NOT_FOUND') return null;
    throw new ApiFailure(body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? `the server answered HTTP ${res.status}`, res.status);
  }
  const format = known(res.headers.get('x-original-format'));
  return {
    // Read as text, never parsed: the page is shown as its source.
    content: await res.text(),
    format: format === 'html' || format === 'text' ? format : null,
    encoding: known(res.headers.get('x-original-encoding')),
    contentType: known(res.headers.get('x-original-content-type')),
    truncated: res.headers.get('x-original-truncated') === 'true',
  };
}

const postJson = <T>(path: string, body: unknown) =>
  send<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const api = {
  articles: () => send<{ articles: ArticleSummary[]; total: number }>(`/api/articles?limit=${LIBRARY_PAGE}`),
  /** One page of the article list, in the order the articles were added, with the total count. */
  articlePage: (offset: number, limit: number) => send<{ articles: ArticleSummary[]; total: number }>(`/api/articles?limit=${limit}&offset=${offset}`),
  original,
  article: (id: string) => send<{ article: FullArticle }>(`/api/articles/${encodeURIComponent(id)}`),
  /** The most recently changed stories first: what a newsroom following its feeds wants on top. */
  stories: () => send<{ stories: StorySummary[]; total: number }>(`/api/stories?limit=${LIBRARY_PAGE}&order=changed`),
  story: (id: string) => send<StoryBody>(`/api/stories/${encodeURIComponent(id)}`),
  search: (q: string) => send<{ results: SearchResult[] }>(`/api/search?q=${encodeURIComponent(q)}`),
  addJson: (body: { url: string } | { text: string; title?: string } | { html: string }) =>
    send<AddResult>('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  addFile: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return send<AddResult>('/api/articles', { method: 'POST', body: form });
  },
  unmerge: (storyId: string, pair: { a: string; b: string }) => postJson<StoryBody>(`/api/stories/${encodeURIComponent(storyId)}/entities/unmerge`, pair),
  merge: (storyId: string, pair: { a: string; b: string }) => postJson<StoryBody>(`/api/stories/${encodeURIComponent(storyId)}/entities/merge`, pair),
  exportUrl: (storyId: string, format: 'json' | 'md' | 'html' | 'csv', table?: string) =>
    `/api/stories/${encodeURIComponent(storyId)}/export?format=${format}${table ? `&table=${table}` : ''}`,
};

/** How the server admits this browser: by its session (token mode, with a sign-out), or as this machine. */
export async function sessionMode(): Promise<'token' | 'loopback'> {
  const body = await send<{ auth: 'token' | 'loopback' }>('/api/session').catch(() => ({ auth: 'loopback' as const }));
  return body.auth;
}
