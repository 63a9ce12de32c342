import { spawn } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT, spawnCli } from '../cli/run-cli.js';

const BIN = fileURLToPath(new URL('../../bin/callcoach.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'callcoach-writes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const CALLS = 'fixtures/calls';
const isRoot = process.getuid?.() === 0;

/** One line on stderr, naming the path and the reason; no stack trace. */
function expectOneLine(stderr: string, ...parts: string[]) {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  for (const p of parts) expect(stderr).toContain(p);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('a report that cannot be written', () => {
  it('is exit 2 when the target is a directory', async () => {
    const r = await cli(['check', CALLS, '-f', `json:${work}`]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, `cannot write ${work}: is a directory`);
  });

  it('is exit 2 when a parent of the target is a file', async () => {
    const r = await cli(['check', CALLS, '-f', 'json:README.md/out.json']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, 'README.md/out.json', 'not a directory');
  });

  it.skipIf(!existsSync('/dev/full'))('is exit 2 on a full disk (/dev/full as the file)', async () => {
    const r = await cli(['check', CALLS, '-f', 'json:/dev/full']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, '/dev/full', 'no space left on device');
  });

  it.skipIf(!existsSync('/dev/full'))('is exit 2 when stdout is /dev/full', async () => {
    const out = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [BIN, 'check', CALLS, '-f', 'json'], { cwd: ROOT, stdio: ['ignore', out, 'pipe'] });
    closeSync(out);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expectOneLine(stderr, 'stdout', 'no space left on device');
  });

  it.skipIf(!existsSync('/proc/self'))('is exit 2, not a hang, under /proc', async () => {
    const r = await cli(['check', CALLS, '-f', 'json:/proc/callcoach-nowhere/out.json']);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, '/proc/callcoach-nowhere/out.json');
  });

  it.skipIf(isRoot)('is exit 2 in a read-only directory', async () => {
    const dir = join(work, 'ro');
    mkdirSync(dir, { mode: 0o555 });
    const r = await cli(['check', CALLS, '-f', `json:${dir}/r.json`]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, 'permission denied');
  });

  it('is exit 2 for --write-baseline, merge and init too', async () => {
    const baseline = await cli(['check', CALLS, '--baseline', work, '--write-baseline', '-f', 'json:/dev/null']);
    expect(baseline.code).toBe(2);
    // The baseline is read first (it is merged into, not replaced), so a directory is refused before the run.
    expectOneLine(baseline.stderr, `cannot use baseline ${work}: is a directory`);
    const results = join(work, 'merge-in.json');
    await cli(['check', CALLS, '-f', `json:${results}`]);
    const merged = await cli(['merge', results, '-f', `json:${work}`]);
    expect(merged.code).toBe(2);
    expectOneLine(merged.stderr, 'is a directory');
    const initDir = join(work, 'init');
    mkdirSync(join(initDir, 'callcoach.config.yaml'), { recursive: true });
    const init = await cli(['init'], { cwd: join(initDir) });
    expect(init.code).toBe(2);
    expect(init.stderr).not.toMatch(/\n\s+at /);
  });

  it('leaves the previous report when it fails, and no temporary file', async () => {
    const dir = join(work, 'keep');
    mkdirSync(dir);
    writeFileSync(join(dir, 'r.json'), 'previous');
    // A directory where the CSV should go fails the run after the JSON was begun.
    mkdirSync(join(dir, 'r.csv'));
    const r = await cli(['check', CALLS, '-f', `json:${dir}/r.json`, '-f', `csv:${dir}/r.csv`]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('previous');
    expect(readdirSync(dir).sort()).toEqual(['r.csv', 'r.json']);
  });
});

describe('a reader that closes the pipe early', () => {
  it('keeps the true exit code (2 for an unreadable input)', async () => {
    const child = spawn(process.execPath, [BIN, 'check', CALLS, 'missing.txt', '--jobs', '1'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
  });

  it('keeps exit 1 for findings', async () => {
    const child = spawn(process.execPath, [BIN, 'check', CALLS, '--jobs', '1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    // Only the tripped gate's line: no stack trace, no write error for the closed pipe.
    expect(stderr).toMatch(/^callcoach: --fail-on error tripped: [^\n]*\n$/);
  });
});

describe('an interrupted run', () => {
  // Enough files that the run is still going when the first result has been printed.
  const batch = join(work, 'batch');
  mkdirSync(batch);
  const sample = readdirSync(join(ROOT, CALLS)).filter((f) => f.endsWith('.txt'));
  for (let i = 0; i < 1500; i++) copyFileSync(join(ROOT, CALLS, sample[i % sample.length]!), join(batch, `call-${i}.txt`));

  async function interrupt(signal: NodeJS.Signals) {
    const dir = mkdtempSync(join(work, 'sig-'));
    writeFileSync(join(dir, 'r.json'), '{"previous": true}');
    writeFileSync(join(dir, 'r.xml'), '<previous/>');
    const child = spawn(
      process.execPath,
      [BIN, 'check', batch, '--jobs', '1', '-f', 'stylish', '-f', `json:${dir}/r.json`, '-f', `junit:${dir}/r.xml`],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.kill(signal));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', (c, s) => resolve(c ?? s)));
    return { code, stderr, json: readFileSync(join(dir, 'r.json'), 'utf8'), xml: readFileSync(join(dir, 'r.xml'), 'utf8'), dir };
  }

  it('stops on SIGINT, says so, and leaves the previous reports', async () => {
    const r = await interrupt('SIGINT');
    expect(r.code).toBe(130);
    expectOneLine(r.stderr, 'stopped by SIGINT');
    expect(r.json).toBe('{"previous": true}');
    expect(r.xml).toBe('<previous/>');
    expect(readdirSync(r.dir).sort()).toEqual(['r.json', 'r.xml']);
  });

  it('stops on SIGTERM with exit 143', async () => {
    const r = await interrupt('SIGTERM');
    expect(r.code).toBe(143);
    expect(r.json).toBe('{"previous": true}');
  });

  it('leaves the previous reports even when killed outright', async () => {
    const r = await interrupt('SIGKILL');
    expect(r.code).toBe('SIGKILL');
    expect(r.json).toBe('{"previous": true}');
    expect(r.xml).toBe('<previous/>');
  });
});

describe('a completed run', () => {
  it('replaces the report whole and leaves no temporary file', () => {
    const dir = mkdtempSync(join(work, 'done-'));
    writeFileSync(join(dir, 'r.json'), 'previous');
    const r = spawnCli(['check', CALLS, '-f', `json:${dir}/r.json`]);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).files.length).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual(['r.json']);
  });
});
