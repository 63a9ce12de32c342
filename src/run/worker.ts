import { workerData } from 'node:worker_threads';
import { prepare, type Setup } from './setup.js';
import { runTask, type Task, type TaskOutput } from './task.js';
import { toWire, type WireBatch } from './wire.js';

// One load and compile per worker thread, then many tasks; the main thread has reported any problem already.
const { rulesFor, options } = prepare(workerData as Setup);

export default async function check(tasks: readonly Task[]): Promise<WireBatch> {
  const out: TaskOutput[] = [];
  for (const t of tasks) out.push(...(await runTask(t, rulesFor, options)));
  return toWire(out);
}
