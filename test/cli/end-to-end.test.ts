import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../dist/version.js';
import { cli, ROOT, spawnCli } from './run-cli.js';

// The executable as its own process: what only a process shows (its exit status, its regex engine
// flag, its pipes). Everything else is tested in-process through the same run(argv, io, cwd).
const work = mkdtempSync(join(tmpdir(), 'callcoach-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the executable', () => {
  it("prints the quick start's scorecards and exits as the in-process run does", async () => {
    const spawned = spawnCli(['check', 'fixtures/calls']);
    const inProcess = await cli(['check', 'fixtures/calls']);
    expect(spawned.code).toBe(1);
    expect(spawned.stdout).toBe(inProcess.stdout);
    expect(spawned.stdout).toMatch(/score \d+\/100/);
  });

  it('runs from its bundle as the modules do: config, custom pack, every reader, worker threads', async () => {
    // The executable loads one bundled file; validation (zod) and the workers are files of their own.
    const cwd = join(ROOT, 'examples/northwind');
    const args = ['check', '-f', 'json', '--jobs', '2', 'calls', join(ROOT, 'fixtures/formats')];
    const spawned = spawnCli(args, { cwd });
    const inProcess = await cli(args, { cwd });
    // The same report, and on stderr only the same line saying which gate tripped.
    expect(spawned.stderr).toBe(inProcess.stderr);
    expect(spawned.stderr).toMatch(/^callcoach: --fail-on error tripped: \d+ findings at or above error\n$/);
    expect(spawned.stdout).toBe(inProcess.stdout);
    expect(JSON.parse(spawned.stdout).files.length).toBeGreaterThan(10);
  });

  it("compiles its bundle from the build's code cache (made under the flags every start sets)", () => {
    const loaded = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "import { loadCli } from './dist/cli/load-bundle.js'; console.log(loadCli().cached);"],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout.trim()).toBe('true');
  });

  it("keeps our regex literals as literals in its bundles (a regex built on each call costs a run's time)", () => {
    // esbuild rewrites literals it thinks the target lacks (\p{…} escapes) as new RegExp(), built at every evaluation.
    for (const file of ['cli.cjs', 'worker.js']) {
      const bundle = readFileSync(join(ROOT, 'dist/bundle', file), 'utf8');
      expect(bundle.match(/new RegExp\("[^"]*\\\\p\{/g) ?? []).toEqual([]);
      expect(bundle).toMatch(/\/\\p\{L\}/);
    }
  });

  it('prints its version', () => {
    expect(spawnCli(['--version']).stdout.trim()).toBe(VERSION);
  });

  it('reads a transcript piped to stdin', () => {
    const r = spawnCli(['check', '-f', 'json', '-'], { input: 'Customer: This is ridiculous.\nAgent: Account number?\n' });
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { rule: string }) => f.rule)).toContain('empathy/no-acknowledgement');
  });

  it('finishes a backtracking-prone pack regex on a long turn (V8 falls back to its linear engine)', () => {
    const pack = join(work, 'slow.yaml');
    writeFileSync(
      pack,
      "pack: slow\ndescription: d\nsource: s\nrules:\n  - id: slow/r\n    kind: phrase\n    step: 3\n    severity: warning\n    message: m\n    tip: t\n    regex: ['^(a|a)*$']\n",
    );
    const call = join(work, 'call.txt');
    writeFileSync(call, `Customer: hi\nAgent: ${'a'.repeat(40)}b\n`);
    const started = Date.now();
    const r = spawnCli(['check', '--packs', pack, call]);
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('stops quietly when its reader closes the pipe early', () => {
    const r = spawnSync('sh', ['-c', `node bin/callcoach.js check fixtures/calls | head -1`], { cwd: ROOT, encoding: 'utf8' });
    // No EPIPE error or stack: at most the lines saying which gates tripped (when the output fitted the pipe).
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^callcoach: --[a-z-]+ .* tripped: /);
    expect(r.stdout.split('\n').length).toBe(2);
  });
});
