/** Property tests of extraction: for any input it never throws anything but "no article", and answers the same way twice. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../src/core/index.js';
import { extractFromHtml } from '../../src/extract/html/index.js';
import { extractArticle } from '../../src/extract/index.js';
import { articleText, markup } from './arbitraries.js';

/** The codes that mean "there is no article in this": the one failure extraction may answer with. */
const NO_ARTICLE = ['E_NO_ARTICLE', 'E_TEXT_EMPTY'];

/** The result, or the ExtractError code: anything else thrown fails the property. */
function attempt<T>(run: () => T): T | { noArticle: string } {
  try {
    return run();
  } catch (err) {
    if (err instanceof ExtractError) return { noArticle: err.code };
    throw err;
  }
}

describe('extraction, for any input', () => {
  it('HTML: an article with blocks inside its text and in order, or no article; the same twice', () => {
    fc.assert(
      fc.property(markup, (html) => {
        const first = attempt(() => extractFromHtml(html));
        expect(attempt(() => extractFromHtml(html))).toEqual(first);
        if ('noArticle' in first) {
          expect(NO_ARTICLE).toContain(first.noArticle);
          return;
        }
        let previous = 0;
        for (const block of first.blocks ?? []) {
          expect(block.start).toBeGreaterThanOrEqual(previous);
          expect(block.end).toBeGreaterThanOrEqual(block.start);
          expect(block.end).toBeLessThanOrEqual(first.text.length);
          previous = block.end;
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('plain text: an article whose text is in the input, or no article; the same twice', () => {
    fc.assert(
      fc.property(articleText, (content) => {
        const page = { source: { path: 'any.txt' }, format: 'text' as const, content, encoding: 'utf-8', fetchedAt: '2025-04-08T00:00:00.000Z' };
        const first = attempt(() => extractArticle(page));
        expect(attempt(() => extractArticle(page))).toEqual(first);
        if ('noArticle' in first) expect(NO_ARTICLE).toContain(first.noArticle);
        else expect(first.text.length).toBeGreaterThanOrEqual(80);
      }),
      { numRuns: 150, seed: 12 },
    );
  });
});
