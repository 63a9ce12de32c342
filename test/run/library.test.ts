import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Checker, checkStream, evaluateGates, exitCode, exitOf, SetupError } from '../../dist/index.js';
import type { Results } from '../../dist/results/collect.js';
import { cli, ROOT } from '../cli/run-cli.js';

const readmeExample = () => {
  const library = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').split('## Library')[1]!;
  return /```js\n([\s\S]*?)```/.exec(library)![1]!;
};

describe('the library', () => {
  it("runs the README's example: a folder checked with its config, a summary and the exit code", async () => {
    // The package imports itself by name, as a user's project would.
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', readmeExample()], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const cliRun = await cli(['check', 'calls', '-f', 'json'], { cwd: `${ROOT}examples/northwind` });
    const results = JSON.parse(cliRun.stdout) as Results;
    const lines = results.files.map((f) => `${f.path}: ${f.scorecard?.score ?? 'unreadable'} (${f.findings.length} findings)`);
    expect(r.stdout).toBe(
      `${[...lines, `${results.summary.conversations} conversations, mean score ${results.summary.scores.mean}`].join('\n')}\n`,
    );
    expect(r.status).toBe(cliRun.code);
  });

  it('gives the same results, summary and exit code as the CLI, at any job count', async () => {
    const cliRun = await cli(['check', 'fixtures/calls', '-f', 'json']);
    const expected = JSON.parse(cliRun.stdout) as Results;
    for (const jobs of [1, 2]) {
      const run = checkStream(['fixtures/calls'], { cwd: ROOT, config: false, jobs });
      const files = [];
      for await (const f of run) files.push(f);
      expect(files).toEqual(expected.files);
      expect(run.summary()).toEqual(expected.summary);
      expect(exitCode(run.summary(), run.gates)).toBe(cliRun.code);
    }
  });

  it('throws a located SetupError for a bad pack, and names an unknown one', async () => {
    let error: unknown;
    try {
      Checker.open({ cwd: ROOT, packs: ['test/fixtures-missing.yaml'] });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message).toMatch(/unknown pack/);
  });

  it('decides the exit code from the summary and the gates alone', async () => {
    const summary = {
      files: 2,
      conversations: 2,
      findings: 3,
      unreadable: 0,
      unjudged: { total: 1, empty: 0, tooShort: 0, rolesUndecided: 1, nothingToJudge: 0 },
      bySeverity: { error: 0, warning: 2, info: 1 },
      scores: { mean: 80, min: 70, distribution: [] },
      topRules: [],
      lowest: [],
    };
    expect(exitCode(summary, { failOn: 'error' })).toBe(0);
    expect(exitCode(summary, { failOn: 'warning' })).toBe(1);
    expect(exitCode(summary, { failOn: 'error', maxWarnings: 1 })).toBe(1);
    expect(exitCode(summary, { failOn: 'error', failUnder: 71 })).toBe(1);
    expect(exitCode(summary, { failOn: 'error', failUnder: 70 })).toBe(0);
    expect(exitCode({ ...summary, unreadable: 1 }, { failOn: 'error' })).toBe(2);
    expect(exitCode({ ...summary, files: 0, conversations: 0 }, { failOn: 'error' })).toBe(2);
    expect(exitCode(summary, { failOn: 'error', maxUnjudged: 0 })).toBe(1);
    expect(exitCode(summary, { failOn: 'error', maxUnjudged: '50%' })).toBe(0);
    expect(exitCode(summary, { failOn: 'error', maxUnjudged: '49.9%' })).toBe(1);
    expect(evaluateGates(summary, { failOn: 'info', maxWarnings: 5 })).toEqual([
      { name: 'fail-on', limit: 'info', actual: 3, tripped: true, message: '3 findings at or above info' },
      { name: 'max-warnings', limit: 5, actual: 2, tripped: false, message: '2 warnings (maximum: 5)' },
    ]);
    expect(exitOf(summary, { failOn: 'info' })).toEqual({ code: 1, reason: 'tripped: fail-on' });
    expect(exitOf({ ...summary, unreadable: 2 })).toEqual({ code: 2, reason: '2 inputs could not be read' });
  });
});
