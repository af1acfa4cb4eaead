/**
 * Train the entity tagger (structured averaged perceptron, BILOU, Viterbi) on
 * Universal NER English-EWT and write `models/ner-perceptron.json`.
 *
 *   npm run train:ner                           reproduces the shipped model (train+dev, SHIPPED_EPOCHS)
 *   npm run train:ner -- --select --epochs 12   trains on train only, keeps the epoch with the best dev F1
 *   npm run train:ner -- --no-clusters          without the word-cluster features
 *   npm run train:ner -- --two-pass             adds a document-consistency second pass (jackknifed first-pass labels)
 *   npm run train:ner -- --runs 1               one shuffle order instead of the average of four
 *
 * Labelled data: ../shared/eval-data/ner/{train,dev}.jsonl (UNER v1, CC BY-SA 4.0).
 * Unlabeled text for the word clusters (never the test split): the texts of
 * ../shared/eval-data/quotes/polnear-{train,dev}.json, ../shared/eval-data/timex
 * (TimeBank + AQUAINT) and UNER train+dev. Only word → cluster ids go into the model.
 * Deterministic: the shuffle and the clustering are seeded.
 */
import { readFileSync, writeFileSync, mkdirSync, statSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { trainTagger, type TrainingSentence } from '../src/annotate/entities/train.js';
import { modelFromFile, type PerceptronModelFile, type TaggerModel } from '../src/annotate/entities/perceptron.js';
import { gazetteerWith, type Lexicon, type GazetteerKind } from '../src/annotate/entities/gazetteer.js';
import { documentHints, documentLabels, alignPos, normalise } from '../src/annotate/entities/features.js';
import { learnWordClusters } from '../src/annotate/entities/wordclusters.js';
import { tokenize } from '../src/annotate/tokens/index.js';
import { runsFromBio, scoreMentions } from '../src/annotate/entities/bio.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DATA = path.resolve(REPO_ROOT, '../shared/eval-data');
const DATA_DIR = path.join(EVAL_DATA, 'ner');
const OUT = path.join(REPO_ROOT, 'models/ner-perceptron.json');
/** Fixed shuffle seed: the same model on every run. */
const SEED = 20240611;
/** Epochs of the shipped model (and of a `--two-pass` second pass): where the dev F1 of a `--select` run peaked. */
const SHIPPED_EPOCHS = 5;
const SHIPPED_SECOND_EPOCHS = 4;
/** Shuffle orders whose weights are averaged (see `TrainOptions.runs`). */
const RUNS = arg('runs', 4);
/** Folds of the jackknife that gives the second pass's training data first-pass labels. */
const FOLDS = 4;
/** Averaged weights below this are dropped from the file: keeps it small at no measured cost. */
const PRUNE = arg('prune', 0.01);
/** Word-cluster settings: 16 × 8 × 8 = 1024 leaves over words seen at least twice. */
const CLUSTER_OPTIONS = { minCount: 2, contextWords: 1500, dimensions: 96, branching: [16, 8, 8], iterations: 12, seed: SEED };

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

interface UnerRecord {
  readonly doc: string;
  readonly text: string;
  readonly tokens: { readonly t: string; readonly start: number }[];
  readonly tags: string[];
}

/** compromise's lexicon tags, mapped to gazetteer kinds: the lists ship inside the model file. */
const COMPROMISE_KINDS: Record<string, GazetteerKind> = {
  Country: 'GPE', City: 'GPE', Region: 'GPE', Place: 'LOC', Organization: 'ORG', SportsTeam: 'ORG',
  LastName: 'LAST', FirstName: 'FIRST', MaleName: 'FIRST', FemaleName: 'FIRST', Person: 'PERSON',
};

/** Derive the name lists from compromise's lexicon (sorted, so the file is stable). */
function compromiseLexicon(): Lexicon {
  const lexicon = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon;
  const out: Partial<Record<GazetteerKind, string[]>> = {};
  for (const [phrase, tags] of Object.entries(lexicon)) {
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      const kind = COMPROMISE_KINDS[tag];
      if (kind) (out[kind] ??= []).push(phrase);
    }
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

const lexicon = compromiseLexicon();

function readRecords(file: string): UnerRecord[] {
  return readFileSync(path.join(DATA_DIR, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as UnerRecord);
}

/** Training sentences grouped by document, in file order. */
function load(records: readonly UnerRecord[]): TrainingSentence[][] {
  const gazetteer = gazetteerWith(lexicon);
  const byDoc = new Map<string, UnerRecord[]>();
  for (const r of records) byDoc.set(r.doc, [...(byDoc.get(r.doc) ?? []), r]);
  return [...byDoc.values()].map((docRecords) => {
    const sentences = docRecords.map((r) => r.tokens.map((t) => t.t));
    const hints = documentHints(sentences);
    // parts of speech as the pipeline's tokens stage gives them, aligned to the gold tokens by offset
    return docRecords.map((r, i) => ({
      words: sentences[i]!, gazetteer: gazetteer.tag(sentences[i]!), document: hints[i]!, pos: alignPos(tokenize(r.text).tokens, r.tokens), tags: r.tags,
    }));
  });
}

/** The sentences of `docs` with the document labels of a first pass by `tagger`. */
function withLabels(docs: readonly TrainingSentence[][], tagger: TaggerModel): TrainingSentence[][] {
  return docs.map((sentences) => {
    const labels = documentLabels(sentences.map((s) => s.words), sentences.map((s) => tagger.decode(s)));
    return sentences.map((s, i) => ({ ...s, labels: labels[i]! }));
  });
}

/**
 * First-pass labels for the second pass's training data as it will see them
 * at run time: each fold is tagged by a first pass trained on the other folds.
 */
function jackknife(docs: readonly TrainingSentence[][], epochs: number): TrainingSentence[][] {
  const out: TrainingSentence[][] = new Array(docs.length);
  for (let k = 0; k < FOLDS; k++) {
    const rest = docs.filter((_, i) => i % FOLDS !== k).flat();
    const tagger = modelFromFile({ ...trainTagger(rest, { epochs, prune: PRUNE, seed: SEED, ...(clusters ? { clusters } : {}) }), ...(clusters ? { clusters: Object.fromEntries(clusters) } : {}) });
    const held = docs.map((d, i) => (i % FOLDS === k ? d : undefined));
    const labelled = withLabels(held.filter((d): d is TrainingSentence[] => !!d), tagger);
    let j = 0;
    held.forEach((d, i) => {
      if (d) out[i] = labelled[j++]!;
    });
    console.log(`jackknife fold ${k + 1}/${FOLDS} done`);
  }
  return out;
}

/** Words and punctuation of raw text, for the clusters (a light split: only neighbours matter). */
const WORD = /[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

/** Lines of unlabeled text, each as normalised words. */
function* unlabeledSentences(uner: readonly UnerRecord[]): Generator<string[]> {
  const lines = (text: string): string[][] =>
    text
      .split(/\n+/)
      .map((line) => (line.match(WORD) ?? []).map(normalise))
      .filter((words) => words.length > 0);
  for (const file of ['polnear-train.json', 'polnear-dev.json']) {
    const p = path.join(EVAL_DATA, 'quotes', file);
    if (!existsSync(p)) continue;
    for (const article of JSON.parse(readFileSync(p, 'utf8')) as { text: string }[]) yield* lines(article.text);
  }
  for (const part of ['TimeBank', 'AQUAINT']) {
    const dir = path.join(EVAL_DATA, 'timex/TBAQ-cleaned', part);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.tml')).sort()) {
      const xml = readFileSync(path.join(dir, f), 'utf8');
      const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
      yield* lines(body.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/``|''/g, '"'));
    }
  }
  for (const r of uner) yield r.tokens.map((t) => normalise(t.t));
}

const started = Date.now();
const trainRecords = readRecords('train.jsonl');
const devRecords = readRecords('dev.jsonl');
const trainDocs = load(trainRecords);
const devDocs = load(devRecords);
const train = trainDocs.flat();
const dev = devDocs.flat();
const useClusters = !process.argv.includes('--no-clusters');
const clusterStart = Date.now();
const clusters = useClusters ? learnWordClusters(unlabeledSentences([...trainRecords, ...devRecords]), CLUSTER_OPTIONS) : undefined;
if (clusters) console.log(`word clusters: ${clusters.size} words, ${((Date.now() - clusterStart) / 1000).toFixed(1)} s`);
const devScore = (model: TaggerModel, sentences: readonly TrainingSentence[] = dev) =>
  scoreMentions(
    sentences.map((s) => ({ gold: runsFromBio(s.tags), predicted: runsFromBio(model.decode(s)) })),
    ['PER', 'ORG', 'LOC'],
  );
const report = (label: string, s: ReturnType<typeof devScore>): void =>
  console.log(`${label}: dev F1 ${s.micro.f1.toFixed(4)} (PER ${s.byType.PER!.f1.toFixed(3)}, ORG ${s.byType.ORG!.f1.toFixed(3)}, LOC ${s.byType.LOC!.f1.toFixed(3)})`);
const withClusters = <T extends object>(file: T) => ({ ...file, ...(clusters ? { clusters: Object.fromEntries(clusters) } : {}) });
/** By default train on train+dev for the epoch counts chosen by a `--select` run on dev. */
const withDev = !process.argv.includes('--select');
/** The document-consistency second pass measured no dev gain (0.6976 → 0.6981), at twice the tagging time: opt-in. */
const twoPass = process.argv.includes('--two-pass');
const model = trainTagger(withDev ? [...train, ...dev] : train, {
  epochs: arg('epochs', SHIPPED_EPOCHS),
  prune: PRUNE,
  seed: SEED,
  runs: RUNS,
  ...(clusters ? { clusters } : {}),
  log: (line) => console.log(line),
  onEpoch: (epoch, m) => (withDev ? epoch : devScore(m).micro.f1),
});
const firstEpochs = Number(model.meta?.epoch ?? SHIPPED_EPOCHS);
if (!withDev) report('first pass, pruned as stored', devScore(modelFromFile(withClusters(model))));
let secondPass: PerceptronModelFile | undefined;
if (twoPass) {
  const labelledTrain = jackknife(withDev ? [...trainDocs, ...devDocs] : trainDocs, firstEpochs).flat();
  const labelledDev = withLabels(devDocs, modelFromFile(withClusters(model))).flat();
  secondPass = trainTagger(labelledTrain, {
    epochs: arg('second-epochs', SHIPPED_SECOND_EPOCHS),
    prune: PRUNE,
    seed: SEED,
    runs: RUNS,
    ...(clusters ? { clusters } : {}),
    log: (line) => console.log('second pass ' + line),
    onEpoch: (epoch, m) => (withDev ? epoch : devScore(m, labelledDev).micro.f1),
  });
  if (!withDev) report('second pass, pruned as stored', devScore(modelFromFile(withClusters(secondPass)), labelledDev));
}
mkdirSync(path.dirname(OUT), { recursive: true });
const trainedOn =
  `Universal NER v1 English-EWT ${withDev ? 'train+dev' : 'train'} split (CC BY-SA 4.0); epochs chosen on dev` +
  (clusters ? '; word clusters from the unlabeled texts of PolNeAR, TimeBank/AQUAINT and UNER train+dev (ids only)' : '');
const secondPassPart = secondPass ? { secondPass: { tags: secondPass.tags, scale: secondPass.scale, features: secondPass.features } } : {};
writeFileSync(OUT, JSON.stringify({ ...model, ...secondPassPart, lexicon, trainedOn }));
const seconds = (Date.now() - started) / 1000;
console.log(
  `wrote ${path.relative(REPO_ROOT, OUT)}: ${Object.keys(model.features).length} features, ` +
    `${(statSync(OUT).size / 1e6).toFixed(1)} MB, best epoch ${model.meta?.epoch}, ${seconds.toFixed(0)} s`,
);
