import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { bodyText, selectBody } from './body.js';
import { strongestRegion } from './decode.js';
import { contextFeatures, pageFeatures, type LineFeatures } from './features.js';
import { labelLinesAgainstGold } from './gold-labels.js';
import { splitLines, type PageLine } from './lines.js';
import { DEFAULT_SWITCH_COST, scoreLine, trainLogistic, type LineModel, type TrainOptions, type Weights } from './model.js';

/** One text dump with its gold body, ready for training or scoring. */
export interface LabelledPage {
  readonly id: string;
  readonly lines: PageLine[];
  readonly features: LineFeatures[];
  readonly labels: boolean[];
  readonly goldBody: string;
}

/**
 * Read `<textDir>/<id>.txt` dumps and a `{ id: { articleBody } }` ground truth into labelled pages,
 * sorted by id so folds are reproducible.
 */
export function loadLabelledPages(textDir: string, groundTruthPath: string): LabelledPage[] {
  const gold = JSON.parse(readFileSync(groundTruthPath, 'utf8')) as Record<string, { articleBody: string }>;
  return readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((file) => {
      const id = file.replace(/\.txt$/, '');
      const goldBody = gold[id]?.articleBody;
      if (goldBody === undefined) return [];
      const lines = splitLines(readFileSync(path.join(textDir, file), 'utf8')).filter((l) => l.words > 0);
      return [{ id, lines, features: pageFeatures(lines), labels: labelLinesAgainstGold(lines, goldBody), goldBody }];
    });
}

/** Folds for the first pass's out-of-fold scores that the second pass learns from (stacking). */
const STACKING_FOLDS = 3;

function examplesOf(pages: readonly LabelledPage[]): Array<{ features: LineFeatures; body: boolean }> {
  return pages.flatMap((p) => p.features.map((features, i) => ({ features, body: p.labels[i]! })));
}

function secondPassExamples(page: LabelledPage, firstWeights: Weights): Array<{ features: LineFeatures; body: boolean }> {
  const first = page.features.map((f) => scoreLine(firstWeights, f));
  const strongest = strongestRegion(first, page.lines.map((l) => l.words));
  return contextFeatures(page.features, first, strongest).map((features, i) => ({ features, body: page.labels[i]! }));
}

/**
 * Train both passes on the given pages. The second pass learns from first-pass scores
 * predicted out of fold, so it sees scores as noisy as on unseen pages.
 */
export function trainOnPages(pages: readonly LabelledPage[], options: TrainOptions = {}): LineModel {
  const weights = trainLogistic(examplesOf(pages), options);
  const stacked: Array<{ features: LineFeatures; body: boolean }> = [];
  for (let k = 0; k < STACKING_FOLDS; k++) {
    const inner = trainLogistic(examplesOf(pages.filter((_, i) => i % STACKING_FOLDS !== k)), options);
    for (const page of pages.filter((_, i) => i % STACKING_FOLDS === k)) stacked.push(...secondPassExamples(page, inner));
  }
  const contextWeights = trainLogistic(stacked, options);
  return { version: 1, weights, contextWeights, switchCost: options.switchCost ?? DEFAULT_SWITCH_COST };
}

/**
 * k-fold cross-validation: each page's body is predicted by a model trained on the other folds.
 * Returns the predicted body per page id.
 */
export function crossValidatedBodies(
  pages: readonly LabelledPage[],
  folds: number,
  options: TrainOptions = {},
): Map<string, string> {
  const out = new Map<string, string>();
  for (let k = 0; k < folds; k++) {
    const train = pages.filter((_, i) => i % folds !== k);
    const test = pages.filter((_, i) => i % folds === k);
    const model = trainOnPages(train, options);
    for (const page of test) out.set(page.id, bodyText(page.lines, selectBody(page.lines, model).body));
  }
  return out;
}
