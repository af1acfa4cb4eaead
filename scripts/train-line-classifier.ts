/**
 * Train the text-dump line classifier (body vs page furniture) on the extraction set's
 * text dumps and write models/line-classifier.json.
 *
 *   npm run train:lines            # data: ../shared/eval-data/extraction/{text,ground-truth.json}
 */
import { writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLabelledPages, trainOnPages } from '../src/extract/text/training.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(repoRoot, '../shared/eval-data/extraction');
const outPath = path.join(repoRoot, 'models/line-classifier.json');

const started = Date.now();
const pages = loadLabelledPages(path.join(dataDir, 'text'), path.join(dataDir, 'ground-truth.json'));
if (pages.length === 0) {
  console.error(`no labelled pages under ${dataDir}: is ../shared present?`);
  process.exit(1);
}
const model = trainOnPages(pages);
const lines = pages.reduce((n, p) => n + p.lines.length, 0);
const bodyLines = pages.reduce((n, p) => n + p.labels.filter(Boolean).length, 0);
writeFileSync(
  outPath,
  `${JSON.stringify({ ...model, trainedOn: `${pages.length} text dumps of ../shared/eval-data/extraction (${lines} lines, ${bodyLines} body); npm run train:lines` })}\n`,
);
console.log(
  `trained on ${pages.length} pages (${lines} lines, ${bodyLines} body) in ${Date.now() - started} ms; ` +
    `${Object.keys(model.weights).length}+${Object.keys(model.contextWeights).length} weights; ` +
    `${path.relative(repoRoot, outPath)} ${statSync(outPath).size} bytes`,
);
