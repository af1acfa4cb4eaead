/**
 * Train the POS tagger and the dependency parser on Universal Dependencies
 * English-EWT + English-GUM (train splits) and write `models/parser.json`.
 *
 *   npm run train:parser                        reproduces the shipped model
 *   npm run train:parser -- --select            also scores every parser epoch on dev (EWT and GUM)
 *   npm run train:parser -- --tags wink         the parser reads wink-nlp's tags instead of its own tagger's
 *   npm run train:parser -- --out /tmp/p.json   writes elsewhere
 *   npm run train:parser -- --tags-cache /tmp/t.json   keeps the jackknifed training tags in a file and reuses them
 *
 * Data: ../shared/eval-data/syntax/en_{ewt,gum}-ud-{train,dev}.conllu (never the test files).
 * The parser learns from tags the tagger predicts on sentences it was not
 * trained on (a jackknife over the training set), as it will see at run time.
 * Deterministic: every shuffle is seeded.
 */
import { existsSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConllu, type TreebankSentence } from '../src/annotate/syntax/conllu.js';
import { trainParser, trainTagger, type ParserTraining, type ParserTrainingSentence, type TaggedSentence } from '../src/annotate/syntax/train.js';
import { PosTagger, UPOS, UPOS_ID } from '../src/annotate/syntax/tagger.js';
import { InlineWeights, SparseWeights } from '../src/annotate/syntax/weights.js';
import { DependencyParser, parserInput } from '../src/annotate/syntax/parser.js';
import { AttachmentCounter, type AttachmentScores } from '../src/annotate/syntax/score.js';
import { PARSER_MODEL_FORMAT, type ParserModelFile } from '../src/annotate/syntax/model.js';
import { winkTagsOf } from '../src/annotate/syntax/wink-tags.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.resolve(REPO_ROOT, '../shared/eval-data/syntax');
const SEED = 20250510;
const TAGGER_EPOCHS = arg('tagger-epochs', 6);
const PARSER_EPOCHS = arg('epochs', 6);
/** Folds of the jackknife that tags the parser's training sentences. */
const FOLDS = 5;
/** Averaged weights below these are dropped from the file. */
const TAGGER_PRUNE = arg('tagger-prune', 0.5);
const PARSER_PRUNE = arg('prune', 2);
const LABEL_PRUNE = arg('label-prune', 1);
const SELECT = process.argv.includes('--select');
const WINK_TAGS = process.argv.includes('--tags') && process.argv[process.argv.indexOf('--tags') + 1] === 'wink';
const OUT = option('out') ?? path.join(REPO_ROOT, 'models/parser.json');
const TAGS_CACHE = option('tags-cache');

function arg(name: string, fallback: number): number {
  const value = option(name);
  return value === undefined ? fallback : Number(value);
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function log(line: string): void {
  process.stdout.write(`[${(performance.now() / 1000).toFixed(0)} s] ${line}\n`);
}

function read(treebank: string, split: string): TreebankSentence[] {
  const file = path.join(DATA_DIR, `en_${treebank}-ud-${split}.conllu`);
  return readConllu(readFileSync(file, 'utf8'), file);
}

function tagIds(tags: readonly string[]): Uint8Array {
  return Uint8Array.from(tags, (t) => UPOS_ID.get(t) ?? UPOS_ID.get('X')!);
}

function taggerOf(training: ReturnType<typeof trainTagger>): PosTagger {
  return new PosTagger(new SparseWeights(training.weights.store(TAGGER_PRUNE)), training.dictionary);
}

function tagAccuracy(tagger: PosTagger, sentences: readonly TreebankSentence[]): number {
  let right = 0;
  let total = 0;
  for (const s of sentences) {
    const tags = tagger.tag(s.forms);
    s.upos.forEach((t, i) => {
      total++;
      if (UPOS[tags[i]!] === t) right++;
    });
  }
  return right / total;
}

/** Tags of the training sentences from taggers that did not see them (contiguous folds: whole documents stay together). */
function jackknifeTags(sentences: readonly TaggedSentence[]): Uint8Array[] {
  const out: Uint8Array[] = new Array(sentences.length);
  const size = Math.ceil(sentences.length / FOLDS);
  for (let f = 0; f < FOLDS; f++) {
    const from = f * size;
    const to = Math.min(sentences.length, from + size);
    const tagger = taggerOf(trainTagger([...sentences.slice(0, from), ...sentences.slice(to)], { epochs: TAGGER_EPOCHS, seed: SEED + f }));
    for (let k = from; k < to; k++) out[k] = tagger.tag(sentences[k]!.forms);
    log(`jackknife fold ${f + 1}/${FOLDS} tagged`);
  }
  return out;
}

/** The jackknifed tags, from `--tags-cache` when it holds them (a run with the same tagger settings wrote it). */
function cachedTags(make: () => Uint8Array[]): Uint8Array[] {
  const key = `${TAGGER_EPOCHS}/${TAGGER_PRUNE}/${FOLDS}/${SEED}`;
  if (TAGS_CACHE && existsSync(TAGS_CACHE)) {
    const cached = JSON.parse(readFileSync(TAGS_CACHE, 'utf8')) as { key: string; tags: number[][] };
    if (cached.key === key) return cached.tags.map((t) => Uint8Array.from(t));
  }
  const tags = make();
  if (TAGS_CACHE) writeFileSync(TAGS_CACHE, JSON.stringify({ key, tags: tags.map((t) => Array.from(t)) }));
  return tags;
}

function parserOf(training: ParserTraining, labels: readonly string[]): DependencyParser {
  return new DependencyParser(new InlineWeights(training.moves.store(PARSER_PRUNE)), new SparseWeights(training.labeler.store(LABEL_PRUNE)), labels, labels.indexOf('root'));
}

function attachment(parser: DependencyParser, sentences: readonly TreebankSentence[], tags: readonly Uint8Array[]): AttachmentScores {
  const counter = new AttachmentCounter();
  sentences.forEach((s, k) => {
    const parsed = parser.parse(parserInput(s.forms, tags[k]!));
    for (let i = 0; i < s.forms.length; i++) {
      counter.add({ tag: s.upos[i]!, head: s.heads[i]!, rel: s.rels[i]! }, { tag: UPOS[tags[k]![i]!]!, head: parsed.heads[i]!, rel: parser.labels[parsed.labels[i]!]! });
    }
  });
  return counter.scores();
}

function percent(x: number): string {
  return (100 * x).toFixed(2);
}

function main(): void {
  const train = [...read('ewt', 'train'), ...read('gum', 'train')];
  const devs = { ewt: read('ewt', 'dev'), gum: read('gum', 'dev') };
  log(`${train.length} training sentences, ${train.reduce((s, x) => s + x.forms.length, 0)} words`);
  const gold: TaggedSentence[] = train.map((s) => ({ forms: s.forms, tags: tagIds(s.upos) }));

  const tagging = trainTagger(gold, { epochs: TAGGER_EPOCHS, seed: SEED });
  const tagger = taggerOf(tagging);
  log(`tagger: ${tagging.weights.rows} rows, ${tagging.dictionary.size} dictionary words; dev UPOS ${percent(tagAccuracy(tagger, devs.ewt))} EWT, ${percent(tagAccuracy(tagger, devs.gum))} GUM`);

  const trainTags = WINK_TAGS ? train.map((s) => tagIds(winkTagsOf(s))) : cachedTags(() => jackknifeTags(gold));
  const devTags = {
    ewt: devs.ewt.map((s) => (WINK_TAGS ? tagIds(winkTagsOf(s)) : tagger.tag(s.forms))),
    gum: devs.gum.map((s) => (WINK_TAGS ? tagIds(winkTagsOf(s)) : tagger.tag(s.forms))),
  };
  const labels = ['root', ...[...new Set(train.flatMap((s) => s.rels))].filter((r) => r !== 'root').sort()];
  const labelId = new Map(labels.map((l, i) => [l, i]));
  const sentences: ParserTrainingSentence[] = train.map((s, k) => ({
    input: parserInput(s.forms, trainTags[k]!),
    heads: s.heads,
    labels: Int32Array.from(s.rels, (r) => labelId.get(r)!),
  }));
  const training = trainParser(sentences, {
    epochs: PARSER_EPOCHS,
    seed: SEED,
    labelCount: labels.length,
    rootLabel: 0,
    log,
    onEpoch: SELECT
      ? (epoch, t) => {
          const parser = parserOf(t, labels);
          const ewt = attachment(parser, devs.ewt, devTags.ewt);
          const gum = attachment(parser, devs.gum, devTags.gum);
          log(`  epoch ${epoch + 1} dev: EWT UAS ${percent(ewt.uas)} LAS ${percent(ewt.las)} | GUM UAS ${percent(gum.uas)} LAS ${percent(gum.las)}`);
        }
      : undefined,
  });
  const parser = parserOf(training, labels);
  const ewt = attachment(parser, devs.ewt, devTags.ewt);
  const gum = attachment(parser, devs.gum, devTags.gum);
  log(`dev (${WINK_TAGS ? 'wink' : 'own'} tags): EWT UPOS ${percent(ewt.upos)} UAS ${percent(ewt.uas)} LAS ${percent(ewt.las)} | GUM UPOS ${percent(gum.upos)} UAS ${percent(gum.uas)} LAS ${percent(gum.las)}`);
  if (WINK_TAGS) {
    log('--tags wink: measured only, no model written (the shipped parser reads its own tagger)');
    return;
  }
  const file: ParserModelFile = {
    format: PARSER_MODEL_FORMAT,
    trainedOn: 'Universal Dependencies English-EWT + English-GUM, train splits (see models/README.md)',
    meta: {
      taggerEpochs: TAGGER_EPOCHS,
      parserEpochs: PARSER_EPOCHS,
      seed: SEED,
      taggerPrune: TAGGER_PRUNE,
      parserPrune: PARSER_PRUNE,
      labelPrune: LABEL_PRUNE,
      devEwtUas: Number(percent(ewt.uas)),
      devEwtLas: Number(percent(ewt.las)),
      devGumUas: Number(percent(gum.uas)),
      devGumLas: Number(percent(gum.las)),
    },
    tags: [...UPOS],
    labels,
    dictionary: Object.fromEntries(tagging.dictionary),
    tagger: tagging.weights.store(TAGGER_PRUNE),
    moves: training.moves.store(PARSER_PRUNE),
    labeler: training.labeler.store(LABEL_PRUNE),
  };
  writeFileSync(OUT, JSON.stringify(file));
  log(`wrote ${OUT} (${(statSync(OUT).size / 1e6).toFixed(1)} MB)`);
}

main();
