import type { Span, Stage } from '../../core/index.js';
import { withoutPartsOfLongerReports, withoutUnsourcedWrappers } from './nested.js';
import { findQuotes } from './find-quotes.js';
import type { ArticleEntityLike, EntityMentionLike, Quote, ReferenceLike } from './types.js';
import type { DependencyLike } from './syntax-view.js';

export type { Quote, EntityMentionLike, ArticleEntityLike, ReferenceLike } from './types.js';
export type { DependencyLike } from './syntax-view.js';
export { findQuotes, type FindQuotesOptions } from './find-quotes.js';

declare module '../../core/layers.js' {
  interface LayerMap {
    quotes: Quote[];
  }
}

/** Options of the quotes stage (none yet: the cue list is learned, see cues.json). */
export type QuotesOptions = Record<string, never>;

/**
 * The quotes stage: direct quotes and reported speech with speaker and cue.
 * Uses `doc.layers.sentences`, `tokens` + `syntax` (the speaker is the subject of its cue),
 * `entities`, `entityIndex` and `references` when earlier stages provided them (read
 * structurally, so this stage runs without them).
 *
 * @example
 * const pipeline = createPipeline([sentences(), entities(), quotes()]);
 */
export function quotes(_options: QuotesOptions = {}): Stage<never, 'quotes'> {
  return {
    name: 'quotes',
    requires: [],
    provides: ['quotes'],
    run(doc) {
      const layers = doc.layers as {
        sentences?: readonly Span[]; entities?: readonly EntityMentionLike[]; entityIndex?: readonly ArticleEntityLike[]; references?: readonly ReferenceLike[];
        tokens?: readonly Span[]; syntax?: readonly DependencyLike[];
      };
      return {
        // The attribution layer holds acts attributed to someone too (PolNeAR's), and parts of a longer report
        // read again at a cue inside it; quotes are the statements, each shown once.
        quotes: withoutUnsourcedWrappers(withoutPartsOfLongerReports(findQuotes(doc.text, {
          sentences: layers.sentences, entities: layers.entities, entityIndex: layers.entityIndex, references: layers.references,
          tokens: layers.tokens, syntax: layers.syntax,
        }).filter((q) => !q.act))),
      };
    },
  };
}
