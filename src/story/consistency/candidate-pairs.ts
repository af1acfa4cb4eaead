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
  private readonly postings = new Map<string, number[]>();
  private readonly items: number;
  /** Per-item hit counts of one `holdersOfShare` call, zeroed after it (allocated once). */
  private counts: Uint32Array | undefined;

  /** `items[i]` is every token of item i; item ids are the indices. */
  constructor(items: readonly Iterable<string>[]) {
    this.items = items.length;
    items.forEach((tokens, i) => {
      for (const t of new Set(tokens)) {
        const list = this.postings.get(t);
        if (list) list.push(i);
        else this.postings.set(t, [i]);
      }
    });
  }

  private holders(token: string): number {
    return this.postings.get(token)?.length ?? 0;
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
    const ordered = [...tokens].sort((a, b) => this.holders(a) - this.holders(b) || (a < b ? -1 : a > b ? 1 : 0));
    const probed = ordered.slice(0, n - needed + 1 + extra);
    const hits = probed.length - (n - needed);
    const counts = (this.counts ??= new Uint32Array(this.items));
    const touched: number[] = [];
    for (const t of probed) {
      for (const i of this.postings.get(t) ?? []) if (counts[i]!++ === 0) touched.push(i);
    }
    const out: number[] = [];
    for (const i of touched) {
      if (counts[i]! >= hits) out.push(i);
      counts[i] = 0;
    }
    return out;
  }
}
