import { describe, expect, it } from 'vitest';
import { executorFor } from '../../dist/run/executor.js';
import { packFilesFor } from '../../dist/run/pack-targets.js';
import { prepare } from '../../dist/run/setup.js';
import type { Task } from '../../dist/run/task.js';
import { ROOT } from '../cli/run-cli.js';
import { SAMPLE_CALL } from '../helpers.js';

const said = SAMPLE_CALL;
const tasks: Task[] = Array.from({ length: 160 }, (_, i) => ({
  kind: 'record',
  path: '<stdin>',
  line: i + 1,
  text: JSON.stringify({
    id: `r${i}`,
    turns: said.filter((_, k) => (i >> k) % 2 === 0 || k === 0).map(([role, text]) => ({ speaker: role, role, text })),
  }),
}));

describe('the main thread and workers sharing a run', () => {
  it('gives the same results, in order, as the main thread alone', async () => {
    const setup = { packFiles: packFilesFor([], ROOT).files, cwd: ROOT };
    const prepared = prepare(setup);
    const results = async (plan: Parameters<typeof executorFor>[0]) => {
      const executor = await executorFor(plan, prepared, setup);
      const batches = Array.from({ length: tasks.length / 8 }, (_, b) => tasks.slice(b * 8, b * 8 + 8));
      // All in flight at once, as a run keeps several batches going: some run here, some in the worker.
      const out = (await Promise.all(batches.map((b) => executor.run(b)))).flat();
      await executor.close();
      return JSON.stringify(out);
    };
    const alone = await results({ workers: 0 });
    expect(JSON.parse(alone)).toHaveLength(tasks.length);
    expect(await results({ workers: 1, before: 16 })).toBe(alone);
    expect(await results({ workers: 1 })).toBe(alone);
  });
});

describe('batches shared between the main thread and a worker', () => {
  it('go to the worker whenever it has room by the time this thread would take them', async () => {
    const { sharedExecutor } = await import('../../dist/run/executor.js');
    const taken = { here: 0, worker: 0 };
    // A worker that takes 2 ms a batch, one at a time as a thread does, off this thread; this thread
    // blocks 2 ms for each of its own.
    let busy: Promise<unknown> = Promise.resolve();
    const worker = {
      run: (b: readonly Task[]) => {
        const done = busy.then(async () => (taken.worker++, await new Promise((r) => setTimeout(r, 2)), b));
        busy = done;
        return done;
      },
      close: async () => undefined,
    };
    const here = {
      run: async (b: readonly Task[]) => {
        taken.here++;
        for (const end = performance.now() + 2; performance.now() < end;);
        return b;
      },
      close: async () => undefined,
    };
    const shared = sharedExecutor(async () => worker as never, here as never, 1, 0);
    const batches = Array.from({ length: 40 }, (_, i) => tasks.slice(i, i + 1));
    const out = await Promise.all(batches.map((b) => shared.run(b)));
    expect(out).toEqual(batches);
    // Decided when handed out, all but the first two stayed here, the worker idle.
    expect(taken.worker).toBeGreaterThanOrEqual(10);
    expect(taken.here).toBeGreaterThanOrEqual(10);
  });
});
