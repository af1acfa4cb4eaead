/** The Hono app: routes over the store and the stages, one error handler, security middleware. */
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { serveStatic } from '@hono/node-server/serve-static';
import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';
import type { Doc } from '../core/index.js';
import type { Store, StoredArticle } from '../store/index.js';
import { toArticleJson, annotationsToJson } from '../report/index.js';
import type { Story } from '../story/types.js';
import { annotateDoc } from '../workflow/index.js';
import { ApiError, errorResponse } from './errors.js';
import { openApiDocument } from './openapi.js';
import { readBytes, readJsonBody, type ReadOutcome } from './read-request.js';
import { AddArticleBody, EntityPairBody, ExportQuery, IdParam, ListQuery, SearchQuery } from './schemas.js';
import { refuseCrossSiteWrites, requireLoopbackHost, requireToken, securityHeaders } from './security.js';
import { StoryService, ensureAnnotated, type BuiltStory, type StoryBuilder, type StoryGrouper } from './stories.js';
import { storyTableCsv } from './csv.js';

/** Ten MiB, the same cap ingestion puts on one page: far above any article, below what would strain memory. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Renders a story brief for download; the report stage provides these. */
export type BriefRenderer = (story: Story, docs: readonly Doc[]) => string;

export interface ApiOptions {
  store: Store;
  /** When set, every /api route needs `Authorization: Bearer <token>`. Without one, only loopback Host headers are served. */
  token?: string;
  /** Let URL ingestion reach loopback, private and link-local addresses (off: SSRF guard). */
  allowPrivateUrls?: boolean;
  /** Largest request body (upload or JSON). Default {@link DEFAULT_MAX_UPLOAD_BYTES}. */
  maxUploadBytes?: number;
  /** The story stages; without them each story is built from its articles' own layers. */
  buildStory?: StoryBuilder;
  /** Split the stored articles into stories; default: by stored `storyId`, else one story per article. */
  groupStories?: StoryGrouper;
  /** Brief renderers for `export?format=md|html`; 501 E_NOT_IMPLEMENTED without them. */
  renderBrief?: { markdown?: BriefRenderer; html?: BriefRenderer };
  /** Built web assets served at `/` and `/assets/*`. */
  staticDir?: string;
}

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
  const readOptions = { allowPrivateUrls: options.allowPrivateUrls ?? false, maxBytes };
  const stories = new StoryService(store, {
    ...(options.buildStory ? { buildStory: options.buildStory } : {}),
    ...(options.groupStories ? { groupStories: options.groupStories } : {}),
  });
  const app = new Hono();

  app.onError((err, c) => {
    const { status, body } = err instanceof HTTPException ? fromHttpException(err) : errorResponse(err);
    // The client may still be sending the refused body: close, so the connection is not reused mid-body.
    if (status === 413) c.header('Connection', 'close');
    return c.json(body, status as 400);
  });
  app.notFound((c) => c.json({ error: { code: 'E_ROUTE_NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` } }, 404));

  app.use('*', securityHeaders());
  app.use('*', options.token ? requireToken(options.token) : requireLoopbackHost());
  app.use('/api/*', refuseCrossSiteWrites());

  app.get('/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/api/health', async (c) => c.json({ ok: true, articles: await store.countArticles() }));

  app.get('/api/articles', zValidator('query', ListQuery, validationHook), async (c) => {
    const { limit, offset, full } = c.req.valid('query');
    const [rows, total] = await Promise.all([store.listArticles({ limit, offset }), store.countArticles()]);
    return c.json({ articles: rows.map((row) => articleSummary(row, { withText: full === 'true' })), total });
  });

  app.get('/api/articles/:id', zValidator('param', IdParam, validationHook), async (c) => {
    const { id } = c.req.valid('param');
    const row = await store.getArticle(id);
    if (!row) throw new ApiError(404, 'E_ARTICLE_NOT_FOUND', `article ${id} not found`);
    const doc = await ensureAnnotated(store, row.doc);
    return c.json({ article: fullArticle({ ...row, doc }) });
  });

  app.post(
    '/api/articles',
    bodyLimit({ maxSize: maxBytes, onError: () => { throw new ApiError(413, 'E_TOO_LARGE', `request body is larger than the ${maxBytes}-byte limit`); } }),
    async (c) => {
      const outcomes = await readRequest(c, readOptions);
      const result = await storeOutcomes(store, outcomes);
      if (result.articles.length > 0) stories.invalidate();
      if (result.articles.length === 0 && result.duplicates.length === 0) {
        const first = outcomes.find((o): o is Extract<ReadOutcome, { ok: false }> => !o.ok);
        throw first?.error ?? new ApiError(422, 'E_NO_ARTICLE', 'the request held no article');
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
    const all = await stories.list();
    return c.json({ stories: all.map(({ story }) => ({ id: story.id, title: story.title, articles: story.articles })) });
  });

  app.get('/api/stories/:id', zValidator('param', IdParam, validationHook), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(storyBody(await stories.get(id), stories.overridesOf(id)));
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
    const render = format === 'md' ? options.renderBrief?.markdown : options.renderBrief?.html;
    if (!render) throw new ApiError(501, 'E_NOT_IMPLEMENTED', `the ${format} brief is not available in this build`);
    return format === 'md'
      ? attachment(c, render(story, docs), 'text/markdown; charset=utf-8', `${id}.md`)
      : attachment(c, render(story, docs), 'text/html; charset=utf-8', `${id}.html`);
  });

  for (const action of ['merge', 'unmerge'] as const) {
    app.post(`/api/stories/:id/entities/${action}`, zValidator('param', IdParam, validationHook), async (c) => {
      const { id } = c.req.valid('param');
      const pair = parseWith(EntityPairBody, await jsonBody(c), 'body');
      const built = action === 'merge' ? await stories.merge(id, pair) : await stories.unmerge(id, pair);
      return c.json(storyBody(built, stories.overridesOf(id)));
    });
  }

  if (options.staticDir) {
    const root = path.resolve(options.staticDir);
    // serveStatic refuses `..` segments and encoded separators; root keeps every path inside the folder.
    app.use('/assets/*', serveStatic({ root }));
    app.get('/', serveStatic({ root, path: 'index.html' }));
  }
  return app;
}

function storyBody(built: BuiltStory, overrides: ReturnType<StoryService['overridesOf']>) {
  return { story: built.story, overrides };
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
  const details = error.issues.slice(0, 5).map((issue) => `${issue.path.length ? issue.path.join('.') : where}: ${issue.message}`);
  return new ApiError(400, 'E_VALIDATION', `invalid ${where}: ${details.join('; ')}`);
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
  if (type.startsWith('application/json')) return readJsonBody(parseWith(AddArticleBody, await jsonBody(c), 'body'), readOptions);
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

/** Annotate and store each article read; report what was new, what was already there, what failed. */
async function storeOutcomes(store: Store, outcomes: readonly ReadOutcome[]) {
  const articles: ReturnType<typeof fullArticle>[] = [];
  const duplicates: { input: string; id: string; status: 'duplicate' | 'near-duplicate'; duplicateOf?: string }[] = [];
  const failures: { input: string; code: string; message: string }[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      failures.push({ input: outcome.input, code: outcome.error.code, message: outcome.error.message });
      continue;
    }
    const doc = annotateDoc(outcome.doc);
    const added = await store.addDoc(doc);
    if (added.status === 'added') {
      articles.push(fullArticle({ doc, addedAt: new Date().toISOString(), duplicateOf: null, sources: [doc.source] }));
    } else if (added.status === 'duplicate') {
      duplicates.push({ input: outcome.input, id: added.id, status: 'duplicate' });
    } else {
      duplicates.push({ input: outcome.input, id: added.id, status: 'near-duplicate', duplicateOf: added.duplicateOf });
    }
  }
  return { articles, duplicates, failures };
}

/** List row: metadata without text, evidence or layers (those are in the full article). */
function articleSummary(row: StoredArticle, options: { withText: boolean }) {
  const { text, evidence: _evidence, messages: _messages, ...rest } = toArticleJson(row.doc);
  return { ...rest, addedAt: row.addedAt, duplicateOf: row.duplicateOf, ...(options.withText ? { text } : {}) };
}

/** The contract's Article with every layer, plus storage facts. */
function fullArticle(row: StoredArticle) {
  return { ...toArticleJson(row.doc), ...annotationsToJson(row.doc), addedAt: row.addedAt, duplicateOf: row.duplicateOf, sources: row.sources };
}
