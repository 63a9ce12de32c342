import { availableParallelism } from 'node:os';

export const CORES = availableParallelism();

/**
 * Below this many inputs a run uses no worker thread, and a stream starts its workers only once it
 * has checked this many. A worker's start costs about 0.3 s of CPU here (its own copy of the program
 * and packs, and code that runs slowly until V8 has compiled it), and two threads each do more work
 * than one alone. Measured on 2 cores with `npm run bench`'s calls (about 2 ms each), this thread
 * and one worker against this thread alone, cores free: 0.98x at 300 files, 0.93x at 600, 1.02x at
 * 1,000, 1.10x at 2,000.
 */
export const INLINE_BELOW = 1500;

/** Who checks a run's inputs: `workers` threads, and the main thread too when `main`. */
export interface JobPlan {
  workers: number;
  main: boolean;
  /** Inputs the main thread checks alone before the workers start (a stream of unknown length). */
  before?: number;
}

/**
 * The threads for a run. Asked for: that many workers (1: none), never more than there are inputs
 * to share. Not asked: none for a small batch; else the main thread and a worker for each other
 * core, so no core waits for the main thread to hand out work and collect results.
 */
export function jobsFor(asked: number | undefined, inputs: number | undefined): JobPlan {
  if (asked !== undefined) return asked === 1 || (inputs !== undefined && inputs <= asked) ? INLINE : { workers: asked, main: false };
  if (CORES === 1 || (inputs !== undefined && inputs < INLINE_BELOW)) return INLINE;
  return { workers: CORES - 1, main: true, ...(inputs === undefined && { before: INLINE_BELOW }) };
}

const INLINE: JobPlan = { workers: 0, main: true };
