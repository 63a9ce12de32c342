/** A stream reports are written to: process.stdout, or anything with its write (and, optionally, its events). */
export type Writable = {
  write(chunk: string): boolean | unknown;
  once?(event: 'drain' | 'error' | 'close', cb: (err?: Error) => void): unknown;
  on?(event: 'error', cb: (err: Error) => void): unknown;
  off?(event: 'drain' | 'error' | 'close', cb: (err?: Error) => void): unknown;
};

/** Everything the CLI touches outside itself, so tests and embedders can supply their own. */
export interface CliIO {
  stdout: Writable & { isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  stdin: AsyncIterable<string | Buffer>;
  env: Record<string, string | undefined>;
  /** Aborted (with the signal's name as its reason) when the run should stop: SIGINT, SIGTERM. */
  signal?: AbortSignal;
}

/** A mistake in how callcoach was called: reported with its message, exit code 2. */
export class UsageError extends Error {}
