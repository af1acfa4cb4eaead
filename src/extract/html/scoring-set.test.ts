import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from './index.js';
import { loadScoringSet } from './scoring-set.js';
import { aggregate, scorePage } from '../../../eval/metrics/shingle-f1.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DATA_DIR = path.resolve(REPO_ROOT, '../shared/eval-data/extraction');
const present = existsSync(path.join(DATA_DIR, 'ground-truth.json'));
if (!present) console.info(`${DATA_DIR} is absent: the extraction benchmark test is skipped`);

/** Shingle F1 of the Zyte benchmark, averaged the benchmark's way. */
function f1Of(pairs: { predicted: string; gold: string }[]): number {
  return aggregate(pairs.map(({ predicted, gold }) => scorePage(predicted, gold))).f1;
}

describe.skipIf(!present)('the shared extraction benchmark (../shared/eval-data/extraction)', () => {
  it('extracts bodies with a higher shingle F1 than plain Readability.js', () => {
    const pages = loadScoringSet(DATA_DIR);
    expect(pages.length).toBeGreaterThan(50);
    const ours = pages.map((p) => {
      let predicted = '';
      try {
        predicted = extractFromHtml(p.html, { url: p.url }).text;
      } catch {
        predicted = '';
      }
      return { predicted, gold: p.gold };
    });
    const theirs = pages.map((p) => {
      const { document } = parseHTML(p.html);
      return { predicted: new Readability(document as unknown as Document).parse()?.textContent ?? '', gold: p.gold };
    });
    const oursF1 = f1Of(ours);
    const theirsF1 = f1Of(theirs);
    console.info(`extraction F1: parallax ${oursF1.toFixed(3)}, readability ${theirsF1.toFixed(3)}`);
    expect(oursF1).toBeGreaterThan(theirsF1);
    // Every text is clean: no entities, no runs of blank lines.
    for (const { predicted } of ours) {
      expect(predicted).not.toMatch(/&(amp|nbsp|quot|#\d+);/);
      expect(predicted).not.toMatch(/\n{3,}/);
    }
  }, 240_000); // 91 pages through two extractors: minutes on a loaded 2-core machine
});
