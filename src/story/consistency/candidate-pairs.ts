/**
 * Exact candidate generation for "holds at least this share of my words" tests (prefix
 * filtering, as in the AllPairs set-similarity join): instead of comparing an item with every
 * other, it probes an inverted index with only its rarest words. If another item must hold at
 * least k = ⌈share·n⌉ of its n words, at most n − k are missing from it, so of its n − k + 1 + e
 * rarest words it holds at least e + 1: no item that passes is lost, and rare words have short
 * posting lists.
 */

/** Far below any real difference between share·n and an integer, far above floating-point error. */
const ROUNDING_SLACK = 1e-9;

/** Inverted index of items' tokens, with a global rarity order (fewest holders first). */
export class TokenIndex {
  /** Each token's place in the rarity order: fewest holders first, then by the token's code units. */
  private readonly rank = new Map<string, number>();
  /** The holders of each token, by its rank. */
  private readonly postings: (readonly number[])[];
  private readonly items: number;
  /** Per-item hit counts of one `holdersOfShare` call, zeroed after it (allocated once). */
  private counts: Uint32Array | undefined;

  /** `items[i]` is every token of item i; item ids are the indices. */
  constructor(items: readonly Iterable<string>[]) {
    this.items = items.length;
    const byToken = new Map<string, number[]>();
    items.forEach((tokens, i) => {
      for (const t of new Set(tokens)) {
        const list = byToken.get(t);
        if (list) list.push(i);
        else byToken.set(t, [i]);
      }
    });
    // Ranked once here, so a query sorts numbers instead of looking up two posting lists per comparison.
    const ordered = [...byToken].sort(([a, x], [b, y]) => x.length - y.length || (a < b ? -1 : a > b ? 1 : 0));
    ordered.forEach(([t], r) => this.rank.set(t, r));
    this.postings = ordered.map(([, list]) => list);
  }

  /**
   * Every item that may hold at least `share` (and at least `minShared`) of a list's positions
   * (duplicates count): those holding at least `extra` + 1 of its n − k + 1 + `extra` rarest
   * positions. A superset of the items that pass: the caller checks each one.
   */
  holdersOfShare(tokens: readonly string[], share: number, extra: number, minShared = 1): number[] {
    const n = tokens.length;
    // The slack keeps a product like 0.8·5 rounded up to 4.000…01 from asking one token too many.
    const needed = Math.max(1, minShared, Math.ceil(share * n - ROUNDING_SLACK));
    if (needed > n) return [];
    const probes = Math.min(n, n - needed + 1 + extra);
    const hits = probes - (n - needed);
    // Tokens no item holds are the rarest of all: they take their places among the probes and hit nothing.
    const ranks: number[] = [];
    for (const t of tokens) {
      const r = this.rank.get(t);
      if (r !== undefined) ranks.push(r);
    }
    ranks.sort((a, b) => a - b);
    const counts = (this.counts ??= new Uint32Array(this.items));
    const touched: number[] = [];
    for (const r of ranks.slice(0, Math.max(0, probes - (n - ranks.length)))) {
      for (const i of this.postings[r]!) if (counts[i]!++ === 0) touched.push(i);
    }
    const out: number[] = [];
    for (const i of touched) {
      if (counts[i]! >= hits) out.push(i);
      counts[i] = 0;
    }
    return out;
  }
}
