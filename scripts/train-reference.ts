/**
 * Train the reference stage's mention ranker on GUM and write `models/reference.json`.
 *
 *   npm run train:reference                        the shipped model
 *   npm run train:reference -- --dry               the same, printing the figures without writing
 *   npm run train:reference -- --out /tmp/m.json   writes elsewhere
 *
 * Data: ../shared/eval-data/coref/{train,dev}/ (GUM coreference) and
 * ../shared/eval-data/syntax/en_gum-ud-{train,dev}.conllu (the same documents' texts and gold trees).
 * GUM's test split is never read here (it is scored by `npm run eval -- reference`).
 *
 * Two weight sets: grammar read from the gold trees ('parsed', used when an article has a
 * `syntax` layer) and from word order alone ('unparsed'). Each is trained in two rounds: on the
 * gold history, then adding the decisions met when the round-1 model's own links make the
 * history (as at run time). Each block's threshold is the one with the best F0.5 on
 * out-of-fold links of a 4-fold cross-validation over train+dev; the shipped weights are then
 * trained on all of train+dev. Deterministic: full-batch training from zero weights,
 * documents in name order, folds by position.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGumSplit } from '../src/annotate/reference/gum.js';
import { gumCase, type GumCase } from '../src/annotate/reference/gum-cases.js';
import { annotateReferences } from '../src/annotate/reference/annotate.js';
import { blockOf, type TrainingInstance } from '../src/annotate/reference/resolve.js';
import { BLOCKS, emptyModel, type Block, type GrammarSource, type ReferenceModel, type ReferenceModelFile } from '../src/annotate/reference/model.js';
import { NULL_FEATURES, PAIR_FEATURES } from '../src/annotate/reference/features.js';
import { chooseThreshold, trainRanker, type HeldOutLink } from '../src/annotate/reference/train.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DATA = path.resolve(REPO_ROOT, '../shared/eval-data');
const outAt = process.argv.indexOf('--out');
/** Where the model is written (`--out FILE` to try a variant without replacing the shipped one). */
const OUT = outAt > 0 ? path.resolve(process.argv[outAt + 1]!) : path.join(REPO_ROOT, 'models/reference.json');
const SOURCES: readonly GrammarSource[] = ['parsed', 'unparsed'];
/** Folds of the cross-validation that chooses the thresholds. */
const FOLDS = 4;
/** Thresholds tried. */
const GRID = Array.from({ length: 14 }, (_, i) => Number((0.35 + i * 0.05).toFixed(2)));
const dry = process.argv.includes('--dry');

type Decisions = Map<Block, TrainingInstance[]>;

/**
 * The decisions of every candidate of the cases, labelled with the gold; the history follows
 * the gold links, or (given a model) the model's own links as at run time.
 */
function collect(cases: readonly GumCase[], source: GrammarSource, into: Decisions, historyModel?: ReferenceModel): void {
  for (const c of cases) {
    annotateReferences(c.doc.text, c.layers, {
      model: historyModel ?? emptyModel(),
      ignoreSyntax: source === 'unparsed',
      oracle: (cand) => c.goldEntity(cand),
      record: (i) => into.get(i.block)!.push(i),
      predictedHistory: historyModel !== undefined,
    });
  }
}

/** Weights of every block (thresholds 0) for one grammar source, in the two rounds. */
function train(cases: readonly GumCase[], source: GrammarSource, log = false): ReferenceModel {
  const model = emptyModel(0);
  const decisions: Decisions = new Map(BLOCKS.map((b) => [b, []]));
  const fit = (): void => {
    for (const b of BLOCKS) {
      const instances = decisions.get(b)!;
      const { weights, loss } = trainRanker(instances);
      model[source][b] = { weights, threshold: 0 };
      if (log) console.log(`  ${source} ${b}: ${instances.length} decisions (${instances.filter((i) => i.gold > 0).length} with the entity in reach), training loss ${loss.toFixed(3)}`);
    }
  };
  collect(cases, source, decisions);
  fit();
  collect(cases, source, decisions, structuredClone(model));
  fit();
  return model;
}

/** Links a model makes on held-out cases (thresholds 0), per block, and how many candidates could be linked. */
function heldOut(cases: readonly GumCase[], model: ReferenceModel, source: GrammarSource, into: Map<Block, { links: HeldOutLink[]; linkable: number }>): void {
  for (const c of cases) {
    const a = annotateReferences(c.doc.text, c.layers, { model, ignoreSyntax: source === 'unparsed' });
    for (const cand of a.candidates) {
      const b = blockOf(cand);
      if (b && c.goldEntity(cand)) into.get(b)!.linkable++;
    }
    for (const l of a.links) {
      const b = blockOf(l.candidate);
      if (!b) continue;
      const gold = c.goldMention(l.candidate);
      into.get(b)!.links.push({ probability: l.score, right: gold !== undefined && c.goldEntity(l.candidate) !== null && c.chainOf.get(l.entity) === gold.chain });
    }
  }
}

function main(): void {
  const started = performance.now();
  const cases = [...readGumSplit(EVAL_DATA, 'train'), ...readGumSplit(EVAL_DATA, 'dev')].map((d) => gumCase(d, { entities: 'gold' }));
  const file: ReferenceModelFile = {
    about: 'Mention ranker of src/annotate/reference (softmax over leave-unlinked and the entities within reach), trained by scripts/train-reference.ts on GUM train+dev. See models/README.md.',
    features: [...PAIR_FEATURES, ...NULL_FEATURES],
    weights: { parsed: {}, unparsed: {} } as ReferenceModelFile['weights'],
    thresholds: { parsed: {}, unparsed: {} } as ReferenceModelFile['thresholds'],
  };
  for (const source of SOURCES) {
    const held = new Map<Block, { links: HeldOutLink[]; linkable: number }>(BLOCKS.map((b) => [b, { links: [], linkable: 0 }]));
    for (let f = 0; f < FOLDS; f++) {
      const model = train(cases.filter((_, i) => i % FOLDS !== f), source);
      heldOut(cases.filter((_, i) => i % FOLDS === f), model, source, held);
    }
    console.log(`${source}: thresholds by ${FOLDS}-fold cross-validation on GUM train+dev (${cases.length} documents)`);
    for (const b of BLOCKS) {
      const { links, linkable } = held.get(b)!;
      const t = chooseThreshold(links, linkable, GRID);
      file.thresholds[source][b] = t.threshold;
      console.log(`  ${b}: threshold ${t.threshold} → out-of-fold precision ${t.precision.toFixed(3)}, recall ${t.recall.toFixed(3)} (${linkable} candidates with their entity in the text)`);
    }
    const model = train(cases, source, true);
    for (const b of BLOCKS) file.weights[source][b] = [...model[source][b].weights].map((w) => Number(w.toFixed(5)));
  }
  if (!dry) {
    writeFileSync(OUT, JSON.stringify(file) + '\n');
    console.log(`wrote ${path.relative(REPO_ROOT, OUT)}`);
  }
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();
