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
import { Library, briefArticle } from '../workflow/index.js';
import type { JobQueue } from '../jobs/index.js';
import { ParallaxError } from '../core/index.js';
import { ApiError, errorResponse } from './errors.js';
import { openApiDocument } from './openapi.js';
import { readBytes, readJsonBody, type ReadOutcome } from './read-request.js';
import { AddArticleBody, EntityPairBody, ExportQuery, IdParam, ListQuery, SearchQuery, StoryListQuery } from './schemas.js';
import { BRIEF_CONTENT_SECURITY_POLICY, ORIGINAL_CONTENT_SECURITY_POLICY, refuseCrossSiteWrites, requireLoopbackHost, securityHeaders } from './security.js';
import { Sessions, requireTokenOrSession, sessionRoutes } from './session.js';
import { StoryService, type ServedStory } from './stories.js';
import { StoryBodies, acceptsGzip, matchesTag } from './story-bodies.js';
import { inlineIngestion, queuedIngestion, type IngestResult } from './ingestion.js';
import { ChangeFeed, streamChanges } from './events.js';
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
  /** The stories over `store` (adds go through it when there is no job queue). Default: a Library over `store`. */
  library?: Library;
  /**
   * The job queue new articles go through (`parallax serve`): a POST waits for its jobs and their
   * stories' rebuilds up to `ingestDeadlineMs`, then answers 202. Without one, a POST does the work itself.
   */
  jobs?: JobQueue;
  ingestDeadlineMs?: number;
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
  const stories = new StoryService(store, library);
  const ingestion = options.jobs ? queuedIngestion(options.jobs, options.ingestDeadlineMs ?? deadlineMs) : inlineIngestion(library);
  const changes = new ChangeFeed(store);
  const storyAnswers = new StoryBodies(store, stories, changes);
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
    const [rows, total] = await Promise.all([store.listArticles({ limit, offset }), store.countArticles()]);
    const storyOf = await store.storiesOfArticles(rows.map((r) => r.doc.id));
    return c.json({ articles: rows.map((row) => articleSummary(row, { withText: full === 'true', storyId: storyOf.get(row.doc.id) ?? null })), total });
  });

  app.get('/api/articles/:id', zValidator('param', IdParam, validationHook), async (c) => {
    const { id } = c.req.valid('param');
    const row = await store.getArticle(id);
    if (!row) throw new ApiError(404, 'E_ARTICLE_NOT_FOUND', `article ${id} not found`);
    const served = await stories.ofArticle(row.doc.id);
    return c.json({ article: fullArticle(row, served) });
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
      const ingested = await ingestion.add(outcomes, signal).finally(() => storyAnswers.forget());
      if (ingested.pending.length > 0) {
        // The workers are busy: the articles will appear; the change stream says when.
        return c.json({ ...(await addResult(store, stories, ingested)), pending: ingested.pending }, 202);
      }
      const result = await addResult(store, stories, ingested);
      if (result.articles.length === 0 && result.duplicates.length === 0) {
        const first = ingested.errors[0] ?? new ApiError(422, 'E_NO_ARTICLE', 'the request held no article');
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

  app.get('/api/stories', zValidator('query', StoryListQuery, validationHook), async (c) => {
    const { limit, offset, order } = c.req.valid('query');
    return c.json(await stories.list({ limit, offset, order }));
  });

  app.get('/api/stories/:id', zValidator('param', IdParam, validationHook), async (c) => {
    const { id } = c.req.valid('param');
    const answer = await storyAnswers.get(id);
    // Readers revalidate each time: a story changes as articles join, and the tag says when.
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Accept-Encoding');
    if (answer.etag) {
      c.header('ETag', answer.etag);
      if (matchesTag(c.req.header('if-none-match'), answer.etag)) return c.body(null, 304);
    }
    c.header('Content-Type', 'application/json');
    if (!acceptsGzip(c.req.header('accept-encoding'))) return c.body(await StoryBodies.inflate(answer) as Uint8Array<ArrayBuffer>, 200);
    c.header('Content-Encoding', 'gzip');
    return c.body(answer.gzip as Uint8Array<ArrayBuffer>, 200);
  });

  app.get('/api/events', (c) => streamChanges(c, store, changes));

  app.get('/api/stories/:id/export', zValidator('param', IdParam, validationHook), zValidator('query', ExportQuery, validationHook), async (c) => {
    const { id } = c.req.valid('param');
    const { format, table } = c.req.valid('query');
    const { story } = await stories.get(id);
    const docs = await stories.docs(story.id);
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
      const built = await (action === 'merge' ? stories.merge(id, pair) : stories.unmerge(id, pair)).finally(() => storyAnswers.forget());
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
  return { story: served.story, overrides: served.overrides, build: served.build };
}

/** The given Library, or one over the store. */
function libraryOf(options: ApiOptions): () => Promise<Library> {
  const library = Promise.resolve(options.library ?? new Library(options.store));
  return () => library;
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
/**
 * The answer to an add: the new articles with every layer (in a story, with the story's entity
 * ids), what was already stored, what failed, and each article's warnings.
 */
async function addResult(store: Store, stories: StoryService, ingested: IngestResult) {
  const articles: ReturnType<typeof fullArticle>[] = [];
  for (const row of await store.getArticles(ingested.added)) articles.push(fullArticle(row, await stories.ofArticle(row.doc.id)));
  return { articles, duplicates: ingested.duplicates, failures: ingested.failures, warnings: ingested.warnings };
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
