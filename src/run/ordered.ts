/**
 * Maps an async stream through `fn` with up to `window` calls in flight, yielding results in input
 * order. Memory stays bounded by the window however long the stream is.
 */
export async function* mapOrdered<T, R>(source: AsyncIterable<T>, fn: (item: T) => Promise<R>, window: number): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  const iterator = source[Symbol.asyncIterator]();
  let done = false;
  const fill = async () => {
    while (!done && pending.length < window) {
      const next = await iterator.next();
      if (next.done) done = true;
      else {
        const p = fn(next.value);
        p.catch(() => undefined); // surfaced when its turn comes
        pending.push(p);
      }
    }
  };
  await fill();
  while (pending.length > 0) {
    const result = await pending.shift()!;
    await fill();
    yield result;
  }
}

/** Groups a stream into arrays of up to `size` items: fewer, larger messages to worker threads. */
export async function* batches<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
