import { BoundedCache } from '../annotate/shared/bounded-cache.js';

/**
 * A pure function of a string, remembered for the strings met most (a story's words recur in
 * every article). Bounded, so a long-running server's memory does not grow with all it has read.
 */
export function boundedMemo<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const cache = new BoundedCache<string, V>(limit);
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}
