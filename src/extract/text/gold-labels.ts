import { normaliseForMatch, type PageLine } from './lines.js';

/** Lines this short match gold by accident ("Image", "Share"): they must equal a whole gold paragraph. */
const MIN_WORDS_FOR_CONTAINMENT = 5;

/**
 * Label each line body / not body by matching it against a gold article body:
 * normalised containment for lines of prose, whole-paragraph equality for short lines.
 */
export function labelLinesAgainstGold(lines: readonly PageLine[], goldBody: string): boolean[] {
  const gold = ` ${normaliseForMatch(goldBody)} `;
  const paragraphs = new Set(
    goldBody
      .split(/\n+/)
      .map((p) => normaliseForMatch(p))
      .filter(Boolean),
  );
  return lines.map((line) => {
    const norm = normaliseForMatch(line.text);
    if (!norm) return false;
    if (line.words >= MIN_WORDS_FOR_CONTAINMENT) return gold.includes(` ${norm} `);
    return paragraphs.has(norm);
  });
}
