/**
 * Training of the tagger and the parser (used by scripts/train-parser.ts).
 * Both are averaged perceptrons trained online in a seeded order; the parser
 * learns from a dynamic oracle with error exploration (Goldberg & Nivre 2012):
 * after the first epoch it mostly follows its own moves, right or wrong, and
 * learns the best move from where it went.
 */
import { seededRandom } from '../../core/index.js';
import { AveragedPerceptron } from './perceptron.js';
import { ATOMS, LABEL_ATOMS, LABEL_FEATURES, LABEL_POSITIONS, LABEL_TEMPLATES, MOVE_FEATURES, MOVE_TEMPLATES, POSITIONS, readArc, readState, templateKeys } from './features.js';
import { moveCost } from './oracle.js';
import { bestAllowed, bestLabel, forcedMove, type ParserInput } from './parser.js';
import { LEFT, MOVES, ParserState, RIGHT, SHIFT } from './state.js';
import { TAGGER_FEATURES, UPOS, argmax, dictionaryKey, taggerContext, taggerFeatures } from './tagger.js';

export interface TaggedSentence {
  readonly forms: readonly string[];
  /** UPOS ids (indices into `UPOS`). */
  readonly tags: ArrayLike<number>;
}

export interface TaggerTraining {
  readonly weights: AveragedPerceptron;
  readonly dictionary: Map<string, number>;
}

/** Shuffled sentence order of one epoch. */
function order(count: number, random: () => number): Int32Array {
  const out = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Words seen at least `minCount` times with one tag at least `purity` of the
 * time: the tagger gives them that tag without scoring.
 */
export function tagDictionary(sentences: readonly TaggedSentence[], minCount: number, purity: number): Map<string, number> {
  const counts = new Map<string, Uint32Array>();
  for (const s of sentences) {
    s.forms.forEach((form, i) => {
      const key = dictionaryKey(form);
      let c = counts.get(key);
      if (!c) counts.set(key, (c = new Uint32Array(UPOS.length)));
      c[s.tags[i]!]!++;
    });
  }
  const out = new Map<string, number>();
  for (const [key, c] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const total = c.reduce((a, b) => a + b, 0);
    const top = argmax(c);
    if (total >= minCount && c[top]! / total >= purity) out.set(key, top);
  }
  return out;
}

export interface TaggerTrainOptions {
  readonly epochs: number;
  readonly seed: number;
  readonly dictionaryMinCount?: number;
  readonly dictionaryPurity?: number;
}

/** Train the POS tagger (greedy, the previous tags as predicted). */
export function trainTagger(sentences: readonly TaggedSentence[], options: TaggerTrainOptions): TaggerTraining {
  const dictionary = tagDictionary(sentences, options.dictionaryMinCount ?? 20, options.dictionaryPurity ?? 0.99);
  const weights = new AveragedPerceptron(UPOS.length);
  const random = seededRandom(options.seed);
  const features = new Int32Array(TAGGER_FEATURES);
  const scores = new Float64Array(UPOS.length);
  const contexts = sentences.map((s) => taggerContext(s.forms));
  const known = sentences.map((s) => s.forms.map((f) => dictionary.get(dictionaryKey(f)) ?? -1));
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const k of order(sentences.length, random)) {
      const s = sentences[k]!;
      let prev = 0;
      let prev2 = 0;
      for (let i = 0; i < s.forms.length; i++) {
        let guess = known[k]![i]!;
        if (guess < 0) {
          taggerFeatures(contexts[k]!, i, prev, prev2, features);
          scores.fill(0);
          weights.score(features, TAGGER_FEATURES, scores);
          guess = argmax(scores);
          weights.update(features, TAGGER_FEATURES, s.tags[i]!, guess);
          weights.tick();
        }
        prev2 = prev;
        prev = guess;
      }
    }
  }
  return { weights, dictionary };
}

export interface ParserTrainingSentence {
  readonly input: ParserInput;
  /** Gold head of each word, -1 for the root. */
  readonly heads: Int32Array;
  /** Gold label id of each word. */
  readonly labels: Int32Array;
}

export interface ParserTrainOptions {
  readonly epochs: number;
  readonly seed: number;
  readonly labelCount: number;
  /** Label id of the root's arc (never predicted). */
  readonly rootLabel: number;
  /** From this epoch on (0-based) the parser follows its own wrong moves with `exploreProbability`. */
  readonly exploreFrom?: number;
  readonly exploreProbability?: number;
  /** Called after each epoch (e.g. to score the averaged weights on dev). */
  readonly onEpoch?: (epoch: number, training: ParserTraining) => void;
  readonly log?: (line: string) => void;
}

export interface ParserTraining {
  readonly moves: AveragedPerceptron;
  readonly labeler: AveragedPerceptron;
}

/** Train the move and label classifiers on gold trees (tags as the tagger predicts them). */
export function trainParser(sentences: readonly ParserTrainingSentence[], options: ParserTrainOptions): ParserTraining {
  const training = { moves: new AveragedPerceptron(MOVES), labeler: new AveragedPerceptron(options.labelCount) };
  const { moves, labeler } = training;
  const random = seededRandom(options.seed);
  const state = new ParserState();
  const atoms = new Int32Array(ATOMS);
  const positions = new Int32Array(POSITIONS);
  const keys = new Int32Array(MOVE_FEATURES);
  const labelKeys = new Int32Array(LABEL_FEATURES);
  const arcAtoms = new Int32Array(LABEL_ATOMS);
  const arcPositions = new Int32Array(LABEL_POSITIONS);
  const moveScores = new Float64Array(MOVES);
  const labelScores = new Float64Array(options.labelCount);
  const costs = new Int32Array(MOVES);
  const exploreFrom = options.exploreFrom ?? 1;
  const exploreProbability = options.exploreProbability ?? 0.9;
  let gold = new Int32Array(0);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    let right = 0;
    let total = 0;
    const explore = epoch >= exploreFrom;
    for (const k of order(sentences.length, random)) {
      const { input, heads, labels } = sentences[k]!;
      const n = input.length;
      if (gold.length < n) gold = new Int32Array(n * 2);
      for (let i = 0; i < n; i++) gold[i] = heads[i]! < 0 ? n : heads[i]!;
      state.reset(input.word, input.tag, input.wordTag, n);
      while (!state.done) {
        let move = forcedMove(state);
        if (move < 0) {
          readState(state, atoms, positions);
          templateKeys(MOVE_TEMPLATES, atoms, keys);
          moveScores.fill(0);
          moves.score(keys, MOVE_FEATURES, moveScores);
          const guess = bestAllowed(state, moveScores);
          // the cheapest allowed moves (zero cost on a projective tree)
          let least = Infinity;
          for (const m of [SHIFT, LEFT, RIGHT]) {
            const allowed = m === SHIFT ? state.canShift() : m === LEFT ? state.canLeft() : state.canRight();
            costs[m] = allowed ? moveCost(state, gold, m) : 1 << 30;
            least = Math.min(least, costs[m]!);
          }
          let best = -1;
          for (const m of [SHIFT, LEFT, RIGHT]) if (costs[m] === least && (best < 0 || moveScores[m]! > moveScores[best]!)) best = m;
          total++;
          if (costs[guess] === least) right++;
          else moves.update(keys, MOVE_FEATURES, best, guess);
          moves.tick();
          move = costs[guess] === least || (explore && random() < exploreProbability) ? guess : best;
        }
        if (move === SHIFT) {
          state.shift();
          continue;
        }
        const [dependent, head] = state.arcOf(move);
        let label = options.rootLabel;
        if (head !== n) {
          readArc(state, dependent, head, move, arcAtoms, arcPositions);
          templateKeys(LABEL_TEMPLATES, arcAtoms, labelKeys);
          labelScores.fill(0);
          labeler.score(labelKeys, LABEL_FEATURES, labelScores);
          const guess = bestLabel(labelScores, options.rootLabel);
          label = guess;
          if (gold[dependent] === head) {
            labeler.update(labelKeys, LABEL_FEATURES, labels[dependent]!, guess);
            labeler.tick();
            if (!explore) label = labels[dependent]!;
          }
        }
        state.attach(move, label);
      }
    }
    options.log?.(`parser epoch ${epoch + 1}: ${((100 * right) / total).toFixed(2)}% moves right, ${moves.rows} move rows, ${labeler.rows} label rows`);
    options.onEpoch?.(epoch, training);
  }
  return training;
}
