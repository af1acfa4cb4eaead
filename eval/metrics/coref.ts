/**
 * The CoNLL-2012 coreference metrics over clusters of mention keys: MUC
 * (links), B³ (mentions) and CEAF-e (entities, aligned one-to-one by the
 * Kuhn-Munkres algorithm), and their average F1. A mention missing from the
 * other side counts as wrong on that side (no twinless-mention adjustment).
 */
export type Clusters = readonly (readonly string[])[];

export interface PRF {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Numerators and denominators, summed over documents before dividing. */
export interface Tally {
  pNum: number;
  pDen: number;
  rNum: number;
  rDen: number;
}

export const emptyTally = (): Tally => ({ pNum: 0, pDen: 0, rNum: 0, rDen: 0 });

export function prf(t: Tally): PRF {
  const precision = t.pDen ? t.pNum / t.pDen : 0;
  const recall = t.rDen ? t.rNum / t.rDen : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function clusterOf(clusters: Clusters): Map<string, number> {
  const at = new Map<string, number>();
  clusters.forEach((c, i) => c.forEach((m) => at.set(m, i)));
  return at;
}

/** MUC's recall side: links of `key` kept by `response` (Vilain et al. 1995). */
function mucSide(key: Clusters, response: Clusters): { num: number; den: number } {
  const at = clusterOf(response);
  let num = 0;
  let den = 0;
  for (const k of key) {
    const parts = new Set<string>();
    let missing = 0;
    for (const m of k) {
      const r = at.get(m);
      if (r === undefined) missing++;
      else parts.add(String(r));
    }
    num += k.length - (parts.size + missing);
    den += k.length - 1;
  }
  return { num, den };
}

/** Add a metric's recall side (key against response) and precision side (response against key). */
function addBothSides(side: (a: Clusters, b: Clusters) => { num: number; den: number }, key: Clusters, response: Clusters, into: Tally): void {
  const r = side(key, response);
  const p = side(response, key);
  into.rNum += r.num;
  into.rDen += r.den;
  into.pNum += p.num;
  into.pDen += p.den;
}

export function muc(key: Clusters, response: Clusters, into: Tally): void {
  addBothSides(mucSide, key, response, into);
}

function bcubedSide(key: Clusters, response: Clusters): { num: number; den: number } {
  const at = clusterOf(response);
  let num = 0;
  let den = 0;
  for (const k of key) {
    const counts = new Map<number, number>();
    for (const m of k) {
      const r = at.get(m);
      if (r !== undefined) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    for (const m of k) {
      const r = at.get(m);
      den++;
      if (r !== undefined) num += counts.get(r)! / k.length;
    }
  }
  return { num, den };
}

export function bcubed(key: Clusters, response: Clusters, into: Tally): void {
  addBothSides(bcubedSide, key, response, into);
}

/** Maximum-weight one-to-one assignment (Hungarian algorithm on costs = max − weight). */
function bestAssignment(weights: number[][]): number {
  const n = Math.max(weights.length, weights[0]?.length ?? 0);
  if (n === 0) return 0;
  let max = 0;
  for (const row of weights) for (const w of row) max = Math.max(max, w);
  const cost = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => max - (weights[i]?.[j] ?? 0)));
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) if (p[j]! > 0) total += weights[p[j]! - 1]?.[j - 1] ?? 0;
  return total;
}

/** CEAF-e: entities aligned one to one, similarity 2|K∩R| / (|K| + |R|) (Luo 2005). */
export function ceafe(key: Clusters, response: Clusters, into: Tally): void {
  const sets = response.map((r) => new Set(r));
  const weights = key.map((k) => sets.map((r) => (2 * k.filter((m) => r.has(m)).length) / (k.length + r.size)));
  const total = bestAssignment(weights);
  into.rNum += total;
  into.rDen += key.length;
  into.pNum += total;
  into.pDen += response.length;
}
