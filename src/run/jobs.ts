import { availableParallelism } from 'node:os';

export const CORES = availableParallelism();

/**
 * Below this many inputs a run checks them on its own thread: starting worker threads (each loads the
 * program and compiles the packs, about 0.1 s of CPU) costs more than a second core saves on a batch
 * this small. Measured on 2 cores with `npm run bench`'s calls (about 2 ms each): jobs 2 first beat
 * jobs 1 between 100 and 200 files.
 */
export const INLINE_BELOW = 150;

/**
 * How many worker threads a run uses: the number asked for, else one per core for a batch worth
 * starting them (or a stream, whose length is unknown), else none. 1 means inline: no worker at all.
 */
export function jobsFor(asked: number | undefined, inputs: number | undefined): number {
  if (asked !== undefined) return inputs !== undefined && inputs <= asked ? 1 : asked;
  return inputs !== undefined && inputs < INLINE_BELOW ? 1 : CORES;
}
