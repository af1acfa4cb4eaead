/** A typed run of tokens [start, end) in token indices. */
export interface TokenRun {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/**
 * Runs of BIO or BILOU tags: B-/U- start a run, I-/L- continue one of the same
 * type (a stray I-X starts a new run, as conlleval reads it), and a run ends
 * after L-/U-.
 */
export function runsFromBio(tags: readonly string[]): TokenRun[] {
  const runs: TokenRun[] = [];
  let open: { start: number; type: string } | undefined;
  const close = (end: number): void => {
    if (open) runs.push({ start: open.start, end, type: open.type });
    open = undefined;
  };
  tags.forEach((tag, i) => {
    const type = tag.slice(2);
    const starts = tag.startsWith('B-') || tag.startsWith('U-');
    if (tag === 'O' || starts || open?.type !== type) close(i);
    if (tag !== 'O' && !open) open = { start: i, type };
    if (tag.startsWith('L-') || tag.startsWith('U-')) close(i + 1);
  });
  close(tags.length);
  return runs;
}

/** Precision, recall and F1 of one label or of all together. */
export interface PRF {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
}

function prf(correct: number, predicted: number, gold: number): PRF {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted, correct };
}

/** A mention to score: exact start, end and type must match. */
export interface ScoredMention {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/**
 * Exact-match entity scores, per type and micro-averaged over `types`
 * (mentions of other types are ignored), like conlleval and spaCy's Scorer.
 */
export function scoreMentions(
  pairs: Iterable<{ gold: readonly ScoredMention[]; predicted: readonly ScoredMention[] }>,
  types: readonly string[],
): { micro: PRF; byType: Record<string, PRF> } {
  const counts = Object.fromEntries(types.map((t) => [t, { correct: 0, predicted: 0, gold: 0 }]));
  for (const { gold, predicted } of pairs) {
    const goldKeys = new Set(gold.filter((m) => counts[m.type]).map((m) => `${m.start}:${m.end}:${m.type}`));
    for (const m of gold) if (counts[m.type]) counts[m.type]!.gold++;
    for (const m of predicted) {
      if (!counts[m.type]) continue;
      counts[m.type]!.predicted++;
      if (goldKeys.has(`${m.start}:${m.end}:${m.type}`)) counts[m.type]!.correct++;
    }
  }
  const byType = Object.fromEntries(types.map((t) => [t, prf(counts[t]!.correct, counts[t]!.predicted, counts[t]!.gold)]));
  const sum = (k: 'correct' | 'predicted' | 'gold'): number => types.reduce((a, t) => a + counts[t]![k], 0);
  return { micro: prf(sum('correct'), sum('predicted'), sum('gold')), byType };
}
