/**
 * The work one analysis job does, wherever it runs (a pool worker, or this
 * thread when workers are off): a page is extracted, then annotated; a doc is
 * annotated. Errors cross the thread boundary as plain data and are rebuilt
 * as the same ParallaxError class with the same code.
 */
import { ConfigError, ExtractError, IngestError, ParallaxError, StageError, StoreError, type Doc, type Pipeline } from '../core/index.js';
import type { IngestedPage } from '../ingest/index.js';
import { createArticlePipeline, type AnalysisBudget } from '../annotate/index.js';
import { docFromPage } from './page-to-doc.js';
import { runStoryBuildJob, type StoryBuildInput } from './story-build-job.js';

/** What a job is given: a read page (extracted, then annotated) or an extracted doc. */
export type AnnotateInput = Doc | IngestedPage;

/** A thrown error as data. */
export interface ErrorData {
  readonly name: string;
  readonly code?: string;
  readonly message: string;
}

const pipelines = new Map<string, Pipeline>();

function pipelineFor(budget: AnalysisBudget | undefined): Pipeline {
  const key = budget ? JSON.stringify(budget) : '';
  let pipeline = pipelines.get(key);
  if (!pipeline) pipelines.set(key, (pipeline = createArticlePipeline(budget ? { budget } : {})));
  return pipeline;
}

export function isPage(input: AnnotateInput): input is IngestedPage {
  return 'content' in input && 'format' in input;
}

/** Extract (for a page) and annotate: the annotated doc. */
export function runAnnotateJob(input: AnnotateInput, budget?: AnalysisBudget): Doc {
  const doc = isPage(input) ? docFromPage(input) : input;
  return pipelineFor(budget).run(doc);
}

/** One job of the analysis pool: annotate an article, or build a story from annotated articles. */
export type PoolWork =
  | { readonly kind: 'annotate'; readonly input: AnnotateInput; readonly budget?: AnalysisBudget }
  | { readonly kind: 'story'; readonly input: StoryBuildInput };

/** Run a pool job: the annotated doc, or the story build's data. */
export function runPoolWork(work: PoolWork): unknown {
  return work.kind === 'story' ? runStoryBuildJob(work.input) : runAnnotateJob(work.input, work.budget);
}

export function errorToData(err: unknown): ErrorData {
  if (err instanceof ParallaxError) return { name: err.name, code: err.code, message: err.message };
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'Error', message: String(err) };
}

const ERROR_CLASSES: Record<string, new (code: string, message: string) => ParallaxError> = {
  IngestError, ExtractError, StageError, StoreError, ConfigError, ParallaxError,
};

/** Rebuild an error sent as data; anything but a ParallaxError becomes a StageError naming the input. */
export function errorFromData(data: ErrorData, name: string): ParallaxError {
  const Class = ERROR_CLASSES[data.name];
  if (Class && data.code) return new Class(data.code, data.message);
  return new StageError('E_STAGE_FAILED', `${name}: analysis failed: ${data.message}`);
}
