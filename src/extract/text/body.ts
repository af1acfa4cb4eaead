import { dropInserts, extendOverProse, insertLines, strongestRegion, viterbiBody } from './decode.js';
import { contextFeatures, pageFeatures, type LineFeatures } from './features.js';
import type { PageLine } from './lines.js';
import { scoreLine, type LineModel } from './model.js';

export interface BodySelection {
  /** Probability of body per line, from the classifier alone (0 for lines without words). */
  readonly probabilities: number[];
  /** The decoded body lines, after smoothing and insert removal. */
  readonly body: boolean[];
}

/**
 * Classify every line and decode the article body from the scores.
 * Lines without words ("___", "/") are never body and are transparent to the decoder,
 * so a separator between two paragraphs does not split the article.
 */
export function selectBody(lines: readonly PageLine[], model: LineModel): BodySelection {
  const contentIdx = lines.flatMap((l, i) => (l.words > 0 ? [i] : []));
  const content = contentIdx.map((i) => lines[i]!);
  const p = scorePage(pageFeatures(content), content, model);
  // Inserted link blocks are transparent to the decoder, like empty lines.
  const inserts = insertLines(content);
  const keptIdx = content.flatMap((_, k) => (inserts[k] ? [] : [k]));
  const keptP = keptIdx.map((k) => p[k]!);
  let smoothed = viterbiBody(keptP, model.switchCost);
  if (!smoothed.includes(true)) smoothed = strongestRegion(keptP, keptIdx.map((k) => content[k]!.words));
  smoothed = extendOverProse(keptIdx.map((k) => content[k]!), keptP, smoothed);
  const decodedContent = new Array<boolean>(content.length).fill(false);
  keptIdx.forEach((k, j) => {
    decodedContent[k] = smoothed[j]!;
  });
  const decoded = dropInserts(content, decodedContent);
  const probabilities = new Array<number>(lines.length).fill(0);
  const body = new Array<boolean>(lines.length).fill(false);
  contentIdx.forEach((lineIdx, k) => {
    probabilities[lineIdx] = p[k]!;
    body[lineIdx] = decoded[k]!;
  });
  return { probabilities, body };
}

/** Both passes of the classifier over one page's content lines. */
export function scorePage(base: readonly LineFeatures[], content: readonly PageLine[], model: Pick<LineModel, 'weights' | 'contextWeights'>): number[] {
  const first = base.map((f) => scoreLine(model.weights, f));
  const strongest = strongestRegion(first, content.map((l) => l.words));
  return contextFeatures(base, first, strongest).map((f) => scoreLine(model.contextWeights, f));
}

/** The body text: selected lines in order, each its own paragraph. */
export function bodyText(lines: readonly PageLine[], body: readonly boolean[]): string {
  return lines
    .filter((_, i) => body[i])
    .map((l) => l.text)
    .join('\n\n');
}
