import { failedFile, type FileResult } from '../results/model.js';
import { DEFAULT_LIMITS, type Limits } from '../transcript/limits.js';
import type { JobPlan } from './jobs.js';
import type { Prepared, Setup } from './setup.js';
import { runTask, type Task, type TaskOutput } from './task.js';
import { WORKER_FILE } from './worker-file.js';
import { fromWire, type WireBatch } from './wire.js';

export interface Executor {
  /** Checks a batch of tasks, results in task order. */
  run(tasks: readonly Task[]): Promise<TaskOutput[]>;
  close(): Promise<void>;
}

/**
 * The result for an input whose check failed inside callcoach (a bug or a worker that died): an error
 * for that input alone, marked internal so it is not mistaken for a problem in the transcript.
 */
export function internalFailure(task: Task, err: unknown): FileResult {
  const reason = err instanceof Error ? err.message : String(err);
  return failedFile(task.path, {
    message: `internal error while checking this input (${reason.slice(0, 200)}); this is a bug in callcoach: please report it with the input's shape`,
    internal: true,
  });
}

/** Runs tasks on this thread: the right choice for one file, where starting workers costs more than it saves. */
export function inlineExecutor({ rulesFor, options }: Prepared): Executor {
  return {
    run: async (tasks) => {
      // A turn of the event loop per batch: without it a long run is all microtasks, and signals
      // (SIGINT) and output to a pipe wait until it ends.
      await new Promise((resolve) => setImmediate(resolve));
      const out: TaskOutput[] = [];
      for (const t of tasks) {
        try {
          out.push(...(await runTask(t, rulesFor, options)));
        } catch (err) {
          out.push(internalFailure(t, err));
        }
      }
      return out;
    },
    close: async () => undefined,
  };
}

/**
 * The heap a worker may use: enough for the largest input the limits let through (measured: about 32 MB
 * per MB of a word-timed JSON transcript, plus the compiled packs), with room to spare, so an input the
 * limits accept checks the same in a worker as on the main thread (`--jobs 1`).
 */
export function workerHeapMb(limits: Limits): number {
  return Math.max(96, 64 + Math.ceil((48 * limits.inputBytes) / (1024 * 1024)));
}

/**
 * Batches handed to a worker at a time, one checked and the rest waiting, so a worker that finishes one
 * starts the next at once rather than waiting for this thread (busy checking a batch of its own, or
 * writing results) to hand it over. With one waiting, 11 % of a worker's time was that wait. Medians of
 * 5 on 2 cores against one waiting: three waiting, 10k-conversation stream at --jobs 2 -3 to -5 %, the
 * bench corpus at the default job count -2.4 %, STAR at --jobs 2 -3.4 %; two waiting -3 %, five -1.5 %.
 */
const PER_WORKER = 4;

/**
 * Runs tasks on `jobs` worker threads; each worker loads the config and compiles the packs once. A batch
 * whose worker dies (out of memory, a crash) is retried one task at a time, each alone in a worker of
 * its own, so only the input that kills a worker is reported as failed, and the rest of the batch is
 * checked. (Retried on the shared workers, a task could sit in the same worker as the one that kills
 * it, as a worker holds several batches at once.)
 */
export async function poolExecutor(jobs: number, setup: Setup): Promise<Executor> {
  // Loaded only for parallel runs: a one-file check does not start workers.
  const { Piscina } = await import('piscina');
  const heap = workerHeapMb(setup.limits ?? DEFAULT_LIMITS);
  const workers = (threads: number, perWorker: number) =>
    new Piscina({
      filename: WORKER_FILE,
      workerData: setup,
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: perWorker,
      idleTimeout: 1000,
      // Capped heaps make V8 collect instead of growing, so memory stays flat however long the stream (a
      // leak would show as a worker failing, not as swap). The old generation's cap follows from the input
      // limit (workerHeapMb); the young generation's is set by memory: with V8's default, two workers took
      // the process to 280-305 MB; at 24 MB, 234 MB, for CPU within the noise of 16 MB or no cap
      // (2,000-record stream at --jobs 2: 6.18 s against 6.30 s and 6.22 s).
      resourceLimits: { maxOldGenerationSizeMb: heap, maxYoungGenerationSizeMb: 24 },
    });
  const pool = workers(jobs, PER_WORKER);
  // Made on the first worker that dies: one thread, one task at a time.
  let isolated: InstanceType<typeof Piscina> | undefined;
  const one = (task: Task) =>
    ((isolated ??= workers(1, 1)).run([task]) as Promise<WireBatch>).then(fromWire, (err: unknown) => [internalFailure(task, err)]);
  return {
    run: async (tasks) => {
      try {
        return fromWire((await pool.run(tasks)) as WireBatch);
      } catch {
        return (await Promise.all(tasks.map(one))).flat();
      }
    },
    close: async () => {
      await Promise.all([pool.destroy(), isolated?.destroy()]);
    },
  };
}

/** Tasks per message to a worker thread. */
export const BATCH = 8;

/** The executor for a plan: this thread alone, or with workers. */
export async function executorFor(plan: JobPlan, prepared: Prepared, setup: Setup): Promise<Executor> {
  if (plan.workers === 0) return inlineExecutor(prepared);
  return sharedExecutor(() => poolExecutor(plan.workers, setup), inlineExecutor(prepared), plan.workers, plan.before ?? 0);
}

/**
 * The workers and this thread together. The workers start once `before` tasks have been checked
 * here; then a batch goes to them while they have fewer than PER_WORKER each to do, else it is checked here.
 * So this thread checks while the workers start and whenever they are busy, and they never run dry.
 * This thread takes its batches one per turn of the event loop and decides each when it gets to it:
 * the workers' finished batches are collected between two of its own, and a batch goes to a worker
 * that has room by then. (Decided when handed out, a run of batches waited here while the worker,
 * its results not yet collected, sat idle: 37 of 250 batches went to it.)
 */
export function sharedExecutor(start: () => Promise<Executor>, inline: Executor, workers: number, before: number): Executor {
  let pool: Promise<Executor> | undefined;
  let seen = 0;
  let queued = 0;
  let turn: Promise<unknown> = Promise.resolve();
  const room = () => pool !== undefined && queued < workers * PER_WORKER;
  const toPool = async (tasks: readonly Task[]) => {
    queued++;
    try {
      return await (await pool!).run(tasks);
    } finally {
      queued--;
    }
  };
  return {
    run: (tasks) => {
      seen += tasks.length;
      if (seen > before) pool ??= start();
      if (room()) return toPool(tasks);
      // Checked here when this thread gets to it, unless a worker has room by then (undefined).
      const here = turn.then(async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return room() ? undefined : inline.run(tasks);
      });
      turn = here.catch(() => undefined);
      return here.then((done) => done ?? toPool(tasks));
    },
    close: async () => {
      if (pool) await (await pool).close();
    },
  };
}
