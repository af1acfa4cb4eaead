/** Runs tasks with a cap on how many run at once in all and per key (host). */
export interface KeyedLimiter {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export interface KeyedLimiterOptions {
  readonly total: number;
  readonly perKey: number;
}

/**
 * A first-come limiter with a global and a per-key cap: a waiting task starts
 * as soon as both its key and the whole pool have room, so one slow host does
 * not hold back tasks for other hosts.
 */
export function createKeyedLimiter(options: KeyedLimiterOptions): KeyedLimiter {
  const total = Math.max(1, options.total);
  const perKey = Math.max(1, options.perKey);
  let running = 0;
  const runningPerKey = new Map<string, number>();
  const waiting: Array<{ key: string; start: () => void }> = [];

  const hasRoom = (key: string) => running < total && (runningPerKey.get(key) ?? 0) < perKey;

  const release = (key: string) => {
    running--;
    const n = (runningPerKey.get(key) ?? 1) - 1;
    if (n === 0) runningPerKey.delete(key);
    else runningPerKey.set(key, n);
    const next = waiting.findIndex((w) => hasRoom(w.key));
    if (next !== -1) waiting.splice(next, 1)[0]!.start();
  };

  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          running++;
          runningPerKey.set(key, (runningPerKey.get(key) ?? 0) + 1);
          task().then(resolve, reject).finally(() => release(key));
        };
        if (hasRoom(key)) start();
        else waiting.push({ key, start });
      });
    },
  };
}
