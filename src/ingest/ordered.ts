/**
 * Yield the outputs of each item in input order while up to `lookahead`
 * items ahead have already begun: `begin` starts any eager work (a fetch)
 * and returns the item's outputs to be read later. Lazy items (an async
 * generator) do nothing until their turn.
 */
export async function* inOrderWithLookahead<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  lookahead: number,
  begin: (item: T) => AsyncIterable<R>,
): AsyncGenerator<R> {
  const queue: AsyncIterable<R>[] = [];
  for await (const item of items) {
    queue.push(begin(item));
    if (queue.length > lookahead) yield* queue.shift()!;
  }
  while (queue.length > 0) yield* queue.shift()!;
}

/** An async iterable over a promised array; the promise starts now, the reading happens later. */
export function eagerly<R>(work: Promise<R[]>): AsyncIterable<R> {
  return {
    async *[Symbol.asyncIterator]() {
      yield* await work;
    },
  };
}
