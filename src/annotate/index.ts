import { createPipeline, type Pipeline } from '../core/index.js';
import { tokens } from './tokens/index.js';
import { entities } from './entities/index.js';
import { times } from './times/index.js';
import { quotes } from './quotes/index.js';
import { events } from './events/index.js';
import { withBudget, type AnalysisBudget } from './budget.js';

export { tokens, type Token } from './tokens/index.js';
export { entities, type EntityMention, type ArticleEntity, type EntityType } from './entities/index.js';
export { times, findTimeExpressions, type Timex } from './times/index.js';
export { quotes, findQuotes, type Quote } from './quotes/index.js';
export { withBudget, analysedPart, DEFAULT_ANALYSIS_BUDGET, ANALYSIS_CAPPED, type AnalysisBudget } from './budget.js';
export { events, findEvents, ACTION_TAXONOMY, type Event, type ActionClass } from './events/index.js';

/**
 * The per-article language pipeline: sentences and tokens, entities, time expressions,
 * quotes with speakers, events. Each stage adds one offset-based layer to the Doc.
 * An article over the analysis budget is analysed up to it, with a warning (see `withBudget`).
 *
 * @example
 * const annotated = createArticlePipeline().run(doc);
 * annotated.layers.quotes?.map((q) => annotated.text.slice(q.start, q.end));
 */
export function createArticlePipeline(options: { budget?: AnalysisBudget } = {}): Pipeline {
  return withBudget(createPipeline([tokens(), entities(), times(), quotes(), events()]), options.budget);
}
