import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/index.js';
import {
  ATOMS, LABEL_ATOMS, LABEL_FEATURES, LABEL_POSITIONS, LABEL_SET, LABEL_TEMPLATES, MOVE_FEATURES, MOVE_SET, MOVE_TEMPLATES, POSITIONS, readArc, readState,
  templateKeys,
} from './features.js';
import { TemplateScorer } from './scorer.js';
import { DependencyParser, bestAllowed, parserInput, type ParserInput } from './parser.js';
import { LEFT, MOVES, ParserState, SHIFT } from './state.js';
import { PosTagger, TAGGER_FEATURES, UPOS, argmax, taggerContext, taggerFeatures } from './tagger.js';
import { trainParser, trainTagger, type ParserTrainingSentence } from './train.js';
import { InlineWeights, SparseWeights } from './weights.js';

/** Sentences of made-up words whose tag and head follow simple rules the models can learn. */
function syntheticSentences(count: number): { forms: string[]; tags: Uint8Array; heads: Int32Array; labels: Int32Array }[] {
  const random = seededRandom(11);
  const nouns = ['velk', 'marra', 'osk', 'tiran', 'pell'];
  const verbs = ['zorved', 'kalted', 'murned'];
  const noun = UPOS.indexOf('NOUN'), verb = UPOS.indexOf('VERB'), det = UPOS.indexOf('DET'), punct = UPOS.indexOf('PUNCT');
  return Array.from({ length: count }, () => {
    // det noun verb det noun . : det → noun, nouns → verb, punct → verb
    const pick = (xs: string[]): string => xs[Math.floor(random() * xs.length)]!;
    const forms = ['the', pick(nouns), pick(verbs), 'a', pick(nouns), '.'];
    return {
      forms,
      tags: Uint8Array.from([det, noun, verb, det, noun, punct]),
      heads: Int32Array.from([1, 2, -1, 4, 2, 2]),
      labels: Int32Array.from([3, 1, 0, 3, 2, 4]),
    };
  });
}

const LABELS = ['root', 'nsubj', 'obj', 'det', 'punct'];

describe('parser and tagger: learned weights, fast scoring', () => {
  const sentences = syntheticSentences(60);
  const tagging = trainTagger(sentences, { epochs: 3, seed: 1, dictionaryMinCount: 1000 });
  const training: ParserTrainingSentence[] = sentences.map((s) => ({ input: parserInput(s.forms, s.tags), heads: s.heads, labels: s.labels }));
  const parsing = trainParser(training, { epochs: 3, seed: 1, labelCount: LABELS.length, rootLabel: 0 });
  const movesStored = parsing.moves.store(0);
  const parser = new DependencyParser(new InlineWeights(movesStored), new SparseWeights(parsing.labeler.store(0)), LABELS, 0);

  it('learns the trees and labels of its training sentences', () => {
    const parsed = parser.parse(parserInput(sentences[0]!.forms, sentences[0]!.tags));
    expect(Array.from(parsed.heads)).toEqual([1, 2, -1, 4, 2, 2]);
    expect(Array.from(parsed.labels, (l) => LABELS[l])).toEqual(['det', 'nsubj', 'root', 'det', 'obj', 'punct']);
  });

  it('scores moves and labels with cached and dense tables exactly as the sum over every template key', () => {
    const scorer = new TemplateScorer(new InlineWeights(movesStored), MOVE_SET, MOVES, LABELS.length);
    const generic = new SparseWeights(movesStored);
    const labelsStored = parsing.labeler.store(0);
    const labelScorer = new TemplateScorer(new SparseWeights(labelsStored), LABEL_SET, LABELS.length, LABELS.length);
    const labelGeneric = new SparseWeights(labelsStored);
    const arcAtoms = new Int32Array(LABEL_ATOMS), arcPositions = new Int32Array(LABEL_POSITIONS), labelKeys = new Int32Array(LABEL_FEATURES);
    const fastLabels = new Float32Array(LABELS.length), slowLabels = new Float32Array(LABELS.length);
    const state = new ParserState();
    const atoms = new Int32Array(ATOMS), positions = new Int32Array(POSITIONS), keys = new Int32Array(MOVE_FEATURES);
    const fast = new Float32Array(MOVES), slow = new Float32Array(MOVES);
    let compared = 0;
    for (const s of sentences.slice(0, 10)) {
      const input: ParserInput = parserInput(s.forms, s.tags);
      state.reset(input.word, input.tag, input.wordTag, input.length);
      scorer.prepare(state.word, state.tag, state.wordTag, state.n + 1);
      labelScorer.prepare(state.word, state.tag, state.wordTag, state.n + 1);
      while (!state.done) {
        readState(state, atoms, positions);
        scorer.score(atoms, positions, fast);
        templateKeys(MOVE_TEMPLATES, atoms, keys);
        slow.fill(0);
        generic.score(keys, MOVE_FEATURES, slow);
        for (let m = 0; m < MOVES; m++) expect(fast[m]).toBeCloseTo(slow[m]!, 3);
        compared++;
        const move = bestAllowed(state, fast);
        if (move === SHIFT) {
          state.shift();
          continue;
        }
        const dependent = state.stack[state.depth - 1]!;
        const head = move === LEFT ? state.front : state.stack[state.depth - 2]!;
        readArc(state, dependent, head, move, arcAtoms, arcPositions);
        labelScorer.score(arcAtoms, arcPositions, fastLabels);
        templateKeys(LABEL_TEMPLATES, arcAtoms, labelKeys);
        slowLabels.fill(0);
        labelGeneric.score(labelKeys, LABEL_FEATURES, slowLabels);
        for (let c = 0; c < LABELS.length; c++) expect(fastLabels[c]).toBeCloseTo(slowLabels[c]!, 3);
        state.attach(move, 1 + (dependent % 3));
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('tags with its word cache exactly as with every template key', () => {
    const stored = tagging.weights.store(0);
    const tagger = new PosTagger(new SparseWeights(stored), new Map());
    const generic = new SparseWeights(stored);
    const features = new Int32Array(TAGGER_FEATURES);
    const scores = new Float32Array(UPOS.length);
    for (const s of sentences.slice(0, 10)) {
      const fast = tagger.tag(s.forms);
      const ctx = taggerContext(s.forms);
      let prev = 0, prev2 = 0;
      s.forms.forEach((_, i) => {
        taggerFeatures(ctx, i, prev, prev2, features);
        scores.fill(0);
        generic.score(features, TAGGER_FEATURES, scores);
        const tag = argmax(scores);
        expect(fast[i]).toBe(tag);
        prev2 = prev;
        prev = tag;
      });
      expect(Array.from(fast)).toEqual(Array.from(s.tags));
    }
  });
});
