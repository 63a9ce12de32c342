import { workerData } from 'node:worker_threads';
import type { FileResult } from '../results.js';
import { rulesOf, type Setup, taskOptionsOf } from './executor.js';
import { runTask, type Task } from './task.js';

// One compile per worker thread, then many tasks.
const setup = workerData as Setup;
const rules = rulesOf(setup);
const options = taskOptionsOf(setup);

export default async function check(tasks: readonly Task[]): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for (const t of tasks) out.push(...(await runTask(t, rules, options)));
  return out;
}
