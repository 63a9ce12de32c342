import { availableParallelism } from 'node:os';

export const CORES = availableParallelism();

/**
 * Below this many inputs a run uses no worker thread, and a stream starts its workers only once it
 * has checked this many. A worker's start costs about 0.3 s of CPU here (its own copy of the program
 * and packs, and code that runs slowly until V8 has compiled it: its first 80 conversations take 5 ms
 * each, against 0.4 ms once warm), and two threads each do more work than one alone. Measured on 2
 * cores with `npm run bench`'s calls, this thread and one worker against this thread alone, cores
 * free, medians of 5: 0.82x at 300 files, 0.87x at 600, 0.98x at 1,000, 1.08x at 1,500, 1.13x at 2,000.
 */
export const INLINE_BELOW = 1500;

/** Who checks a run's inputs: the main thread, and `workers` worker threads beside it. */
export interface JobPlan {
  workers: number;
  /** Inputs the main thread checks alone before the workers start (a stream of unknown length). */
  before?: number;
}

/**
 * The threads for a run. Asked for: that many check, this one and a worker for each other (1: this
 * one alone), never more than there are inputs to share. This thread checks a batch only when every
 * worker has its fill (PER_WORKER in executor.ts), so it hands out work and collects results first:
 * on 2 cores, this thread and a worker check a 10,000-conversation stream in 4.55 s, two workers with
 * this one only handing out in 5.04 s. Not asked: this thread alone for a small batch; else a worker for each other core.
 */
export function jobsFor(asked: number | undefined, inputs: number | undefined): JobPlan {
  if (asked !== undefined) return asked === 1 || (inputs !== undefined && inputs <= asked) ? INLINE : { workers: asked - 1 };
  if (CORES === 1 || (inputs !== undefined && inputs < INLINE_BELOW)) return INLINE;
  return { workers: CORES - 1, ...(inputs === undefined && { before: INLINE_BELOW }) };
}

const INLINE: JobPlan = { workers: 0 };
