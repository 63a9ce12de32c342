import { availableParallelism } from 'node:os';

export const CORES = availableParallelism();

/**
 * Below this many inputs a run uses no worker thread. A worker's start costs about 0.3 s of CPU here
 * (its own copy of the program and packs, and code that runs slowly until V8 has compiled it), which
 * a small batch does not win back. Measured on 2 cores with `npm run bench`'s calls (about 2 ms each).
 */
export const INLINE_BELOW = 400;

/** Who checks a run's inputs: `workers` threads, and the main thread too when `main`. */
export interface JobPlan {
  workers: number;
  main: boolean;
}

/**
 * The threads for a run. Asked for: that many workers (1: none), never more than there are inputs
 * to share. Not asked: none for a small batch; else the main thread and a worker for each other
 * core, so no core waits for the main thread to hand out work and collect results.
 */
export function jobsFor(asked: number | undefined, inputs: number | undefined): JobPlan {
  if (asked !== undefined) return asked === 1 || (inputs !== undefined && inputs <= asked) ? INLINE : { workers: asked, main: false };
  return CORES === 1 || (inputs !== undefined && inputs < INLINE_BELOW) ? INLINE : { workers: CORES - 1, main: true };
}

const INLINE: JobPlan = { workers: 0, main: true };
