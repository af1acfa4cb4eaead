/**
 * Request and response shapes, as zod schemas: routes validate with them and
 * the OpenAPI document is generated from them, so the two never drift apart.
 */
import { z } from 'zod';

/** Largest page of articles one request may ask for: enough for a UI list, small enough to answer quickly. */
export const MAX_PAGE_SIZE = 500;
/** Articles per page when the client does not say. */
export const DEFAULT_PAGE_SIZE = 50;
/** Longest search query: a few sentences; longer is not a search. */
export const MAX_QUERY_CHARS = 500;
/** Most search results returned. */
export const MAX_SEARCH_RESULTS = 100;

const httpUrl = z
  .string()
  .max(4096)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), { message: 'must be an http:// or https:// URL' });

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).default(0),
  full: z.enum(['true', 'false']).optional().describe('include each article\'s full text'),
});

/** Stories per page when the client does not say: a screenful of the library. */
export const DEFAULT_STORY_PAGE = 100;

export const StoryListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_STORY_PAGE),
  offset: z.coerce.number().int().min(0).default(0),
  order: z.enum(['created', 'changed']).default('created').describe('created: in the order the stories began; changed: most recently changed first'),
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(MAX_QUERY_CHARS),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_RESULTS).default(20),
});

export const ExportQuery = z.object({
  format: z.enum(['json', 'md', 'html', 'csv']).default('json'),
  table: z.enum(['quotes', 'timeline', 'entities']).optional(),
});

export const IdParam = z.object({ id: z.string().min(1).max(200) });

/** One of four JSON bodies; exactly one content field is set. */
export const AddArticleBody = z.union([
  z.strictObject({ url: httpUrl }),
  z.strictObject({ text: z.string().min(1), title: z.string().max(1000).optional(), url: httpUrl.optional() }),
  z.strictObject({ html: z.string().min(1), url: httpUrl.optional() }),
  z.strictObject({ feed: z.string().min(1), url: httpUrl.optional() }),
]);
export type AddArticleBody = z.infer<typeof AddArticleBody>;

export const EntityPairBody = z.strictObject({
  a: z.string().trim().min(1).max(300).describe('entity id or canonical name'),
  b: z.string().trim().min(1).max(300).describe('entity id or canonical name'),
});

export const ErrorSchema = z.object({
  error: z.object({ code: z.string().describe('stable code, e.g. E_VALIDATION'), message: z.string() }),
});

const Span = { start: z.number().int(), end: z.number().int() };

export const ArticleSummarySchema = z.object({
  id: z.string(),
  source: z.object({ path: z.string().optional(), url: z.string().optional(), item: z.string().optional() }),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  author: z.string().nullable(),
  published: z.string().nullable(),
  section: z.string().nullable(),
  kind: z.enum(['news', 'opinion', 'analysis', 'other']),
  url: z.string().nullable(),
  storyId: z.string().nullable().describe('the story the article belongs to; null for a near-duplicate'),
  addedAt: z.string(),
  duplicateOf: z.string().nullable(),
  text: z.string().optional().describe('only with full=true'),
});

export const ArticleSchema = ArticleSummarySchema.extend({
  text: z.string(),
  entities: z.array(z.object({ text: z.string(), ...Span, type: z.string(), entity: z.string().describe('in a story: the id of one of story.entities') })),
  quotes: z.array(z.object({ text: z.string(), ...Span, direct: z.boolean(), speaker: z.string().nullable(), cue: z.string().nullable() })),
  times: z.array(z.object({ text: z.string(), ...Span, value: z.string().nullable() })),
  events: z.array(z.object({ date: z.string().nullable(), actor: z.string().nullable(), action: z.string(), summary: z.string(), evidence: z.string(), ...Span })),
});

export const AddResultSchema = z.object({
  articles: z.array(ArticleSchema),
  duplicates: z.array(z.object({ input: z.string(), id: z.string(), status: z.enum(['duplicate', 'near-duplicate']), duplicateOf: z.string().optional() })),
  failures: z.array(z.object({ input: z.string(), code: z.string(), message: z.string() })),
  warnings: z.array(z.object({ input: z.string(), code: z.string(), message: z.string() }))
    .describe('what was partial or corrected in the articles kept: a cut record or page, replaced bytes, an analysis cut at the per-article limit'),
});

const StoryBaseSchema = z.object({ id: z.string(), title: z.string(), articles: z.array(z.string()) });

export const StorySummarySchema = StoryBaseSchema.extend({ stale: z.boolean().describe('changed since its latest build: a rebuild is queued') });

/** When the served build was made, and whether changes wait for the next one; null before the first build. */
export const BuildSchema = z.object({
  version: z.number().int(),
  builtAt: z.string(),
  stale: z.boolean(),
  buildMs: z.number(),
}).nullable();

export const StorySchema = StoryBaseSchema.extend({
  entities: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), aliases: z.array(z.string()), articles: z.array(z.string()) })),
  timeline: z.array(z.object({ date: z.string(), actors: z.array(z.string()), summary: z.string() })),
  stances: z.array(z.object({ actor: z.string(), topic: z.string(), position: z.string(), date: z.string().nullable(), article: z.string(), evidence: z.string() })),
  contradictions: z.array(z.object({ kind: z.string(), claim: z.string() })),
  roundings: z.array(z.object({ kind: z.literal('rounding'), claim: z.string() })).optional(),
  quoteVariants: z.array(z.object({ speaker: z.string() })),
  singleSource: z.array(z.object({ article: z.string(), claim: z.string(), evidence: z.string() })),
  framing: z.array(z.object({ article: z.string(), kind: z.string() })),
});

/** The analyst's stored corrections that still stand (of a merge and an unmerge of one pair, the later one). */
export const OverridesSchema = z.object({
  merges: z.array(z.object({ a: z.string(), b: z.string() })),
  unmerges: z.array(z.object({ a: z.string(), b: z.string() })),
});

export const SearchResultSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  snippet: z.string().describe('text around the matches, each wrapped in **'),
  rank: z.number(),
});
