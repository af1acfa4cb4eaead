import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { EvalTask, EvalResult } from './types.js';
import { EVAL_DATA_DIR, missingData } from './paths.js';
import { scorePage, aggregate, type PageScore } from './metrics/shingle-f1.js';
import { extractFromHtml } from '../src/extract/html/index.js';
import { loadScoringSet } from '../src/extract/html/scoring-set.js';

const DATA_DIR = path.join(EVAL_DATA_DIR, 'extraction');

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Parallax's body text for a page; an extraction error counts as empty output. */
function parallaxText(html: string, url: string): string {
  try {
    return extractFromHtml(html, { url }).text;
  } catch {
    return '';
  }
}

/** Plain Readability.js on the same linkedom parse: the baseline to beat. */
function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as Document).parse()?.textContent ?? '';
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Main-content extraction from HTML against the gold bodies of ../shared/eval-data/extraction, Parallax vs Readability. */
export const task: EvalTask = {
  name: 'extraction-html',
  async run(): Promise<EvalResult> {
    const missing = missingData(DATA_DIR);
    const pages = missing ? [] : loadScoringSet(DATA_DIR);
    if (missing || pages.length === 0) {
      return { task: 'extraction-html', data: DATA_DIR, rows: [], metrics: {}, skipped: missing ?? `${DATA_DIR} holds no pages: skipped` };
    }
    const systems = {
      parallax: { scores: [] as PageScore[], ms: [] as number[], run: (html: string, url: string) => parallaxText(html, url) },
      readability: { scores: [] as PageScore[], ms: [] as number[], run: (html: string) => readabilityText(html) },
    };
    for (const page of pages) {
      for (const system of Object.values(systems)) {
        const t0 = performance.now();
        const text = system.run(page.html, page.url);
        system.ms.push(performance.now() - t0);
        system.scores.push(scorePage(text, page.gold));
      }
    }
    const parallax = aggregate(systems.parallax.scores);
    const readability = aggregate(systems.readability.scores);
    const row = (system: string, s: typeof parallax, ms: number[]) => ({
      system,
      precision: round(s.precision),
      recall: round(s.recall),
      f1: round(s.f1),
      'median ms/page': round(median(ms)),
    });
    return {
      task: 'extraction-html',
      data: `${pages.length} pages of ../shared/eval-data/extraction`,
      rows: [row('parallax', parallax, systems.parallax.ms), row('readability.js 0.6.0', readability, systems.readability.ms)],
      metrics: { f1: parallax.f1, precision: parallax.precision, recall: parallax.recall, readability_f1: readability.f1 },
    };
  },
};
