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

/** Each item of `source` until the signal fires; a pending item is not waited for once it has. */
export async function* untilInterrupted<T>(source: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  if (!signal) return yield* source;
  const iterator = source[Symbol.asyncIterator]();
  const aborted = new Promise<never>((_, reject) => {
    const stop = () => reject(new Interrupted(String(signal.reason ?? 'SIGINT')));
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Not awaited: the source may be busy with the item the signal cut short.
    if (!signal.aborted) await iterator.return?.();
    else void iterator.return?.()?.catch(() => undefined);
  }
}
