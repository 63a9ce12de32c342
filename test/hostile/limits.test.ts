import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../dist/results/collect.js';
import { poolExecutor } from '../../dist/run/executor.js';
import { bundledPackFiles } from '../../dist/rules/load.js';
import { DEFAULT_LIMITS } from '../../dist/transcript/limits.js';
import { cli, ROOT } from '../cli/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'callcoach-limits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const json = (stdout: string) => JSON.parse(stdout) as Results;
const MB = 1024 * 1024;
const GOOD = 'Customer: my bill is wrong\nAgent: thanks for calling, let me check that for you\n';
const record = (text: string) => JSON.stringify({ turns: [{ speaker: 'Agent', role: 'agent', text }] });

describe('input limits', () => {
  it('refuses a file over the size limit without reading it, and checks the rest', async () => {
    const dir = join(work, 'size');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), GOOD);
    // A sparse 4 GB file: reading it whole would take seconds and more memory than a Buffer may hold.
    const fd = openSync(join(dir, 'huge.txt'), 'w');
    ftruncateSync(fd, 4 * 1024 * MB);
    closeSync(fd);
    const r = await cli(['check', dir, '-f', 'json']);
    expect(r.code).toBe(2);
    const files = json(r.stdout).files;
    expect(files.map((f) => [f.path.replace(/.*\//, ''), f.errors[0]?.message ?? 'ok'])).toEqual([
      ['a.txt', 'ok'],
      ['huge.txt', 'input is 4096 MB, more than the limit of 8 MB (raise it with --max-input-mb)'],
    ]);
  });

  it('takes the size limit from --max-input-mb', async () => {
    const file = join(work, 'two-mb.txt');
    writeFileSync(file, `Customer: hi\nAgent: ${'word '.repeat((2 * MB) / 5)}\n`);
    const refused = await cli(['check', file, '-f', 'json', '--max-input-mb', '1']);
    expect(json(refused.stdout).files[0]!.errors[0]!.message).toMatch(/^input is 2 MB, more than the limit of 1 MB/);
    const accepted = await cli(['check', file, '-f', 'json', '--max-input-mb', '3']);
    expect(json(accepted.stdout).files[0]!.errors).toEqual([]);
  });

  it('refuses an over-long record of a JSON Lines stream, at its line, and checks the next ones', async () => {
    const input = [record('hello there'), record('a '.repeat(MB)), record('thanks for calling')].join('\n');
    const r = await cli(['check', '--stdin-format', 'jsonl', '-f', 'jsonl', '--max-input-mb', '1', '-'], { input });
    expect(r.code).toBe(2);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[1].errors).toEqual([{ message: expect.stringMatching(/^record is 2 MB, more than the limit of 1 MB/), line: 2 }]);
    expect(lines[0].errors).toEqual([]);
    expect(lines[2].errors).toEqual([]);
  });

  it('refuses an over-long transcript on stdin', async () => {
    const r = await cli(['check', '-f', 'json', '--max-input-mb', '1', '-'], { input: `Agent: ${'a '.repeat(MB)}` });
    expect(r.code).toBe(2);
    expect(json(r.stdout).files[0]!.errors[0]!.message).toMatch(/^input is 2 MB/);
  });

  it('checks the first --max-turn-chars characters of a longer turn, with a notice', async () => {
    const file = join(work, 'long-turn.txt');
    writeFileSync(file, `Customer: ${'so '.repeat(200)}\nAgent: thanks for calling\n`);
    const r = await cli(['check', file, '-f', 'json', '--max-turn-chars', '100']);
    const f = json(r.stdout).files[0]!;
    expect(f.errors).toEqual([]);
    expect(f.notices[0]).toBe('turn 1 has 599 characters: only its first 100 were checked (raise it with --max-turn-chars)');
  });

  it('refuses a conversation with more than --max-turns turns, at the first turn over', async () => {
    const file = join(work, 'many.txt');
    writeFileSync(file, 'Customer: hi\nAgent: hello\n'.repeat(3));
    const r = await cli(['check', file, '-f', 'json', '--max-turns', '4']);
    expect(r.code).toBe(2);
    expect(json(r.stdout).files[0]!.errors).toEqual([
      { message: '6 turns, more than the limit of 4 per conversation (raise it with --max-turns)', line: 5, column: 1 },
    ]);
  });

  it('states the defaults in the README', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`| \`--max-input-mb <n>\` | ${DEFAULT_LIMITS.inputBytes / MB}`);
    expect(readme).toContain(`| \`--max-turn-chars <n>\` | ${DEFAULT_LIMITS.turnChars.toLocaleString('en')}`);
    expect(readme).toContain(`| \`--max-turns <n>\` | ${DEFAULT_LIMITS.turns.toLocaleString('en')}`);
  });
});

describe('workers', () => {
  it('gives the same bytes at --jobs 1 and 2 for inputs at the size limit', async () => {
    const dir = join(work, 'big');
    mkdirSync(dir);
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `small-${i}.txt`), GOOD);
    // Close to the limit, in many long turns: a worker's heap must hold it as the main thread does.
    const turn = `Agent: ${'thanks for calling, how can I help you with your account today? '.repeat(25)}\n`;
    writeFileSync(join(dir, 'big.txt'), turn.repeat(Math.floor((4 * MB) / turn.length)));
    const one = await cli(['check', dir, '-f', 'json', '--jobs', '1', '--max-input-mb', '4']);
    const two = await cli(['check', dir, '-f', 'json', '--jobs', '2', '--max-input-mb', '4']);
    expect(json(one.stdout).files.every((f) => f.errors.length === 0)).toBe(true);
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);

  it('reports an input that kills its worker as an internal error of that input alone', async () => {
    // Limits of 1 MB give workers a small heap; a text task of 4 million turns (which no limit checked) exhausts it.
    const setup = { packFiles: bundledPackFiles(), cwd: ROOT, limits: { ...DEFAULT_LIMITS, inputBytes: MB } };
    const executor = await poolExecutor(2, setup);
    try {
      const tasks = [
        { kind: 'text' as const, path: 'ok-1.txt', text: GOOD },
        { kind: 'text' as const, path: 'bomb.txt', text: 'Agent: a b\n'.repeat(4 * MB) },
        { kind: 'text' as const, path: 'ok-2.txt', text: GOOD },
      ];
      const results = await executor.run(tasks);
      expect(results.map((r) => r.path)).toEqual(['ok-1.txt', 'bomb.txt', 'ok-2.txt']);
      expect(results[0]!.errors).toEqual([]);
      expect(results[2]!.errors).toEqual([]);
      expect(results[1]!.errors[0]).toMatchObject({
        internal: true,
        message: expect.stringMatching(/^internal error while checking this input/),
      });
      // The pool replaced the worker: it goes on checking.
      expect((await executor.run([tasks[0]!]))[0]!.errors).toEqual([]);
    } finally {
      await executor.close();
    }
  }, 120_000);
});
