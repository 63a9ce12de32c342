import type { JobPlan } from './jobs.js';
import type { Prepared, Setup } from './setup.js';
import { runTask, type Task, type TaskOutput } from './task.js';
import { WORKER_FILE } from './worker-file.js';

export interface Executor {
  /** Checks a batch of tasks, results in task order. */
  run(tasks: readonly Task[]): Promise<TaskOutput[]>;
  close(): Promise<void>;
}

/** Runs tasks on this thread: the right choice for one file, where starting workers costs more than it saves. */
export function inlineExecutor({ rulesFor, options }: Prepared): Executor {
  return {
    run: async (tasks) => {
      const out: TaskOutput[] = [];
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
    filename: WORKER_FILE,
    workerData: setup,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 1000,
    // A worker holds a batch of conversations at a time; capped heaps make V8 collect instead of
    // growing, so memory stays flat however long the stream (a leak would show as a worker failing,
    // not as swap). The young generation's cap is set by memory: with V8's default, two workers took
    // the process to 280-305 MB; at 24 MB, 234 MB, for CPU within the noise of 16 MB or no cap
    // (2,000-record stream at --jobs 2: 6.18 s against 6.30 s and 6.22 s).
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 24 },
  });
  return { run: (tasks) => pool.run(tasks) as Promise<TaskOutput[]>, close: () => pool.destroy() };
}

/** Tasks per message to a worker thread. */
export const BATCH = 8;

/** The executor for a plan: inline, workers, or both. */
export async function executorFor(plan: JobPlan, prepared: Prepared, setup: Setup): Promise<Executor> {
  if (plan.workers === 0) return inlineExecutor(prepared);
  if (!plan.main) return poolExecutor(plan.workers, setup);
  return sharedExecutor(() => poolExecutor(plan.workers, setup), inlineExecutor(prepared), plan.workers, plan.before ?? 0);
}

/**
 * The workers and this thread together. The workers start once `before` tasks have been checked
 * here; then a batch goes to them while they have fewer than two each to do, else it is checked here.
 * So this thread checks while the workers start and whenever they are busy, and they never run dry.
 */
function sharedExecutor(start: () => Promise<Executor>, inline: Executor, workers: number, before: number): Executor {
  let pool: Promise<Executor> | undefined;
  let seen = 0;
  let queued = 0;
  return {
    run: async (tasks) => {
      seen += tasks.length;
      if (seen > before) pool ??= start();
      if (!pool || queued >= workers * 2) return inline.run(tasks);
      queued++;
      try {
        return await (await pool).run(tasks);
      } finally {
        queued--;
      }
    },
    close: async () => {
      if (pool) await (await pool).close();
    },
  };
}
