import type { Doc } from '../core/index.js';
import type { IngestOptions } from '../ingest/index.js';
import { createArticlePipeline } from '../annotate/index.js';
import { toArticleJson, annotationsToJson, type ArticleJson, type AnnotationsJson } from '../report/index.js';
import { readArticles } from './read-articles.js';
import type { ParallaxError } from '../core/index.js';

export type AnalyzedArticle = ArticleJson & AnnotationsJson;

/** CONTRACT.md's `Analysis`. Stories are filled by the story stages. */
export interface Analysis {
  articles: AnalyzedArticle[];
  stories: unknown[];
}

export interface AnalyzeResult {
  analysis: Analysis;
  docs: Doc[];
  failures: { input: string; error: ParallaxError }[];
}

/** Annotate one Doc with the full per-article pipeline. */
export function annotateDoc(doc: Doc): Doc {
  return createArticlePipeline().run(doc);
}

/**
 * Read, extract and annotate every article in the inputs. Duplicate articles (same content id) count once.
 * Bad inputs are returned as failures, never thrown.
 */
export async function analyzeInputs(
  inputs: readonly string[],
  options: IngestOptions & { onArticle?: (input: string) => void } = {},
): Promise<AnalyzeResult> {
  const pipeline = createArticlePipeline();
  const docs: Doc[] = [];
  const seen = new Set<string>();
  const failures: AnalyzeResult['failures'] = [];
  for await (const result of readArticles(inputs, options)) {
    options.onArticle?.(result.input);
    if (!result.ok) { failures.push({ input: result.input, error: result.error }); continue; }
    if (seen.has(result.doc.id)) continue;
    seen.add(result.doc.id);
    docs.push(pipeline.run(result.doc));
  }
  const articles = docs.map((doc) => ({ ...toArticleJson(doc), ...annotationsToJson(doc) }));
  return { analysis: { articles, stories: [] }, docs, failures };
}

/**
 * The library's front door: analyse files, folders or URLs and get the contract's `Analysis`,
 * with the inputs that could not be read listed in `failures` (never thrown).
 *
 * @example
 * import { analyze } from 'parallax';
 * const { articles } = await analyze(['articles/']);
 * for (const q of articles[0].quotes) console.log(q.speaker, q.text);
 */
export async function analyze(
  inputs: string | readonly string[],
  options: IngestOptions = {},
): Promise<Analysis & { failures: { input: string; code: string; message: string }[] }> {
  const { analysis, failures } = await analyzeInputs(typeof inputs === 'string' ? [inputs] : inputs, options);
  return { ...analysis, failures: failures.map((f) => ({ input: f.input, code: f.error.code, message: f.error.message })) };
}
