/**
 * How two renderings of one statement differ, word by word: the words both have, the words only
 * one has. A partial quote is compared with the stretch of the fuller one it matches, so "Do
 * whatever you want" against "… Do whatever the hell you want" is 4 words of 6 alike ("the
 * hell" added), never 100% for different words.
 */

import type { WordingPiece } from '../types.js';

/** Words with the punctuation that closes them, for display; compared lower-cased without punctuation. */
function tokens(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
const key = (w: string): string => w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}']/gu, '');

/** Longest common subsequence of two word lists, as index pairs. */
function align(a: readonly string[], b: readonly string[]): [number, number][] {
  // Each word's key once, not once per cell of the table (normalising was most of the cost).
  const ka = a.map(key);
  const kb = b.map(key);
  const n = a.length;
  const m = b.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i]![j] = ka[i] === kb[j] && ka[i] !== '' ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ka[i] === kb[j] && ka[i] !== '') { pairs.push([i, j]); i++; j++; } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Longest form to compare: quotes of a whole speech are cut to the stretch around the match. */
const MAX_WORDS = 200;

/**
 * The wording of `form` against `reference`: where the reference is longer (a partial quote of
 * it), only the stretch of it that `form` matches counts. `similarity` is the share of words the
 * two have in common over that stretch (Dice coefficient), 1 only for the same words.
 */
export function compareWording(form: string, reference: string): { pieces: WordingPiece[]; similarity: number } {
  const a = tokens(form).slice(0, MAX_WORDS);
  const b = tokens(reference).slice(0, MAX_WORDS);
  const pairs = align(a, b);
  if (pairs.length === 0) return { pieces: a.map((w) => ({ op: 'added', text: w })), similarity: 0 };
  // The stretch of each side between its first and last matched word, plus what `form` has beyond it.
  const [bFrom, bTo] = a.length <= b.length ? [pairs[0]![1], pairs[pairs.length - 1]![1] + 1] : [0, b.length];
  const pieces: WordingPiece[] = [];
  const push = (op: WordingPiece['op'], text: string): void => {
    const last = pieces[pieces.length - 1];
    if (last && last.op === op) pieces[pieces.length - 1] = { op, text: `${last.text} ${text}` };
    else pieces.push({ op, text });
  };
  let i = 0;
  let j = bFrom;
  for (const [x, y] of pairs) {
    while (i < x) push('added', a[i++]!);
    while (j < y) push('dropped', b[j++]!);
    push('same', a[x]!);
    i = x + 1;
    j = y + 1;
  }
  while (i < a.length) push('added', a[i++]!);
  while (j < bTo) push('dropped', b[j++]!);
  const stretch = bTo - bFrom;
  const similarity = Math.round(((2 * pairs.length) / (a.length + stretch)) * 100) / 100;
  // 100% only for the very same words: a partial quote or a changed word is less.
  const identical = a.length === b.length && pairs.length === a.length;
  return { pieces, similarity: identical ? 1 : Math.min(similarity, 0.99) };
}
