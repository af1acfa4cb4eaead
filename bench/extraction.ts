import path from 'node:path';
import { EVAL_DATA_DIR } from '../eval/paths.js';
import { extractFromHtml } from '../src/extract/html/index.js';
import { loadScoringSet } from '../src/extract/html/scoring-set.js';

/** Timed passes over the set after the warm-up: enough for a stable figure on a shared machine. */
const TIMED_PASSES = 3;

/**
 * HTML extraction throughput on one core: a warm-up pass, then timed passes
 * over the 91 pages of ../shared/eval-data/extraction in a single-threaded loop.
 * Peak memory is the process's max RSS. Pages: 0 when the data is absent.
 */
export async function benchExtraction(): Promise<{ pagesPerSecond: number; peakRssMb: number; pages: number }> {
  const pages = loadScoringSet(path.join(EVAL_DATA_DIR, 'extraction'));
  if (pages.length === 0) return { pagesPerSecond: 0, peakRssMb: process.resourceUsage().maxRSS / 1024, pages: 0 };
  const runAll = (): void => {
    for (const page of pages) {
      try {
        extractFromHtml(page.html, { url: page.url });
      } catch {
        // A page without an article still costs its time; the benchmark measures throughput only.
      }
    }
  };
  runAll();
  const start = process.hrtime.bigint();
  for (let i = 0; i < TIMED_PASSES; i++) runAll();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    pagesPerSecond: (pages.length * TIMED_PASSES) / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024, // maxRSS is in kilobytes
    pages: pages.length,
  };
}
