/**
 * Train the entity tagger (averaged perceptron, greedy BIO) on Universal NER
 * English-EWT and write `models/ner-perceptron.json`.
 *
 *   npm run train:ner                         reproduces the shipped model (train+dev, 6 epochs)
 *   npm run train:ner -- --select --epochs 12   trains on train only, keeps the epoch with the best dev F1
 *
 * Data: ../shared/eval-data/ner/{train,dev}.jsonl (UNER v1, CC BY-SA 4.0).
 * Deterministic: the shuffle is seeded.
 */
import { readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainTagger, type TrainingSentence } from '../src/annotate/entities/train.js';
import { decode, weightsFromFile, type Weights } from '../src/annotate/entities/perceptron.js';
import { gazetteerWith, type Lexicon, type GazetteerKind } from '../src/annotate/entities/gazetteer.js';
import { documentHints } from '../src/annotate/entities/features.js';
import nlp from 'compromise';
import { tokenize } from '../src/annotate/tokens/index.js';
import { alignPos } from '../src/annotate/entities/features.js';
import { runsFromBio, scoreMentions } from '../src/annotate/entities/bio.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.resolve(REPO_ROOT, '../shared/eval-data/ner');
const OUT = path.join(REPO_ROOT, 'models/ner-perceptron.json');
/** Fixed shuffle seed: the same model on every run. */
const SEED = 20240611;
/** Epochs of the shipped model: the best dev F1 of a `--select` run was reached by epoch 6. */
const SHIPPED_EPOCHS = 6;

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

/** Parts of speech as the pipeline's tokens stage gives them, aligned to the gold tokens by offset. */
function posOf(r: UnerRecord): string[] {
  return alignPos(tokenize(r.text).tokens, r.tokens);
}

function load(file: string): TrainingSentence[] {
  const gazetteer = gazetteerWith(lexicon);
  const records = readFileSync(path.join(DATA_DIR, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as UnerRecord);
  const byDoc = new Map<string, UnerRecord[]>();
  for (const r of records) byDoc.set(r.doc, [...(byDoc.get(r.doc) ?? []), r]);
  const out: TrainingSentence[] = [];
  for (const docRecords of byDoc.values()) {
    const sentences = docRecords.map((r) => r.tokens.map((t) => t.t));
    const hints = documentHints(sentences);
    docRecords.forEach((r, i) =>
      out.push({ words: sentences[i]!, gazetteer: gazetteer.tag(sentences[i]!), document: hints[i]!, pos: posOf(r), tags: r.tags }),
    );
  }
  return out;
}

const started = Date.now();
const train = load('train.jsonl');
const dev = load('dev.jsonl');
const devF1 = (weights: Weights): number =>
  scoreMentions(
    dev.map((s) => ({ gold: runsFromBio(s.tags), predicted: runsFromBio(decode(weights, s)) })),
    ['PER', 'ORG', 'LOC'],
  ).micro.f1;
/** By default train on train+dev for the epoch count chosen by a `--select` run on dev (6 when measured). */
const withDev = !process.argv.includes('--select');
const model = trainTagger(withDev ? [...train, ...dev] : train, {
  epochs: arg('epochs', SHIPPED_EPOCHS),
  prune: arg('prune', 0.001),
  seed: SEED,
  log: (line) => console.log(line),
  onEpoch: (epoch, weights) => (withDev ? epoch : devF1(weights)),
});
if (!withDev) console.log(`dev F1 of the pruned model as stored: ${devF1(weightsFromFile(model)).toFixed(4)}`);
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  JSON.stringify({ ...model, lexicon, trainedOn: `Universal NER v1 English-EWT ${withDev ? 'train+dev' : 'train'} split (CC BY-SA 4.0); epochs chosen on dev` }),
);
const seconds = (Date.now() - started) / 1000;
console.log(
  `wrote ${path.relative(REPO_ROOT, OUT)}: ${Object.keys(model.features).length} features, ` +
    `${(statSync(OUT).size / 1e6).toFixed(1)} MB, best epoch ${model.meta?.epoch}, ${seconds.toFixed(0)} s`,
);
