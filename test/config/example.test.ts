import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../dist/results/collect.js';
import { cli, ROOT } from '../cli/run-cli.js';

const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

// The README's worked example is examples/northwind: these keep the two from drifting apart.
describe('the README worked example (examples/northwind)', () => {
  it('shows the pack and the config exactly as they are in the repository', async () => {
    const readme = read('README.md');
    expect(readme).toContain(`\`\`\`yaml\n${read('examples/northwind/packs/northwind.yaml')}\`\`\``);
    expect(readme).toContain(`\`\`\`yaml\n${read('examples/northwind/callcoach.config.yaml')}\`\`\``);
  });

  it('passes its own tests with callcoach test', async () => {
    const r = await cli(['test', 'examples/northwind/packs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ 6 cases: 6 passed, 0 failed, 0 todo');
  });

  it('finds what the README says, with its config', async () => {
    const r = await cli(['check', '-f', 'json', 'calls'], { cwd: `${ROOT}examples/northwind` });
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as Results;
    const rules = (path: string) => results.files.find((f) => f.path === path)!.findings.map((f) => f.rule);
    expect(rules('calls/fault-call.txt')).toEqual([
      'jargon/unexplained-term',
      'northwind/internal-systems',
      'northwind/fault-without-reference',
    ]);
    expect(rules('calls/chat/router-chat.txt')).toEqual(['restatement/not-restated', 'jargon/unexplained-term']);
    const fault = results.files.find((f) => f.path === 'calls/fault-call.txt')!;
    // Steps 5 and 7 weigh double: (100 + 50 + 100 + 2×100 + 2×50) / 7 = 78.6.
    expect(fault.scorecard).toMatchObject({ score: 79, passed: false });
  });
});
