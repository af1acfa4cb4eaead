/**
 * Feature templates of the parser, after Zhang & Nivre (2011) "Transition-based
 * dependency parsing with rich non-local features" as spaCy v1 used them, for
 * the arc-hybrid system.
 *
 * A state is first read into atoms: the word, tag, word-and-tag and arc label
 * of thirteen positions (the stack's top three, the buffer's first three, the
 * nearest children of s0, b0 and s1), distances, valencies and label sets. A
 * template is a tuple of up to three atoms; its key is the atoms hashed with
 * the template's number. Training scores every template by key; parsing
 * computes the same sums faster (see scorer.ts). The label classifier reads
 * its own positions: the dependent, the head, the dependent's nearest
 * children and the word beside the arc.
 */
import { featureKey } from './hashing.js';
import { W, P, WP, L, type TemplateSet } from './scorer.js';
import { LEFT, ROOT_TAG, type ParserState } from './state.js';

/** Positions whose word, tag, word-and-tag and label are atoms. */
export const S0 = 0, S1 = 1, S2 = 2, N0 = 3, N1 = 4, N2 = 5, S0L = 6, S0L2 = 7, S0R = 8, S0R2 = 9, N0L = 10, N0L2 = 11, S1R = 12;
export const POSITIONS = 13;
const at = (position: number, kind: number): number => position * 4 + kind;

/** Atoms past the positions' ones. */
export const DIST_S0_N0 = 52, DIST_S1_S0 = 53, LEFT_VALENCY_S0 = 54, RIGHT_VALENCY_S0 = 55, LEFT_VALENCY_N0 = 56;
export const LEFT_LABELS_S0 = 57, RIGHT_LABELS_S0 = 59, LEFT_LABELS_N0 = 61;
export const ATOMS = 63;

/** Values a tag atom takes: 0 (no word), UPOS id + 1, the root's. */
export const TAG_RANGE = ROOT_TAG + 1;
/** Values of a distance or valency atom. */
export const SMALL_RANGE = 9;

const s0 = (k: number): number => at(S0, k);
const s1 = (k: number): number => at(S1, k);
const n0 = (k: number): number => at(N0, k);
const n1 = (k: number): number => at(N1, k);
const n2 = (k: number): number => at(N2, k);

/**
 * Each template's atoms (its number is its index). Templates of tags, labels,
 * distances and valencies cost next to nothing when parsing (dense tables),
 * so all of Zhang & Nivre's are here; of those that pair a word with another
 * atom (hashed, a memory lookup each) only the eight that pay their way are.
 */
export const MOVE_TEMPLATES: readonly (readonly number[])[] = [
  // single words
  [s0(WP)], [s0(W)], [s0(P)], [n0(WP)], [n0(W)], [n0(P)], [n1(WP)], [n1(W)], [n1(P)], [n2(WP)], [n2(P)],
  [s1(WP)], [s1(W)], [s1(P)], [at(S2, P)],
  // nearest and second-nearest children
  ...[S0L, S0R, N0L, S0L2, S0R2, N0L2].flatMap((c) => [[at(c, W)], [at(c, P)], [at(c, L)]]),
  // tags of s0 and b0 and around them
  [s0(P), n0(P)], [n0(P), n1(P)], [n0(P), n1(P), n2(P)], [s0(P), n0(P), n1(P)], [s1(P), s0(P), n0(P)],
  [s0(P), at(S0L, P), n0(P)], [s0(P), at(S0R, P), n0(P)], [s0(P), n0(P), at(N0L, P)],
  [s0(P), at(S0L, P), at(S0L2, P)], [s0(P), at(S0R, P), at(S0R2, P)], [n0(P), at(N0L, P), at(N0L2, P)],
  [s0(P), at(S0L, L), n0(P)], [s0(P), at(S0R, L), n0(P)], [s0(P), n0(P), at(N0L, L)],
  // distance and valency
  [s0(P), DIST_S0_N0], [n0(P), DIST_S0_N0], [s0(P), n0(P), DIST_S0_N0],
  [s0(P), RIGHT_VALENCY_S0], [s0(P), LEFT_VALENCY_S0], [n0(P), LEFT_VALENCY_N0],
  // s1, the head a RIGHT move would give s0
  [at(S2, P), s1(P), s0(P)], [s1(P), s0(P), DIST_S1_S0], [s1(P), at(S1R, P), s0(P)], [s1(P), at(S1R, L), s0(P)],
  // words paired with another atom (hashed)
  [s0(WP), n0(P)], [s0(P), n0(WP)], [s0(W), n0(W)], [s1(WP), s0(P)], [s1(P), s0(WP)],
  [s0(P), RIGHT_LABELS_S0, RIGHT_LABELS_S0 + 1], [s0(P), LEFT_LABELS_S0, LEFT_LABELS_S0 + 1], [n0(P), LEFT_LABELS_N0, LEFT_LABELS_N0 + 1],
];
export const MOVE_FEATURES = MOVE_TEMPLATES.length;

/** The move classifier's templates and the ranges of its small atoms. */
export const MOVE_SET: TemplateSet = {
  templates: MOVE_TEMPLATES,
  positions: POSITIONS,
  range(atom: number, labelCount: number): number {
    if (atom < POSITIONS * 4) return atom % 4 === P ? TAG_RANGE : atom % 4 === L ? labelCount + 1 : 0;
    return atom <= LEFT_VALENCY_N0 ? SMALL_RANGE : 0;
  },
};

/** Distance between two words, bucketed: 0 none, 1–4, 5–7, 8–10, more, the root. */
function distance(from: number, to: number, n: number): number {
  if (from < 0 || to < 0) return 0;
  if (to === n || from === n) return 8;
  const d = Math.abs(to - from);
  return d <= 4 ? d : d <= 7 ? 5 : d <= 10 ? 6 : 7;
}

/** A child count as an atom: 0 none (no word), else count + 1 up to 8. */
function valency(count: number): number {
  return count >= 7 ? 8 : count + 1;
}

/**
 * Read the state into atoms (`ATOMS` of them) and the word at each position
 * into `positions` (-1: none).
 */
export function readState(s: ParserState, atoms: Int32Array, positions: Int32Array): void {
  const depth = s.depth;
  const n = s.n;
  const a = depth > 0 ? s.stack[depth - 1]! : -1;
  const b = depth > 1 ? s.stack[depth - 2]! : -1;
  const front = s.front;
  positions[S0] = a;
  positions[S1] = b;
  positions[S2] = depth > 2 ? s.stack[depth - 3]! : -1;
  positions[N0] = front;
  positions[N1] = front + 1 <= n ? front + 1 : -1;
  positions[N2] = front + 2 <= n ? front + 2 : -1;
  positions[S0L] = a < 0 ? -1 : s.left1[a]!;
  positions[S0L2] = a < 0 ? -1 : s.left2[a]!;
  positions[S0R] = a < 0 ? -1 : s.right1[a]!;
  positions[S0R2] = a < 0 ? -1 : s.right2[a]!;
  positions[N0L] = s.left1[front]!;
  positions[N0L2] = s.left2[front]!;
  positions[S1R] = b < 0 ? -1 : s.right1[b]!;
  const { word, tag, wordTag, label } = s;
  for (let p = 0; p < POSITIONS; p++) {
    const x = positions[p]!;
    const base = p * 4;
    if (x < 0) {
      atoms[base] = 0;
      atoms[base + 1] = 0;
      atoms[base + 2] = 0;
      atoms[base + 3] = 0;
    } else {
      atoms[base] = word[x]!;
      atoms[base + 1] = tag[x]!;
      atoms[base + 2] = wordTag[x]!;
      atoms[base + 3] = label[x]!;
    }
  }
  atoms[DIST_S0_N0] = distance(a, front, n);
  atoms[DIST_S1_S0] = distance(b, a, n);
  atoms[LEFT_VALENCY_S0] = a < 0 ? 0 : valency(s.leftCount[a]!);
  atoms[RIGHT_VALENCY_S0] = a < 0 ? 0 : valency(s.rightCount[a]!);
  atoms[LEFT_VALENCY_N0] = valency(s.leftCount[front]!);
  atoms[LEFT_LABELS_S0] = a < 0 ? 0 : s.leftLabelsLow[a]!;
  atoms[LEFT_LABELS_S0 + 1] = a < 0 ? 0 : s.leftLabelsHigh[a]!;
  atoms[RIGHT_LABELS_S0] = a < 0 ? 0 : s.rightLabelsLow[a]!;
  atoms[RIGHT_LABELS_S0 + 1] = a < 0 ? 0 : s.rightLabelsHigh[a]!;
  atoms[LEFT_LABELS_N0] = s.leftLabelsLow[front]!;
  atoms[LEFT_LABELS_N0 + 1] = s.leftLabelsHigh[front]!;
}

/** Positions the label classifier reads: dependent, head, the dependent's leftmost, second-leftmost and rightmost child, the word beside the arc. */
export const D = 0, H = 1, DL = 2, DL2 = 3, DR = 4, BESIDE = 5;
export const LABEL_POSITIONS = 6;
/** The move making the arc (LEFT or RIGHT), distance and move, and the label sets of head and dependent. */
export const ARC_MOVE = 24, DIST_MOVE = 25, HEAD_LABELS = 26, DEPENDENT_LABELS = 27;
export const LABEL_ATOMS = 28;

const d = (k: number): number => at(D, k);
const h = (k: number): number => at(H, k);

export const LABEL_TEMPLATES: readonly (readonly number[])[] = [
  [d(WP)], [d(W)], [d(P)], [h(WP)], [h(P)],
  [d(P), ARC_MOVE], [h(P), ARC_MOVE], [d(P), h(P), ARC_MOVE], [d(P), h(P), DIST_MOVE],
  [d(P), at(DL, L), ARC_MOVE], [d(P), at(DR, L), ARC_MOVE], [d(P), h(P), at(BESIDE, P)],
  [d(W), h(P), ARC_MOVE], [d(P), h(W), ARC_MOVE], [d(W), h(W), ARC_MOVE], [d(P), at(DL, W), ARC_MOVE], [d(P), at(DL2, W), ARC_MOVE],
  [d(P), HEAD_LABELS, ARC_MOVE], [d(P), DEPENDENT_LABELS, ARC_MOVE], [d(P), h(P), at(DR, W)], [d(W), ARC_MOVE],
];
export const LABEL_FEATURES = LABEL_TEMPLATES.length;

export const LABEL_SET: TemplateSet = {
  templates: LABEL_TEMPLATES,
  positions: LABEL_POSITIONS,
  range(atom: number, labelCount: number): number {
    if (atom < LABEL_POSITIONS * 4) return atom % 4 === P ? TAG_RANGE : atom % 4 === L ? labelCount + 1 : 0;
    return atom === ARC_MOVE ? 3 : atom === DIST_MOVE ? SMALL_RANGE * 3 : 0;
  },
};

/** A hash of a word's label sets, left and right. */
function labelSets(s: ParserState, x: number): number {
  return featureKey(90, s.leftLabelsLow[x]!, s.leftLabelsHigh[x]!, s.rightLabelsLow[x]! ^ Math.imul(s.rightLabelsHigh[x]!, 0x2545f491));
}

/**
 * Read an arc from `head` to `dependent` about to be made by `move` into the
 * label classifier's atoms (`LABEL_ATOMS`) and positions. The dependent's
 * subtree is complete at this point; the head's is not. The word beside the
 * arc: for a RIGHT arc b0 (just after the dependent's subtree), for a LEFT arc
 * the word below the dependent on the stack.
 */
export function readArc(s: ParserState, dependent: number, head: number, move: number, atoms: Int32Array, positions: Int32Array): void {
  positions[D] = dependent;
  positions[H] = head;
  positions[DL] = s.left1[dependent]!;
  positions[DL2] = s.left2[dependent]!;
  positions[DR] = s.right1[dependent]!;
  positions[BESIDE] = move === LEFT ? (s.depth > 1 ? s.stack[s.depth - 2]! : -1) : s.front;
  const { word, tag, wordTag, label } = s;
  for (let p = 0; p < LABEL_POSITIONS; p++) {
    const x = positions[p]!;
    const base = p * 4;
    atoms[base] = x < 0 ? 0 : word[x]!;
    atoms[base + 1] = x < 0 ? 0 : tag[x]!;
    atoms[base + 2] = x < 0 ? 0 : wordTag[x]!;
    atoms[base + 3] = x < 0 ? 0 : label[x]!;
  }
  atoms[ARC_MOVE] = move;
  atoms[DIST_MOVE] = distance(dependent, head, s.n) * 3 + move;
  atoms[HEAD_LABELS] = labelSets(s, head);
  atoms[DEPENDENT_LABELS] = labelSets(s, dependent);
}

/** The keys of every template of a set over the atoms. */
export function templateKeys(templates: readonly (readonly number[])[], atoms: Int32Array, out: Int32Array): void {
  for (let t = 0; t < templates.length; t++) {
    const parts = templates[t]!;
    out[t] = featureKey(t, atoms[parts[0]!]!, parts.length > 1 ? atoms[parts[1]!]! : 0, parts.length > 2 ? atoms[parts[2]!]! : 0);
  }
}
