/** Property tests of annotation: for any text the pipeline never throws, every span lies in the text in order, and it is deterministic. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentId, type Doc } from '../../src/core/index.js';
import { createArticlePipeline } from '../../src/annotate/index.js';
import { articleText } from './arbitraries.js';

const pipeline = createArticlePipeline();
/** A budget small enough to be hit by the generated texts, so the capped path is exercised too. */
const capped = createArticlePipeline({ budget: { maxChars: 400, maxSentences: 6, maxMentions: 5 } });

/** Every object with numeric `start` and `end` anywhere in a layer. */
function spansIn(value: unknown, out: { start: number; end: number }[] = []): { start: number; end: number }[] {
  if (Array.isArray(value)) for (const v of value) spansIn(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['start'] === 'number' && typeof o['end'] === 'number') out.push({ start: o['start'], end: o['end'] });
    for (const v of Object.values(o)) if (v && typeof v === 'object') spansIn(v, out);
  }
  return out;
}

function docOf(text: string): Doc {
  return { id: contentId(text), text, meta: { published: { value: '2025-04-08', evidence: { source: 'meta', at: 'test' } } }, source: {}, layers: {}, messages: [] };
}

describe('annotation, for any text', () => {
  for (const [name, run] of [['whole', pipeline], ['under a small budget', capped]] as const) {
    it(`never throws; every span is inside the text; tokens and sentences in order; the same twice (${name})`, () => {
      fc.assert(
        fc.property(articleText, (text) => {
          const out = run.run(docOf(text));
          expect(out.text).toBe(text);
          for (const [layer, value] of Object.entries(out.layers)) {
            for (const span of spansIn(value)) {
              expect(span.start, layer).toBeGreaterThanOrEqual(0);
              expect(span.end, layer).toBeGreaterThanOrEqual(span.start);
              expect(span.end, layer).toBeLessThanOrEqual(text.length);
            }
          }
          for (const layer of [out.layers.tokens ?? [], out.layers.sentences ?? []]) {
            for (let i = 1; i < layer.length; i++) expect(layer[i]!.start).toBeGreaterThanOrEqual(layer[i - 1]!.end);
          }
          expect(run.run(docOf(text))).toEqual(out);
        }),
        { numRuns: 80, seed: 21 },
      );
    }, 300_000);
  }
});
