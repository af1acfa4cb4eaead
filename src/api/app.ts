/** The Hono app: routes over the store and the stages, one error handler, security middleware. */
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { serveStatic } from '@hono/node-server/serve-static';
import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';
import type { Store, StoredArticle } from '../store/index.js';
import { toArticleJson, annotationsToJson, briefToHtml, briefToMarkdown } from '../report/index.js';
import { Library, annotateArticle, briefArticle, warningsOf } from '../workflow/index.js';
import { ParallaxError, type Doc } from '../core/index.js';
import { ApiError, errorResponse } from './errors.js';
import { openApiDocument } from './openapi.js';
import { readBytes, readJsonBody, type ReadOutcome } from './read-request.js';
import { AddArticleBody, EntityPairBody, ExportQuery, IdParam, ListQuery, SearchQuery } from './schemas.js';
import { BRIEF_CONTENT_SECURITY_POLICY, ORIGINAL_CONTENT_SECURITY_POLICY, refuseCrossSiteWrites, requireLoopbackHost, securityHeaders } from './security.js';
import { Sessions, requireTokenOrSession, sessionRoutes } from './session.js';
import { StoryService, ensureAnnotated, type ServedStory } from './stories.js';
import { storyTableCsv } from './csv.js';

/** Ten MiB, the same cap ingestion puts on one page: far above any article, below what would strain memory. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface ApiOptions {
  store: Store;
  /** When set, every route needs `Authorization: Bearer <token>` or a session from the sign-in page (`/signin`). Without one, only loopback Host headers are served. */
  token?: string;
  /** Let URL ingestion reach loopback, private and link-local addresses (off: SSRF guard). */
  allowPrivateUrls?: boolean;
  /** Largest request body (upload or JSON). Default {@link DEFAULT_MAX_UPLOAD_BYTES}. */
  maxUploadBytes?: number;
  /** The stories over `store` (adds go through it). Default: `Library.open(store)`, opened on first use. */
  library?: Library;
  /** Built web assets served at `/` and `/assets/*`. */
  staticDir?: string;
  /** Time one add request may take, reading and analysis included; past it the answer is 503 E_DEADLINE. Default {@link DEFAULT_REQUEST_DEADLINE_MS}. */
  requestDeadlineMs?: number;
}

/** One minute: a 10 MiB page is read, extracted and analysed (within the analysis budget) in well under that on one core. */
export const DEFAULT_REQUEST_DEADLINE_MS = 60_000;

/**
 * Build the HTTP API as a Hono app (use `app.fetch`, or {@link startServer}).
 *
 * @example
 * const app = createApp({ store: await openStore({ memory: true }) });
 * const res = await app.request('/api/health'); // { ok: true, articles: 0 }
 */
export function createApp(options: ApiOptions): Hono {
  const { store } = options;
  const maxBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const deadlineMs = options.requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS;
  const readOptions = { allowPrivateUrls: options.allowPrivateUrls ?? false, maxBytes };
  const library = libraryOf(options);
  const stories = new StoryService(library);
  const app = new Hono();

  app.onError((err, c) => {
    const { status, body } = err instanceof HTTPException ? fromHttpException(err) : errorResponse(err);
    // The client may still be sending the refused body: close, so the connection is not reused mid-body.
    if (status === 413) c.header('Connection', 'close');
    return c.json(body, status as 400);
  });
  app.notFound((c) => c.json({ error: { code: 'E_ROUTE_NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` } }, 404));

  app.use('*', securityHeaders());
  const sessions = new Sessions();
  app.use('*', options.token ? requireTokenOrSession(options.token, sessions) : requireLoopbackHost());
  app.use('/api/*', refuseCrossSiteWrites());
  app.use('/signin', refuseCrossSiteWrites());
  app.use('/signout', refuseCrossSiteWrites());
  if (options.token) sessionRoutes(app, options.token, sessions);
  else app.get('/api/session', (c) => c.json({ auth: 'loopback', signedIn: false }));

  app.get('/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/api/health', async (c) => c.json({ ok: true, articles: await store.countArticles() }));

  app.get('/api/articles', zValidator('query', ListQuery, validationHook), async (c) => {
    const { limit, offset, full } = c.req.valid('query');
    const [rows, total, storyOf] = await Promise.all([store.listArticles({ limit, offset }), store.countArticles(), stories.storyIds()]);
    return c.json({ articles: rows.map((row) => articleSummary(row, { withText: full === 'true', storyId: storyOf.get(row.doc.id) ?? null })), total });
  });

  app.get('/api/articles/:id', zValidator('param', IdParam, validationHook), async (c) => {
    const { id } = c.req.valid('param');
    const row = await store.getArticle(id);
    if (!row) throw new ApiError(404, 'E_ARTICLE_NOT_FOUND', `article ${id} not found`);
    const served = await stories.ofArticle(row.doc.id);
    const doc = served?.docs.find((d) => d.id === row.doc.id) ?? (await ensureAnnotated(store, row.doc));
    return c.json({ article: fullArticle({ ...row, doc }, served) });
  });

  app.get('/api/articles/:id/original', zValidator('param', IdParam, validationHook), async (c) => {
    const { id } = c.req.valid('param');
    const row = await store.getArticle(id);
    if (!row) throw new ApiError(404, 'E_ARTICLE_NOT_FOUND', `article ${id} not found`);
    const original = await store.getOriginal(row.doc.id);
    if (!original) throw new ApiError(404, 'E_ORIGINAL_NOT_FOUND', `article ${row.doc.id} has no stored original page (added before originals were kept, or refused)`);
    // Always plain text, whatever the page was: a stored page must never run as HTML in this origin.
    c.header('Content-Type', 'text/plain; charset=utf-8');
    c.header('Content-Security-Policy', ORIGINAL_CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Disposition', `inline; filename="${row.doc.id}-original.txt"`);
    c.header(ORIGINAL_HEADERS.format, headerValue(original.format));
    c.header(ORIGINAL_HEADERS.encoding, headerValue(original.encoding));
    c.header(ORIGINAL_HEADERS.contentType, headerValue(original.contentType));
    c.header(ORIGINAL_HEADERS.fetchedAt, headerValue(original.fetchedAt));
    c.header(ORIGINAL_HEADERS.truncated, String(original.truncated));
    return c.body(original.content, 200);
  });

  app.post(
    '/api/articles',
    bodyLimit({ maxSize: maxBytes, onError: () => { throw new ApiError(413, 'E_TOO_LARGE', `request body is larger than the ${maxBytes}-byte limit`); } }),
    async (c) => {
      // One deadline for the whole request: reading, extracting and annotating every article in it.
      const signal = AbortSignal.timeout(deadlineMs);
      const outcomes = await readRequest(c, readOptions);
      const { errors, ...result } = await storeOutcomes(await library(), stories, outcomes, signal);
      if (result.articles.length === 0 && result.duplicates.length === 0) {
        const first = errors[0] ?? new ApiError(422, 'E_NO_ARTICLE', 'the request held no article');
        if (first instanceof ParallaxError && RETRY_LATER.has(first.code)) c.header('Retry-After', String(Math.ceil(deadlineMs / 1000)));
        throw first;
      }
      return c.json(result, result.articles.length > 0 ? 201 : 200);
    },
  );

  app.get('/api/search', zValidator('query', SearchQuery, validationHook), async (c) => {
    const { q, limit } = c.req.valid('query');
    const hits = await store.search(q, { limit });
    return c.json({ results: hits.map((h) => ({ id: h.id, title: h.title, snippet: h.snippet, rank: h.rank })) });
  });

  app.get('/api/stories', async (c) => {
    return c.json({ stories: await stories.list() });
  });

  app.get('/api/stories/:id', zValidator('param', IdParam, validationHook), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(storyBody(await stories.get(id)));
  });

  app.get('/api/stories/:id/export', zValidator('param', IdParam, validationHook), zValidator('query', ExportQuery, validationHook), async (c) => {
    const { id } = c.req.valid('param');
    const { format, table } = c.req.valid('query');
    const { story, docs } = await stories.get(id);
    if (format === 'csv') {
      if (!table) throw new ApiError(400, 'E_VALIDATION', 'format=csv needs table=quotes|timeline|entities');
      return attachment(c, storyTableCsv(story, docs, table), 'text/csv; charset=utf-8', `${id}-${table}.csv`);
    }
    if (format === 'json') return attachment(c, JSON.stringify({ story }, null, 2), 'application/json; charset=utf-8', `${id}.json`);
    const articles = docs.map((doc) => briefArticle(toArticleJson(doc)));
    if (format === 'md') return attachment(c, briefToMarkdown(story, articles), 'text/markdown; charset=utf-8', `${id}.md`);
    // The brief is a self-contained page with inline styles and no scripts: its own CSP allows exactly that.
    c.header('Content-Security-Policy', BRIEF_CONTENT_SECURITY_POLICY);
    return attachment(c, briefToHtml(story, articles), 'text/html; charset=utf-8', `${id}.html`);
  });

  for (const action of ['merge', 'unmerge'] as const) {
    app.post(`/api/stories/:id/entities/${action}`, zValidator('param', IdParam, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const pair = parseWith(EntityPairBody, await jsonBody(c), 'body');
      const built = action === 'merge' ? await stories.merge(id, pair) : await stories.unmerge(id, pair);
      return c.json(storyBody(built));
    });
  }

  if (options.staticDir) {
    const root = path.resolve(options.staticDir);
    // serveStatic refuses `..` segments and encoded separators; root keeps every path inside the folder.
    app.use('/assets/*', serveStatic({ root }));
    // The page itself is never cached: after sign-out the browser must ask again, not show a stored copy.
    app.get('/', async (c, next) => { await next(); c.header('Cache-Control', 'no-store'); }, serveStatic({ root, path: 'index.html' }));
  }
  return app;
}

/** Response headers of `GET /api/articles/:id/original` describing the page. */
export const ORIGINAL_HEADERS = {
  format: 'X-Original-Format',
  encoding: 'X-Original-Encoding',
  contentType: 'X-Original-Content-Type',
  fetchedAt: 'X-Original-Fetched-At',
  truncated: 'X-Original-Truncated',
} as const;

/** A stored label as a header value: printable ASCII only (a header cannot carry anything else safely), `-` when unknown. */
function headerValue(value: string | null): string {
  const clean = (value ?? '').replace(/[^\x20-\x7e]/g, '').trim();
  return clean || '-';
}

function storyBody(served: ServedStory) {
  return { story: served.story, overrides: served.overrides };
}

/** The given Library, or one opened over the store on first use (once; a failed open is retried). */
function libraryOf(options: ApiOptions): () => Promise<Library> {
  if (options.library) {
    const given = Promise.resolve(options.library);
    return () => given;
  }
  let opening: Promise<Library> | null = null;
  return () => {
    opening ??= Library.open(options.store).catch((err: unknown) => {
      opening = null;
      throw err;
    });
    return opening;
  };
}

function attachment(c: Context, body: string, contentType: string, filename: string): Response {
  c.header('Content-Type', contentType);
  c.header('Content-Disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`);
  return c.body(body, 200);
}

function fromHttpException(err: HTTPException): { status: number; body: { error: { code: string; message: string } } } {
  const code = err.status === 401 ? 'E_UNAUTHORIZED' : err.status === 413 ? 'E_TOO_LARGE' : 'E_HTTP';
  return { status: err.status, body: { error: { code, message: err.message || `request refused (HTTP ${err.status})` } } };
}

/** zValidator hook: a failed parse becomes 400 E_VALIDATION naming the fields. */
function validationHook(result: { success: boolean; error?: unknown; target: string }): void {
  if (!result.success) throw validationError(result.error as z.ZodError, result.target);
}

function validationError(error: z.ZodError, where: string): ApiError {
  const details = error.issues.slice(0, 5).map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  return new ApiError(400, 'E_VALIDATION', `invalid ${where}: ${details.join('; ')}`);
}

/** The content fields of an add request; exactly one is sent. */
const ADD_FIELDS = ['url', 'text', 'html', 'feed'] as const;

/**
 * Validate an add request, saying in words what is wrong: a union schema on
 * its own can only answer "Invalid input", which names nothing.
 */
function parseAddBody(value: unknown): AddArticleBody {
  const parsed = AddArticleBody.safeParse(value);
  if (parsed.success) return parsed.data;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'E_VALIDATION', `invalid body: send a JSON object with one of ${ADD_FIELDS.join(', ')} (got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value})`);
  }
  const keys = Object.keys(value);
  const given = ADD_FIELDS.filter((f) => keys.includes(f));
  if (given.length === 0) {
    const got = keys.length ? `fields ${keys.slice(0, 5).join(', ')}` : 'an empty object';
    throw new ApiError(400, 'E_VALIDATION', `invalid body: it needs one of ${ADD_FIELDS.join(', ')} (got ${got})`);
  }
  // url with text/html/feed is a source URL, not a second content field.
  const content = given.filter((f) => f !== 'url');
  if (content.length > 1) throw new ApiError(400, 'E_VALIDATION', `invalid body: send one of text, html or feed, not ${content.join(' and ')}`);
  const member = AddArticleBody.options.find((option) => (content[0] ?? 'url') in option.shape)!;
  throw validationError(member.safeParse(value).error!, 'body');
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, where);
  return parsed.data;
}

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ApiError(400, 'E_VALIDATION', 'body is not valid JSON');
  }
}

/** JSON body or a multipart upload (field `file`, optional `url`) → extracted articles. */
async function readRequest(c: Context, readOptions: { allowPrivateUrls: boolean; maxBytes: number }): Promise<ReadOutcome[]> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) return readJsonBody(parseAddBody(await jsonBody(c)), readOptions);
  if (type.startsWith('multipart/form-data')) {
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw new ApiError(400, 'E_VALIDATION', 'body is not valid multipart/form-data');
    }
    const file = form['file'];
    if (!(file instanceof File)) throw new ApiError(400, 'E_VALIDATION', 'multipart body needs one file in the field "file"');
    const url = typeof form['url'] === 'string' && /^https?:\/\//i.test(form['url']) ? form['url'] : undefined;
    const name = path.basename(file.name || 'upload').slice(0, 200) || 'upload';
    return readBytes(new Uint8Array(await file.arrayBuffer()), { name, ...(url ? { url } : {}) }, readOptions);
  }
  throw new ApiError(415, 'E_UNSUPPORTED_MEDIA_TYPE', 'send application/json ({url}|{text}|{html}|{feed}) or multipart/form-data with a file');
}

/** Codes that mean "the server is busy or ran out of time": the client may try again later (Retry-After). */
const RETRY_LATER = new Set(['E_BUSY', 'E_DEADLINE']);

/**
 * Extract and annotate each article read, on the analysis pool (never on the event loop), within the
 * request's deadline; add it through the Library, which places it in a story. Reports what was new (with
 * its story and story-wide entity ids), what was already there, what failed, and each article's warnings.
 */
async function storeOutcomes(library: Library, stories: StoryService, outcomes: readonly ReadOutcome[], signal: AbortSignal) {
  const added: string[] = [];
  const duplicates: { input: string; id: string; status: 'duplicate' | 'near-duplicate'; duplicateOf?: string }[] = [];
  const failures: { input: string; code: string; message: string }[] = [];
  const warnings: { input: string; code: string; message: string }[] = [];
  const errors: ParallaxError[] = [];
  const fail = (input: string, error: ParallaxError) => {
    failures.push({ input, code: error.code, message: error.message });
    errors.push(error);
  };
  try {
    for (const outcome of outcomes) {
      if (!outcome.ok) {
        fail(outcome.input, outcome.error);
        continue;
      }
      let doc: Doc;
      try {
        doc = await annotateArticle(outcome.page, { signal, name: outcome.input });
      } catch (err) {
        fail(outcome.input, err instanceof ParallaxError ? err : new ApiError(500, 'E_INTERNAL', 'internal error: the article could not be analysed'));
        continue;
      }
      const { warnings: _read, ...page } = outcome.page;
      const result = await library.add(doc, { original: page });
      if (result.status === 'added') added.push(result.id);
      else if (result.status === 'duplicate') duplicates.push({ input: outcome.input, id: result.id, status: 'duplicate' });
      else duplicates.push({ input: outcome.input, id: result.id, status: 'near-duplicate', duplicateOf: result.duplicateOf });
      for (const w of warningsOf(doc)) warnings.push({ input: outcome.input, code: w.code, message: w.reason });
    }
  } finally {
    // Even when an add failed half-way: the ones before it were placed in stories.
    if (added.length > 0) stories.invalidate();
  }
  // After every add, so each story touched is built once, with all of its new articles.
  const articles: ReturnType<typeof fullArticle>[] = [];
  for (const id of added) {
    const row = await library.store.getArticle(id);
    if (!row) continue;
    const served = await stories.ofArticle(id);
    articles.push(fullArticle({ ...row, doc: served?.docs.find((d) => d.id === id) ?? row.doc }, served));
  }
  return { articles, duplicates, failures, warnings, errors };
}

/** List row: metadata without text, evidence or layers (those are in the full article). */
function articleSummary(row: StoredArticle, options: { withText: boolean; storyId: string | null }) {
  const { text, evidence: _evidence, messages: _messages, ...rest } = toArticleJson(row.doc);
  return { ...rest, storyId: options.storyId, addedAt: row.addedAt, duplicateOf: row.duplicateOf, ...(options.withText ? { text } : {}) };
}

/**
 * The contract's Article with every layer, plus storage facts. In a story, entity mentions carry
 * the story's entity ids and names, so a client can link them to `story.entities`.
 */
function fullArticle(row: StoredArticle, served: ServedStory | null) {
  const { doc } = row;
  const annotations = served
    ? annotationsToJson(doc, (local) => served.entityOf(doc.id, local) ?? `${doc.id}/${local}`, (local) => served.nameOf(doc.id, local))
    : annotationsToJson(doc);
  return { ...toArticleJson(doc), ...annotations, storyId: served?.story.id ?? null, addedAt: row.addedAt, duplicateOf: row.duplicateOf, sources: row.sources };
}
