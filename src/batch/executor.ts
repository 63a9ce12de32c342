import type { FileResult } from '../results.js';
import { loadPacks } from '../rules/load.js';
import type { CompiledRule } from '../rules/types.js';
import type { AssignableRole } from '../transcript/model.js';
import { runTask, type Task, type TaskOptions } from './task.js';

/** Everything a worker needs to rebuild the run's rules and options (plain data: it crosses threads). */
export interface Setup {
  packFiles: string[];
  packs?: string[];
  format?: string;
  roles?: [string, AssignableRole][];
  agentFromPath?: string;
}

export interface Executor {
  /** Checks a batch of tasks, results in task order. */
  run(tasks: readonly Task[]): Promise<FileResult[]>;
  close(): Promise<void>;
}

export function taskOptionsOf(setup: Setup): TaskOptions {
  return {
    ...(setup.format !== undefined && { format: setup.format }),
    ...(setup.roles && { roles: new Map(setup.roles) }),
    ...(setup.agentFromPath !== undefined && { agentFromPath: new RegExp(setup.agentFromPath) }),
  };
}

/** Rules compiled from a setup; the packs were validated by the main thread already. */
export function rulesOf(setup: Setup): CompiledRule[] {
  return loadPacks(setup.packFiles, setup.packs).packs.flatMap((p) => p.rules);
}

/** Runs tasks on this thread: the right choice for one file, where starting workers costs more than it saves. */
export function inlineExecutor(rules: readonly CompiledRule[], setup: Setup): Executor {
  const options = taskOptionsOf(setup);
  return {
    run: async (tasks) => {
      const out: FileResult[] = [];
      for (const t of tasks) out.push(...(await runTask(t, rules, options)));
      return out;
    },
    close: async () => undefined,
  };
}

/** Runs tasks on `jobs` worker threads; each worker compiles the packs once. */
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
