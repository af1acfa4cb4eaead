/**
 * The Zyte article-extraction benchmark metric (see ../shared/eval-data/extraction/README.md):
 * multisets of 4-token shingles of `\w+` tokens; precision averaged over pages that
 * produced text, recall over all pages, F1 of the two averages.
 */
const SHINGLE = 4;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_\p{M}]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i + SHINGLE <= tokens.length; i++) {
    const key = tokens.slice(i, i + SHINGLE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  /** null when the prediction is empty (no precision for the page). */
  readonly precision: number | null;
  readonly recall: number;
}

/** Precision and recall of one page's predicted text against its gold text. */
export function scorePage(predicted: string, gold: string): PageScore {
  const p = shingles(predicted);
  const g = shingles(gold);
  let pTotal = 0;
  let gTotal = 0;
  let common = 0;
  for (const n of p.values()) pTotal += n;
  for (const [k, n] of g) {
    gTotal += n;
    common += Math.min(n, p.get(k) ?? 0);
  }
  return {
    precision: pTotal === 0 ? null : common / pTotal,
    recall: gTotal === 0 ? 1 : common / gTotal,
  };
}

export interface CorpusScore { readonly precision: number; readonly recall: number; readonly f1: number; readonly pages: number }

/** Average page scores the benchmark's way. */
export function aggregate(scores: readonly PageScore[]): CorpusScore {
  const withText = scores.filter((s) => s.precision !== null);
  const precision = withText.length ? withText.reduce((a, s) => a + (s.precision ?? 0), 0) / withText.length : 0;
  const recall = scores.length ? scores.reduce((a, s) => a + s.recall, 0) / scores.length : 0;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pages: scores.length };
}
