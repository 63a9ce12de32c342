import type { FileResult } from '../results/model.js';
import type { Prepared, Setup } from './setup.js';
import { runTask, type Task } from './task.js';

export interface Executor {
  /** Checks a batch of tasks, results in task order. */
  run(tasks: readonly Task[]): Promise<FileResult[]>;
  close(): Promise<void>;
}

/** Runs tasks on this thread: the right choice for one file, where starting workers costs more than it saves. */
export function inlineExecutor({ rulesFor, options }: Prepared): Executor {
  return {
    run: async (tasks) => {
      // A turn of the event loop per batch: without it a long run is all microtasks, and signals
      // (SIGINT) and output to a pipe wait until it ends.
      await new Promise((resolve) => setImmediate(resolve));
      const out: FileResult[] = [];
      for (const t of tasks) out.push(...(await runTask(t, rulesFor, options)));
      return out;
    },
    close: async () => undefined,
  };
}

/** Runs tasks on `jobs` worker threads; each worker loads the config and compiles the packs once. */
export async function poolExecutor(jobs: number, setup: Setup): Promise<Executor> {
  // Loaded only for parallel runs: a one-file check does not start workers.
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    workerData: setup,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 1000,
    // A worker holds one conversation at a time; capped heaps make V8 collect instead of growing, so
    // memory stays flat however long the stream (a leak would show as a worker failing, not as swap).
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
  });
  return { run: (tasks) => pool.run(tasks) as Promise<FileResult[]>, close: () => pool.destroy() };
}
