/** SIGINT or SIGTERM arrived: the run stops, unfinished report files are abandoned, and the exit code says which. */
export class Interrupted extends Error {
  constructor(readonly signal: string) {
    super(`stopped by ${signal}`);
    this.name = 'Interrupted';
  }

  /** 128 + the signal's number, as shells report a process a signal stopped. */
  get exitCode(): number {
    return this.signal === 'SIGTERM' ? 143 : 130;
  }
}

/** Throws Interrupted once the signal has fired. */
export function throwIfInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Interrupted(String(signal.reason ?? 'SIGINT'));
}

/**
 * Each item of `source` until the signal fires; a pending item is not waited for once it has. Each
 * wait listens for the signal afresh: racing every item against one long-lived promise would leave a
 * reaction on it per item, and with it the item, so a stream of 10,000 results would keep them all.
 */
export async function* untilInterrupted<T>(source: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  if (!signal) return yield* source;
  const iterator = source[Symbol.asyncIterator]();
  const stopped = () => new Interrupted(String(signal.reason ?? 'SIGINT'));
  const next = () =>
    new Promise<IteratorResult<T>>((resolve, reject) => {
      if (signal.aborted) return reject(stopped());
      const stop = () => reject(stopped());
      signal.addEventListener('abort', stop, { once: true });
      iterator
        .next()
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', stop));
    });
  try {
    for (;;) {
      const item = await next();
      if (item.done) return;
      yield item.value;
    }
  } finally {
    // Not awaited: the source may be busy with the item the signal cut short.
    if (!signal.aborted) await iterator.return?.();
    else void iterator.return?.()?.catch(() => undefined);
  }
}
