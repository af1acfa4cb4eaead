/**
 * The OpenAPI 3.1 document of every route, generated from the same zod
 * schemas the routes validate with (zod's JSON Schema output is the 2020-12
 * dialect OpenAPI 3.1 uses).
 */
import { z } from 'zod';
import {
  AddArticleBody, AddResultSchema, ArticleSchema, ArticleSummarySchema, EntityPairBody, ErrorSchema, ExportQuery,
  ListQuery, OverridesSchema, SearchQuery, SearchResultSchema, StorySchema, StorySummarySchema, StoryListQuery, BuildSchema,
} from './schemas.js';
import { ORIGINAL_MAX_BYTES } from '../store/index.js';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const json = schemaOf(schema, 'input') as { properties: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties).map(([name, property]) => ({
    name, in: 'query', required: json.required?.includes(name) ?? false, schema: property,
    ...(typeof property['description'] === 'string' ? { description: property['description'] } : {}),
  }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const idParameter = (what: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: `${what} id` });
const commonErrors = { '401': error('token missing or wrong (when the server has a token)'), '500': error('internal error') };

/** Build the OpenAPI document. */
export function openApiDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parallax API',
      version: '0.1.0',
      description: 'Articles, annotations and cross-source stories. Errors are `{ error: { code, message } }` with a stable code. '
        + 'When the server has a token, every /api route needs `Authorization: Bearer <token>`.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: schemaOf(ErrorSchema),
        ArticleSummary: schemaOf(ArticleSummarySchema),
        Article: schemaOf(ArticleSchema),
        AddResult: schemaOf(AddResultSchema),
        StorySummary: schemaOf(StorySummarySchema),
        Story: schemaOf(StorySchema),
        Overrides: schemaOf(OverridesSchema),
        Build: schemaOf(BuildSchema),
        SearchResult: schemaOf(SearchResultSchema),
      },
    },
    security: [{ bearer: [] }, {}],
    paths: {
      '/api/health': {
        get: {
          summary: 'Liveness and article count',
          responses: { '200': json({ type: 'object', properties: { ok: { const: true }, articles: { type: 'integer' } }, required: ['ok', 'articles'] }, 'up'), ...commonErrors },
        },
      },
      '/api/articles': {
        get: {
          summary: 'List stored articles (without full text unless full=true)',
          parameters: queryParameters(ListQuery),
          responses: {
            '200': json({ type: 'object', properties: { articles: { type: 'array', items: ref('ArticleSummary') }, total: { type: 'integer' } }, required: ['articles', 'total'] }, 'a page of articles'),
            '400': error('bad limit or offset (E_VALIDATION)'), ...commonErrors,
          },
        },
        post: {
          summary: 'Add articles from a URL, text, HTML, feed XML, or an uploaded file (HTML, text, JSON Lines, RSS/Atom, WARC, gzip)',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: schemaOf(AddArticleBody, 'input') },
              'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, url: { type: 'string' } }, required: ['file'] } },
            },
          },
          responses: {
            '201': json(ref('AddResult'), 'at least one new article, each with the story it joined (storyId); inputs that failed are listed in failures'),
            '202': json({ allOf: [ref('AddResult'), { type: 'object', properties: { pending: { type: 'array', items: { type: 'string' } } }, required: ['pending'] }] }, 'the workers had not finished every article within the deadline: `pending` lists the jobs still running; the change stream (GET /api/events) tells when they land'),
            '200': json(ref('AddResult'), 'every article was already stored (see duplicates)'),
            '400': error('malformed body (E_VALIDATION)'),
            '403': error('URL resolves to a loopback, private or link-local address (E_PRIVATE_ADDRESS)'),
            '413': error('body larger than the upload limit (E_TOO_LARGE), or an article too complex to analyse in the memory allowed (E_TOO_COMPLEX)'),
            '415': error('body neither JSON nor multipart (E_UNSUPPORTED_MEDIA_TYPE)'),
            '503': error('the analysis did not finish within the request deadline (E_DEADLINE) or no analysis worker was free (E_BUSY); articles finished before are stored; Retry-After says when to try again'),
            '422': error('no article could be read: ingest or extraction code (E_FETCH, E_HTTP_STATUS, E_NO_ARTICLE, E_FEED_PARSE, …)'),
            ...commonErrors,
          },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article with every annotation layer (id or unique prefix)',
          description: 'In a story, `entities[].entity` and `quotes[].speakerEntity` are ids of the story\'s entities (`GET /api/stories/{id}`), after the analyst\'s merges and unmerges. `source` says where it was read from; the page it was read from is at `GET /api/articles/{id}/original`.',
          parameters: [idParameter('article')],
          responses: { '200': json({ type: 'object', properties: { article: ref('Article') }, required: ['article'] }, 'the article'), '404': error('no such article (E_ARTICLE_NOT_FOUND)'), ...commonErrors },
        },
      },
      '/api/articles/{id}/original': {
        get: {
          summary: 'The page an article was read from (HTML source or text dump), decoded, as plain text',
          description: 'Always `text/plain; charset=utf-8` with `Content-Security-Policy: sandbox; default-src \'none\'` and `X-Content-Type-Options: nosniff`, '
            + `so a page is shown as its source and never rendered. Pages over ${ORIGINAL_MAX_BYTES / 1024 / 1024} MiB of UTF-8 are cut (\`X-Original-Truncated: true\`). `
            + '`X-Original-Format` (html|text), `X-Original-Encoding`, `X-Original-Content-Type` and `X-Original-Fetched-At` describe how it was read (`-` when unknown).',
          parameters: [idParameter('article')],
          responses: {
            '200': {
              description: 'the original page',
              headers: {
                'X-Original-Format': { schema: { type: 'string' }, description: 'html or text' },
                'X-Original-Encoding': { schema: { type: 'string' }, description: 'the encoding the bytes were decoded from' },
                'X-Original-Content-Type': { schema: { type: 'string' }, description: 'the Content-Type the page was served with' },
                'X-Original-Fetched-At': { schema: { type: 'string' }, description: 'ISO timestamp when it was read' },
                'X-Original-Truncated': { schema: { type: 'string', enum: ['true', 'false'] }, description: `the page was longer than the ${ORIGINAL_MAX_BYTES / 1024 / 1024} MiB cap` },
              },
              content: { 'text/plain': { schema: { type: 'string' } } },
            },
            '404': error('no such article (E_ARTICLE_NOT_FOUND), or no original page kept for it (E_ORIGINAL_NOT_FOUND)'),
            ...commonErrors,
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search over titles and bodies (websearch syntax)',
          parameters: queryParameters(SearchQuery),
          responses: { '200': json({ type: 'object', properties: { results: { type: 'array', items: ref('SearchResult') } }, required: ['results'] }, 'best first'), '400': error('missing or too long q (E_VALIDATION)'), ...commonErrors },
        },
      },
      '/api/stories': {
        get: {
          summary: 'Stories: the stored articles grouped by the story they cover (each article is placed in a story when it is added), a page at a time',
          parameters: queryParameters(StoryListQuery),
          responses: {
            '200': json({ type: 'object', properties: { stories: { type: 'array', items: ref('StorySummary') }, total: { type: 'integer' } }, required: ['stories', 'total'] }, 'a page of stories and how many there are'),
            '400': error('bad limit, offset or order (E_VALIDATION)'), ...commonErrors,
          },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: 'One story: entities, timeline, stances, contradictions, quote variants, single-source claims, framing',
          description: 'The latest stored build, at once: stories are rebuilt by jobs when articles join, never on a read. `build` says when it was built and whether changes wait for the next build (`stale`); it is null while the first build is being made (the story then lists its articles only). A story merged into another answers with that story. The answer is gzip-compressed for a client that accepts it (`Accept-Encoding`) and carries a weak `ETag` naming the build and its stale flag: send it back in `If-None-Match` to get 304 while the story is unchanged. While a large story\'s new build is being encoded, readers get the build before it, marked stale.',
          parameters: [idParameter('story')],
          responses: {
            '200': json({ type: 'object', properties: { story: ref('Story'), overrides: ref('Overrides'), build: ref('Build') }, required: ['story', 'overrides', 'build'] }, 'the story'),
            '304': { description: 'the story is unchanged since the build named by If-None-Match' },
            '404': error('no such story (E_STORY_NOT_FOUND)'), ...commonErrors,
          },
        },
      },
      '/api/stories/{id}/export': {
        get: {
          summary: 'Download a story: JSON, Markdown or HTML brief, or one table as CSV',
          description: "The HTML brief is a self-contained page without scripts, sent with its own `Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`.",
          parameters: [idParameter('story'), ...queryParameters(ExportQuery)],
          responses: {
            '200': {
              description: 'the export, as an attachment',
              content: { 'application/json': { schema: ref('Story') }, 'text/markdown': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } },
            },
            '400': error('bad format, or csv without table (E_VALIDATION)'),
            '404': error('no such story (E_STORY_NOT_FOUND)'),
            ...commonErrors,
          },
        },
      },
      '/api/stories/{id}/entities/merge': entityOverrideRoute('Record that two entities are one person, organisation or place (stored; cancels an earlier unmerge of the same names)'),
      '/api/stories/{id}/entities/unmerge': entityOverrideRoute('Record that two names are different entities (stored; cancels an earlier merge of the same names)'),
      '/api/events': {
        get: {
          summary: 'Live changes as Server-Sent Events: article-added, story-merged, story-updated, contradiction-new, stance-changed',
          description: 'Each event\'s `id` is its position in the change log and its `data` a JSON object `{ seq, kind, storyId, articleId, data, at }`. A client reconnecting with `Last-Event-ID` (or `?since=`) gets what it missed; `?story=` keeps one story\'s changes.',
          parameters: [
            { name: 'story', in: 'query', required: false, schema: { type: 'string' }, description: 'only this story\'s changes' },
            { name: 'since', in: 'query', required: false, schema: { type: 'integer' }, description: 'resume after this change (as Last-Event-ID)' },
          ],
          responses: { '200': { description: 'the stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...commonErrors },
        },
      },
      '/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': json({ type: 'object' }, 'OpenAPI 3.1') } } },
    },
  };
}

function entityOverrideRoute(summary: string): JsonSchema {
  return {
    post: {
      summary,
      parameters: [idParameter('story')],
      requestBody: { required: true, content: { 'application/json': { schema: schemaOf(EntityPairBody, 'input') } } },
      responses: {
        '200': json({ type: 'object', properties: { story: ref('Story'), overrides: ref('Overrides'), build: ref('Build') }, required: ['story', 'overrides', 'build'] }, 'the story rebuilt with the override'),
        '400': error('malformed body (E_VALIDATION)'),
        '404': error('no such story or entity (E_STORY_NOT_FOUND, E_ENTITY_NOT_FOUND)'),
        ...commonErrors,
      },
    },
  };
}
