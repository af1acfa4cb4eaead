import type { PageLine } from './lines.js';

/** Keeps log-probabilities finite for lines the model is certain about. */
const EPSILON = 1e-6;

/**
 * Two-state Viterbi over line scores: body or furniture, paying `switchCost` nats at each change.
 * Isolated labels are smoothed by their neighbours; returns one boolean per line.
 */
export function viterbiBody(probabilities: readonly number[], switchCost: number): boolean[] {
  const n = probabilities.length;
  if (n === 0) return [];
  const back: Array<[number, number]> = [];
  const emit = (p: number): [number, number] => {
    const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
    return [Math.log(1 - q), Math.log(q)];
  };
  let score = emit(probabilities[0]!);
  for (let i = 1; i < n; i++) {
    const e = emit(probabilities[i]!);
    const from0 = [score[0], score[1] - switchCost] as const;
    const from1 = [score[0] - switchCost, score[1]] as const;
    const b0 = from0[0] >= from0[1] ? 0 : 1;
    const b1 = from1[1] >= from1[0] ? 1 : 0;
    back.push([b0, b1]);
    score = [from0[b0]! + e[0], from1[b1]! + e[1]];
  }
  const states = new Array<boolean>(n);
  let state = score[1] > score[0] ? 1 : 0;
  for (let i = n - 1; i >= 0; i--) {
    states[i] = state === 1;
    if (i > 0) state = back[i - 1]![state]!;
  }
  return states;
}

/**
 * The contiguous run of lines with the largest total of (p − 0.5) × words: the page's main text
 * when the decoder found no line it was confident about. Never empty for a non-empty page.
 */
export function strongestRegion(probabilities: readonly number[], words: readonly number[]): boolean[] {
  let best = -Infinity;
  let bestStart = 0;
  let bestEnd = -1;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const gain = (probabilities[i]! - 0.5) * Math.max(1, words[i]!);
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += gain;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  return probabilities.map((_, i) => i >= bestStart && i <= bestEnd);
}

/** A prose line next to the body joins it at this much lower confidence (hysteresis). */
const EXTEND_MIN_P = 0.2;

/**
 * Grow each decoded body run over adjacent lines of prose the classifier only half believed:
 * the last paragraph before a tag list is easily scored as furniture.
 */
export function extendOverProse(lines: readonly PageLine[], probabilities: readonly number[], body: readonly boolean[]): boolean[] {
  const out = [...body];
  const isProse = (i: number): boolean =>
    lines[i]!.words >= PROSE_MIN_WORDS && SENTENCE_END.test(lines[i]!.text) && probabilities[i]! >= EXTEND_MIN_P;
  for (let i = 1; i < lines.length; i++) if (out[i - 1] && !out[i] && isProse(i)) out[i] = true;
  for (let i = lines.length - 2; i >= 0; i--) if (out[i + 1] && !out[i] && isProse(i)) out[i] = true;
  return out;
}

/** A line that opens a block of links inserted into the body ("Related News", "Read more: …"). */
const INSERT_MARKER =
  /^(related( news| articles?| stories| content| coverage| reading)?|read more|read also|also read|see also|more on this|recommended( for you)?|you may also like|most read|more from [\p{L} ]+|trending( now)?|more stories|further reading|watch|listen)\s*:?\s*$/iu;
/** A line that is an inline teaser: "Read more: headline". */
const INLINE_TEASER = /^(read more|read also|also read|see also|related|recommended|watch|listen)\s*[:|–—-]\s*\S/iu;
/** An image caption ends with its credit in brackets: "(Photo: Jane Roe / Agency)". */
const CREDITED_CAPTION = /\([^()]*\b(photo|photograph|illustrat\w*|image|credit|getty|file)\b[^()]*\)\s*$/iu;
/** A line of prose ends an insert: enough words and a sentence ending. */
const PROSE_MIN_WORDS = 12;
const SENTENCE_END = /[.!?…。！？]["'”’)\]」』]*$/u;

/**
 * Lines of inserted link blocks: a "Related News" style marker and the short link lines after it,
 * up to the next paragraph of prose. The decoder skips them so that an insert does not cut the body in two.
 */
export function insertLines(lines: readonly PageLine[]): boolean[] {
  const out = new Array<boolean>(lines.length).fill(false);
  for (let i = 0; i < lines.length; i++) {
    if (!INSERT_MARKER.test(lines[i]!.text)) continue;
    out[i] = true;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.words >= PROSE_MIN_WORDS && SENTENCE_END.test(l.text)) break;
      out[j] = true;
      i = j;
    }
  }
  return out;
}

/**
 * Drop inserts inside the body: a "Related News" style marker and the short link lines after it,
 * up to the next paragraph of prose; and one-line "Read more: …" teasers.
 */
export function dropInserts(lines: readonly PageLine[], body: boolean[]): boolean[] {
  const out = [...body];
  for (let i = 0; i < lines.length; i++) {
    if (!out[i]) continue;
    const text = lines[i]!.text;
    if (INLINE_TEASER.test(text) || CREDITED_CAPTION.test(text)) {
      out[i] = false;
      continue;
    }
    if (!INSERT_MARKER.test(text)) continue;
    out[i] = false;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.words >= PROSE_MIN_WORDS && SENTENCE_END.test(l.text)) break;
      out[j] = false;
    }
  }
  return out;
}
