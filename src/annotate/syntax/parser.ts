/**
 * Greedy arc-hybrid dependency parsing with two linear classifiers: one picks
 * the move (SHIFT, LEFT, RIGHT), the other the label of each arc as it is
 * made, so later moves can read the labels (Honnibal's and spaCy v1's design,
 * with the label split off the move to keep scoring cheap).
 */
import { featureKey, hashString, normaliseWord } from './hashing.js';
import { ATOMS, LABEL_ATOMS, LABEL_POSITIONS, LABEL_SET, MOVE_SET, POSITIONS, readArc, readState } from './features.js';
import { TemplateScorer, type KeyedWeights } from './scorer.js';
import { LEFT, MOVES, ParserState, RIGHT, SHIFT } from './state.js';

/** A parsed sentence: head (-1: root) and label id of each word. */
export interface ParsedSentence {
  readonly heads: Int32Array;
  readonly labels: Int32Array;
}

/** The per-word atoms the parser reads: word hash, tag atom, word-and-tag atom. */
export interface ParserInput {
  readonly length: number;
  readonly word: Int32Array;
  readonly tag: Int32Array;
  readonly wordTag: Int32Array;
}

/** The parser's hash of a word: of its normalised form (see `normaliseWord`). */
export function wordHash(form: string): number {
  return hashString(normaliseWord(form));
}

/** Atoms of a sentence's words for the parser, given the UPOS ids of its words. */
export function parserInput(forms: readonly string[], tags: ArrayLike<number>, hashes?: Int32Array): ParserInput {
  const n = forms.length;
  const word = hashes ?? new Int32Array(n);
  const tag = new Int32Array(n);
  const wordTag = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!hashes) word[i] = wordHash(forms[i]!);
    tag[i] = tags[i]! + 1;
    wordTag[i] = featureKey(99, word[i]!, tag[i]!, 0);
  }
  return { length: n, word, tag, wordTag };
}

/** The best move allowed in the state, by the scores. */
export function bestAllowed(state: ParserState, scores: ArrayLike<number>): number {
  let best = -1;
  if (state.canShift()) best = SHIFT;
  if (state.canLeft() && (best < 0 || scores[LEFT]! > scores[best]!)) best = LEFT;
  if (state.canRight() && (best < 0 || scores[RIGHT]! > scores[best]!)) best = RIGHT;
  return best;
}

/** The one move allowed, or -1 when there is a choice to make. */
export function forcedMove(state: ParserState): number {
  const shift = state.canShift(), left = state.canLeft(), right = state.canRight();
  if (shift && !left && !right) return SHIFT;
  if (!shift && left && !right) return LEFT;
  if (!shift && !left && right) return RIGHT;
  return -1;
}

/** The best label other than the root's. */
export function bestLabel(scores: ArrayLike<number>, rootLabel: number): number {
  let best = rootLabel === 0 ? 1 : 0;
  for (let c = 0; c < scores.length; c++) if (c !== rootLabel && scores[c]! > scores[best]!) best = c;
  return best;
}

export class DependencyParser {
  private readonly state = new ParserState();
  private readonly moves: TemplateScorer;
  private readonly labeler: TemplateScorer;
  private readonly atoms = new Int32Array(ATOMS);
  private readonly positions = new Int32Array(POSITIONS);
  private readonly arcAtoms = new Int32Array(LABEL_ATOMS);
  private readonly arcPositions = new Int32Array(LABEL_POSITIONS);
  private readonly moveScores = new Float32Array(MOVES);
  private readonly labelScores: Float32Array;

  constructor(
    moves: KeyedWeights,
    labeler: KeyedWeights,
    /** Arc labels, by id; `rootLabel` is the id given to the sentence's root. */
    readonly labels: readonly string[],
    private readonly rootLabel: number,
  ) {
    this.moves = new TemplateScorer(moves, MOVE_SET, MOVES, labels.length);
    this.labeler = new TemplateScorer(labeler, LABEL_SET, labels.length, labels.length);
    this.labelScores = new Float32Array(labels.length);
  }

  /** How the templates were placed (see `TemplateScorer`). */
  layout(): { moves: ReturnType<TemplateScorer['layout']>; labels: ReturnType<TemplateScorer['layout']> } {
    return { moves: this.moves.layout(), labels: this.labeler.layout() };
  }

  parse(input: ParserInput): ParsedSentence {
    const s = this.state;
    const n = input.length;
    s.reset(input.word, input.tag, input.wordTag, n);
    this.moves.prepare(s.word, s.tag, s.wordTag, n + 1);
    this.labeler.prepare(s.word, s.tag, s.wordTag, n + 1);
    while (!s.done) {
      let move = forcedMove(s);
      if (move < 0) {
        readState(s, this.atoms, this.positions);
        this.moves.score(this.atoms, this.positions, this.moveScores);
        move = bestAllowed(s, this.moveScores);
      }
      if (move === SHIFT) s.shift();
      else s.attach(move, this.labelOf(move));
    }
    const heads = new Int32Array(n);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      heads[i] = s.head[i] === n ? -1 : s.head[i]!;
      labels[i] = s.label[i]! - 1;
    }
    return { heads, labels };
  }

  /** The label of the arc `move` is about to make. */
  private labelOf(move: number): number {
    const s = this.state;
    const dependent = s.stack[s.depth - 1]!;
    const head = move === LEFT ? s.front : s.stack[s.depth - 2]!;
    if (head === s.n) return this.rootLabel;
    readArc(s, dependent, head, move, this.arcAtoms, this.arcPositions);
    this.labeler.score(this.arcAtoms, this.arcPositions, this.labelScores);
    return bestLabel(this.labelScores, this.rootLabel);
  }
}
