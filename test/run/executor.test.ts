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
    const alone = await results({ workers: 0, main: true });
    expect(JSON.parse(alone)).toHaveLength(tasks.length);
    expect(await results({ workers: 1, main: true, before: 16 })).toBe(alone);
    expect(await results({ workers: 1, main: true })).toBe(alone);
  });
});
