/**
 * Time expressions normalised to TimeML values: dates, times, durations and sets,
 * resolved against the publication date or the date the text gave just before.
 */
import type { Span, Stage } from '../../core/index.js';
import type { Timex } from './timex.js';
import { findTimeExpressions } from './find.js';

export type { Timex, TimexType, TimexAnchor, TimexMod } from './timex.js';
export { findTimeExpressions, type FindTimeOptions } from './find.js';
export { splitSentences } from './sentences.js';
export { weekAsMonth } from './calendar.js';

declare module '../../core/layers.js' {
  interface LayerMap {
    times: Timex[];
  }
}

/** Options of the times stage. */
export interface TimesOptions {
  /** Also take day and clock expressions only chrono-node finds (default false: measured no gain on TimeBank/AQUAINT, 4x slower). */
  readonly chrono?: boolean;
}

/**
 * The stage that adds the `times` layer. Relative expressions resolve from the article's
 * published date, else from the pipeline's reference date; it uses the `sentences` layer
 * when an earlier stage provided one.
 *
 * @example
 * createPipeline([times()]).run(doc).layers.times
 */
export function times(options: TimesOptions = {}): Stage<never, 'times'> {
  return {
    name: 'times',
    requires: [],
    provides: ['times'],
    run(doc, ctx) {
      const layers = doc.layers as { sentences?: readonly Span[] };
      const referenceDate = doc.meta.published?.value ?? ctx.referenceDate;
      return { times: findTimeExpressions(doc.text, { referenceDate, sentences: layers.sentences, chrono: options.chrono }) };
    },
  };
}
