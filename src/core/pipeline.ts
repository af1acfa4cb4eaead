import type { Doc, DocWith } from './doc.js';
import type { LayerMap } from './layers.js';
import { StageError, ParallaxError } from './errors.js';

export interface StageContext {
  /** Reference date for relative expressions when the article has none (ISO date). */
  readonly referenceDate?: string;
}

/** A pure step that reads the layers it requires and returns only the layers it provides. */
export interface Stage<R extends keyof LayerMap = keyof LayerMap, P extends keyof LayerMap = keyof LayerMap> {
  readonly name: string;
  readonly requires: readonly R[];
  readonly provides: readonly P[];
  run(doc: DocWith<R>, ctx: StageContext): Pick<LayerMap, P>;
}

/** A stage of any requirement set, as stored in a pipeline (methods are bivariant, so every Stage fits). */
export interface AnyStage {
  readonly name: string;
  readonly requires: readonly string[];
  readonly provides: readonly string[];
  run(doc: Doc, ctx: StageContext): object;
}

export interface Pipeline {
  readonly stages: readonly AnyStage[];
  run(doc: Doc, ctx?: StageContext): Doc;
}

/**
 * Build a pipeline, checking at build time that every stage's requirements
 * are provided by a stage before it.
 *
 * @example
 * const pipeline = createPipeline([sentences(), entities(), quotes()]);
 * const annotated = pipeline.run(doc);
 */
export function createPipeline(stages: readonly AnyStage[]): Pipeline {
  const provided = new Set<string>();
  for (const stage of stages) {
    for (const need of stage.requires as readonly string[]) {
      if (!provided.has(need)) {
        const by = stages.find((s) => (s.provides as readonly string[]).includes(need));
        const hint = by ? `add ${by.name}() before it` : `add a stage that provides ${need}`;
        throw new StageError('E_PIPELINE_ORDER', `${stage.name} requires ${need}: ${hint}`);
      }
    }
    for (const p of stage.provides as readonly string[]) provided.add(p);
  }
  return {
    stages,
    run(doc: Doc, ctx: StageContext = {}): Doc {
      let current = doc;
      for (const stage of stages) current = runStage(stage, current, ctx);
      return current;
    },
  };
}

/** Run one stage on a doc and add the layers it provides; a failure names the stage and the article. */
export function runStage(stage: AnyStage, doc: Doc, ctx: StageContext = {}): Doc {
  let added: object;
  try {
    added = stage.run(doc, ctx);
  } catch (err) {
    if (err instanceof ParallaxError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new StageError('E_STAGE_FAILED', `stage ${stage.name} failed on ${doc.id}: ${reason}`, { cause: err });
  }
  return { ...doc, layers: { ...doc.layers, ...added } };
}
