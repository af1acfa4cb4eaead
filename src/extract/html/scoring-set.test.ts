import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from './index.js';
import { loadScoringSet } from './scoring-set.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DATA_DIR = path.resolve(REPO_ROOT, '../shared/eval-data/extraction');
const present = existsSync(path.join(DATA_DIR, 'ground-truth.json'));
if (!present) console.info(`${DATA_DIR} is absent: the extraction benchmark test is skipped`);

/** Shingle F1 of the Zyte benchmark (the same definition as eval/metrics/shingle-f1.ts). */
function f1Of(pairs: { predicted: string; gold: string }[]): number {
  const shingles = (t: string): Map<string, number> => {
    const tokens = t.match(/[\p{L}\p{N}_\p{M}]+/gu) ?? [];
    const m = new Map<string, number>();
    for (let i = 0; i + 4 <= tokens.length; i++) {
      const k = tokens.slice(i, i + 4).join(' ');
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const precisions: number[] = [];
  const recalls: number[] = [];
  for (const { predicted, gold } of pairs) {
    const p = shingles(predicted);
    const g = shingles(gold);
    let pn = 0;
    let gn = 0;
    let common = 0;
    for (const n of p.values()) pn += n;
    for (const [k, n] of g) {
      gn += n;
      common += Math.min(n, p.get(k) ?? 0);
    }
    if (pn > 0) precisions.push(common / pn);
    recalls.push(gn === 0 ? 1 : common / gn);
  }
  const P = precisions.reduce((a, b) => a + b, 0) / Math.max(1, precisions.length);
  const R = recalls.reduce((a, b) => a + b, 0) / Math.max(1, recalls.length);
  return (2 * P * R) / (P + R);
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
  });
});
