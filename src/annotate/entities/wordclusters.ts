/**
 * Word clusters learned from unlabeled text, for the entity tagger's features:
 * words that occur between the same neighbours ("in ___ ,", "___ said") fall
 * in the same cluster, so a name never seen in the labelled data still gets
 * the weights of names like it. The method is a cheap stand-in for Brown
 * clustering: positive-PMI vectors of left and right neighbours, a seeded
 * random projection to a few dense dimensions, then hierarchical spherical
 * k-means; each word's path through the hierarchy is a string of one digit
 * per level, so path prefixes are coarser clusters.
 */
import { seededRandom } from '../../core/index.js';

export interface ClusterOptions {
  /** Words seen fewer times than this get no cluster: their contexts are noise. */
  readonly minCount: number;
  /** How many of the most frequent words serve as context dimensions. */
  readonly contextWords: number;
  /** Dimensions of the random projection. */
  readonly dimensions: number;
  /** Clusters per node at each level, e.g. [16, 8, 8]: at most 36 each (one base-36 digit). */
  readonly branching: readonly number[];
  readonly iterations: number;
  readonly seed: number;
}


/**
 * Cluster the words of `sentences` (already normalised: lower case, digits as 0).
 * Returns word → path, e.g. "a37" for cluster 10, then 3, then 7.
 */
export function learnWordClusters(sentences: Iterable<readonly string[]>, options: ClusterOptions): Map<string, string> {
  const counts = new Map<string, number>();
  const list: (readonly string[])[] = [];
  for (const s of sentences) {
    list.push(s);
    for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const byFrequency = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFrequency.filter(([, c]) => c >= options.minCount).map(([w]) => w);
  const vocabId = new Map(vocab.map((w, i) => [w, i]));
  const contextId = new Map(byFrequency.slice(0, options.contextWords).map(([w], i) => [w, i]));
  const C = contextId.size;
  const BOUNDARY = C; // the sentence edge is a context of its own
  // co-occurrence counts: left neighbours in [0, C], right neighbours in [C + 1, 2C + 1]
  const pairs = vocab.map(() => new Map<number, number>());
  const contextTotals = new Float64Array(2 * (C + 1));
  let total = 0;
  for (const s of list) {
    for (let i = 0; i < s.length; i++) {
      const v = vocabId.get(s[i]!);
      if (v === undefined) continue;
      const left = i > 0 ? (contextId.get(s[i - 1]!) ?? -1) : BOUNDARY;
      const right = i + 1 < s.length ? (contextId.get(s[i + 1]!) ?? -1) : BOUNDARY;
      for (const k of [left, right === -1 ? -1 : C + 1 + right]) {
        if (k < 0) continue;
        pairs[v]!.set(k, (pairs[v]!.get(k) ?? 0) + 1);
        contextTotals[k]!++;
        total++;
      }
    }
  }
  const D = options.dimensions;
  const random = seededRandom(options.seed);
  const projection = Float64Array.from({ length: 2 * (C + 1) * D }, () => (random() < 0.5 ? -1 : 1));
  const vectors = new Float64Array(vocab.length * D);
  pairs.forEach((row, v) => {
    let wordTotal = 0;
    for (const c of row.values()) wordTotal += c;
    for (const [k, c] of row) {
      const pmi = Math.log((c * total) / (wordTotal * contextTotals[k]!));
      if (pmi <= 0) continue;
      for (let d = 0; d < D; d++) vectors[v * D + d]! += pmi * projection[k * D + d]!;
    }
    normalise(vectors, v * D, D);
  });
  return new Map(clusterPaths(vectors, D, vocab.length, options.branching, options.iterations, random).map((p, i) => [vocab[i]!, p]));
}

/**
 * Word classes from pretrained word vectors (e.g. GloVe): the same hierarchical
 * spherical k-means as `learnWordClusters`, over `vectors` (`words.length × dimensions`,
 * row-major). Returns word → path.
 */
export function clustersFromVectors(
  words: readonly string[], vectors: Float64Array, dimensions: number,
  options: Pick<ClusterOptions, 'branching' | 'iterations' | 'seed'>,
): Map<string, string> {
  for (let v = 0; v < words.length; v++) normalise(vectors, v * dimensions, dimensions);
  const paths = clusterPaths(vectors, dimensions, words.length, options.branching, options.iterations, seededRandom(options.seed));
  return new Map(words.map((w, i) => [w, paths[i]!]));
}

/** Each vector's path through a hierarchy of spherical k-means splits, one base-36 digit per level. */
function clusterPaths(vectors: Float64Array, D: number, count: number, branching: readonly number[], iterations: number, random: () => number): string[] {
  const paths = new Array<string>(count).fill('');
  const split = (members: number[], level: number): void => {
    const k = branching[level];
    if (k === undefined || members.length === 0) return;
    const assignment = sphericalKMeans(vectors, D, members, Math.min(k, members.length), iterations, random);
    const groups: number[][] = Array.from({ length: k }, () => []);
    members.forEach((m, i) => groups[assignment[i]!]!.push(m));
    groups.forEach((group, g) => {
      for (const m of group) paths[m] += g.toString(36);
      split(group, level + 1);
    });
  };
  split(Array.from({ length: count }, (_, i) => i), 0);
  return paths;
}

function normalise(vectors: Float64Array, offset: number, D: number): void {
  let norm = 0;
  for (let d = 0; d < D; d++) norm += vectors[offset + d]! ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < D; d++) vectors[offset + d]! /= norm;
}

/** k-means on unit vectors by cosine, seeded with k-means++; returns each member's cluster. */
function sphericalKMeans(vectors: Float64Array, D: number, members: readonly number[], k: number, iterations: number, random: () => number): Int32Array {
  const centroids = new Float64Array(k * D);
  const dot = (m: number, c: number): number => {
    let s = 0;
    for (let d = 0; d < D; d++) s += vectors[m * D + d]! * centroids[c * D + d]!;
    return s;
  };
  // k-means++: each next seed drawn in proportion to its distance from the seeds so far
  const distance = new Float64Array(members.length).fill(Infinity);
  let chosen = members[Math.floor(random() * members.length)]!;
  for (let c = 0; c < k; c++) {
    centroids.set(vectors.subarray(chosen * D, chosen * D + D), c * D);
    let sum = 0;
    members.forEach((m, i) => {
      distance[i] = Math.min(distance[i]!, Math.max(0, 1 - dot(m, c)));
      sum += distance[i]!;
    });
    let pick = random() * sum;
    chosen = members[members.length - 1]!;
    for (let i = 0; i < members.length; i++) {
      pick -= distance[i]!;
      if (pick <= 0) {
        chosen = members[i]!;
        break;
      }
    }
  }
  const assignment = new Int32Array(members.length);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    members.forEach((m, i) => {
      let best = 0;
      let top = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(m, c);
        if (s > top) {
          top = s;
          best = c;
        }
      }
      if (assignment[i] !== best || it === 0) moved++;
      assignment[i] = best;
    });
    centroids.fill(0);
    members.forEach((m, i) => {
      const c = assignment[i]!;
      for (let d = 0; d < D; d++) centroids[c * D + d]! += vectors[m * D + d]!;
    });
    for (let c = 0; c < k; c++) normalise(centroids, c * D, D);
    if (moved === 0) break;
  }
  return assignment;
}
