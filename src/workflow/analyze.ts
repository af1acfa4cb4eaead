import { ParallaxError, StageError, describeError, type Doc, type Message } from '../core/index.js';
import type { IngestOptions } from '../ingest/index.js';
import { buildStories, type Story, type UnmergeRule } from '../story/index.js';
import { toArticleJson, annotationsToJson, type ArticleJson, type AnnotationsJson, type BriefArticle } from '../report/index.js';
import { readArticles } from './read-articles.js';
import { annotateArticle } from './annotate-pool.js';
import { runAnnotateJob } from './annotate-job.js';
import { strictFailure, warningsOf } from './page-to-doc.js';

export type AnalyzedArticle = ArticleJson & AnnotationsJson;

/** CONTRACT.md's `Analysis`: every article with its layers, and the stories they form. */
export interface Analysis {
  articles: AnalyzedArticle[];
  stories: Story[];
}

export interface AnalyzeResult {
  analysis: Analysis;
  docs: Doc[];
  failures: { input: string; error: ParallaxError }[];
}

/** Annotate one Doc with the full per-article pipeline. */
export function annotateDoc(doc: Doc): Doc {
  // The pool's own job on this thread: the pipeline (and its models) built once per process.
  return runAnnotateJob({ ...doc, layers: {} });
}

/**
 * Group annotated docs into stories and express each article with story-wide entity ids
 * (an article's `entities[].entity` is the id of a `Story.entities` item).
 */
export function analyzeDocs(docs: readonly Doc[], options: { unmerge?: readonly UnmergeRule[] } = {}): Analysis {
  const built = buildStories(docs, options);
  const storyOf = new Map<string, (typeof built)[number]>();
  for (const b of built) for (const id of b.story.articles) storyOf.set(id, b);
  const articles = docs.map((doc) => {
    const b = storyOf.get(doc.id);
    const resolve = (local: string) => b?.entities.resolve(doc.id, local) ?? `${doc.id}/${local}`;
    const nameOf = (local: string) => {
      const id = b?.entities.resolve(doc.id, local);
      return id ? b?.entities.get(id)?.name : undefined;
    };
    return { ...withFramedKind(toArticleJson(doc), doc, b?.story), ...annotationsToJson(doc, resolve, nameOf) };
  });
  return { articles, stories: built.map((b) => b.story) };
}

/**
 * The page said nothing of the article's kind, so extraction assumed news; the story's
 * framing read the text itself (first person, hedged analysis, numbered factors): use that, with its evidence.
 */
function withFramedKind(article: ArticleJson, doc: Doc, story: Story | undefined): ArticleJson {
  if (doc.meta.kind?.evidence.source !== 'inferred') return article;
  const framing = story?.framing.find((f) => f.article === doc.id);
  if (!framing || framing.kind === article.kind) return article;
  return {
    ...article,
    kind: framing.kind as ArticleJson['kind'],
    evidence: { ...article.evidence, kind: { source: 'inferred', at: 'text signals', raw: framing.kindEvidence } },
  };
}

/**
 * Read, extract and annotate every article in the inputs, then build the stories they form.
 * Duplicate articles (same content id) count once. Bad inputs are returned as failures, never thrown.
 */
export async function analyzeInputs(
  inputs: readonly string[],
  options: IngestOptions & {
    onArticle?: (input: string) => void;
    /** Called with each kept article's warnings (a cut record, a capped analysis). */
    onWarnings?: (input: string, warnings: readonly Message[]) => void;
    /** Warnings are failures: an article with any is left out and listed in `failures`. */
    strict?: boolean;
    /** A fresh deadline signal per article (e.g. `() => AbortSignal.timeout(ms)`). */
    signal?: () => AbortSignal;
    unmerge?: readonly UnmergeRule[];
  } = {},
): Promise<AnalyzeResult> {
  const docs: Doc[] = [];
  const seen = new Set<string>();
  const failures: AnalyzeResult['failures'] = [];
  for await (const result of readArticles(inputs, options)) {
    options.onArticle?.(result.input);
    if (!result.ok) { failures.push({ input: result.input, error: result.error }); continue; }
    if (seen.has(result.doc.id)) continue;
    seen.add(result.doc.id);
    try {
      const doc = await annotateArticle(result.doc, { name: result.input, ...(options.signal ? { signal: options.signal() } : {}) });
      if (options.strict && warningsOf(doc).length > 0) {
        failures.push({ input: result.input, error: strictFailure(result.input, doc) });
        continue;
      }
      options.onWarnings?.(result.input, warningsOf(doc));
      docs.push(doc);
    } catch (err) {
      failures.push({ input: result.input, error: err instanceof ParallaxError ? err : new StageError('E_STAGE_FAILED', `${result.input}: ${describeError(err)}`) });
    }
  }
  return { analysis: analyzeDocs(docs, options), docs, failures };
}

/** What the brief needs to cite an article. */
export function briefArticle(article: ArticleJson): BriefArticle {
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    kind: article.kind,
    url: article.url,
    path: article.source.path ?? null,
  };
}

/**
 * The library's front door: analyse files, folders or URLs and get the contract's `Analysis`,
 * with the inputs that could not be read listed in `failures` (never thrown).
 *
 * @example
 * import { analyze } from 'parallax';
 * const { articles, stories } = await analyze(['articles/']);
 * for (const c of stories[0].contradictions) console.log(c.claim, c.sides.map((s) => s.value));
 */
export async function analyze(
  inputs: string | readonly string[],
  options: IngestOptions = {},
): Promise<Analysis & { failures: { input: string; code: string; message: string }[] }> {
  const { analysis, failures } = await analyzeInputs(typeof inputs === 'string' ? [inputs] : inputs, options);
  return { ...analysis, failures: failures.map((f) => ({ input: f.input, code: f.error.code, message: f.error.message })) };
}
