/**
 * A cache of computed values with a bounded number of entries, for the
 * models' per-word caches: a long-running worker meets new words without end,
 * and a cache that only grows would hold hundreds of megabytes of rows after
 * a few thousand articles. Two generations: when the current one is full it
 * becomes the previous one (the one before is dropped) and a hit in the
 * previous generation moves back into the current one, so frequent words stay
 * cached while rare ones age out. Holds at most twice `limit` entries.
 *
 * Only for values that are a pure function of the key: a dropped entry is
 * computed again, identically.
 */
export class BoundedCache<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}
