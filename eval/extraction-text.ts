/**
 * Text-dump extraction on the 91 flattened pages of ../shared/eval-data/extraction, scored with
 * the benchmark's shingle F1. The honest figure is `cv_f1`: each page's body predicted by a model
 * trained on the other folds. `f1` is the committed model (trained on all 91 pages) through the
 * full extractFromText path, so it is in-sample and optimistic.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractFromText } from '../src/extract/text/index.js';
import { crossValidatedBodies, loadLabelledPages } from '../src/extract/text/training.js';
import { aggregate, scorePage, type CorpusScore } from './metrics/shingle-f1.js';
import { EVAL_DATA_DIR, missingData } from './paths.js';
import type { EvalResult, EvalTask } from './types.js';

const DATA = path.join(EVAL_DATA_DIR, 'extraction');
const FOLDS = 5;
/** Word-count floors for the "long lines only" baselines. */
const MIN_WORDS_BASELINES = [5, 10, 20] as const;

function row(system: string, s: CorpusScore): Record<string, string | number> {
  return { system, precision: +s.precision.toFixed(3), recall: +s.recall.toFixed(3), f1: +s.f1.toFixed(3) };
}

export const task: EvalTask = {
  name: 'extraction-text',
  async run(): Promise<EvalResult> {
    const data = `91 text dumps of ${path.relative(process.cwd(), DATA)}`;
    const missing = missingData(path.join(DATA, 'text'));
    if (missing) return { task: this.name, data, rows: [], metrics: {}, skipped: missing };
    const pages = loadLabelledPages(path.join(DATA, 'text'), path.join(DATA, 'ground-truth.json'));
    const score = (predict: (p: (typeof pages)[number]) => string): CorpusScore =>
      aggregate(pages.map((p) => scorePage(predict(p), p.goldBody)));

    const rows = [row('all lines', score((p) => p.lines.map((l) => l.text).join('\n')))];
    for (const n of MIN_WORDS_BASELINES) {
      rows.push(row(`lines >= ${n} words`, score((p) => p.lines.filter((l) => l.words >= n).map((l) => l.text).join('\n'))));
    }
    const started = Date.now();
    const cv = crossValidatedBodies(pages, FOLDS);
    const cvScore = score((p) => cv.get(p.id) ?? '');
    rows.push({ ...row(`line classifier, ${FOLDS}-fold CV`, cvScore), ms: Date.now() - started });
    const committed = score((p) => extractFromText(readFileSync(path.join(DATA, 'text', `${p.id}.txt`), 'utf8')).text);
    rows.push(row('committed model, extractFromText (in-sample)', committed));
    return {
      task: this.name,
      data,
      rows,
      metrics: { f1: committed.f1, precision: committed.precision, recall: committed.recall, cv_f1: cvScore.f1 },
    };
  },
};
