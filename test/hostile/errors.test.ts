import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../cli/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'callcoach-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  writeFileSync(join(work, name), text);
  return join(work, name);
};
const firstError = async (file: string) => JSON.parse((await cli(['check', file, '-f', 'json'])).stdout).files[0].errors[0];

describe('errors', () => {
  it('a turn that ends before it starts is an input error at its line', async () => {
    const file = write('backwards.json', JSON.stringify({ turns: [{ speaker: 'Agent', text: 'hi', startMs: 5000, endMs: 1000 }] }));
    expect(await firstError(file)).toEqual({ message: 'turn 1 ends (00:01) before it starts (00:05)', line: 1, column: 1 });
  });

  it('a word that ends before it starts is an input error', async () => {
    const words = [{ text: 'hi', startMs: 900, endMs: 100 }];
    const file = write('word.json', JSON.stringify({ turns: [{ speaker: 'Agent', text: 'hi', startMs: 0, endMs: 1000, words }] }));
    expect((await firstError(file)).message).toBe('a word of turn 1 ends before it starts');
  });

  it('an internal error says so, with no stack trace unless --debug', async () => {
    // A broken package.json where extends looks for a package: the config loader's failure is reported, not thrown at the user.
    const dir = mkdtempSync(join(work, 'pkg-'));
    writeFileSync(join(dir, 'callcoach.config.yaml'), 'extends: [some-team-config]\n');
    writeFileSync(join(dir, 'package.json'), '{ broken');
    writeFileSync(join(dir, 'a.txt'), 'Customer: hi\nAgent: hello\n');
    const r = await cli(['check', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('setup errors', () => {
  it('never print a file that is not YAML (extends: [/etc/passwd])', async () => {
    const dir = mkdtempSync(join(work, 'extends-'));
    const secret = join(dir, 'secret');
    writeFileSync(secret, 'root:x:0:0:the-secret-line\n');
    writeFileSync(join(dir, 'callcoach.config.yaml'), `extends: [${secret}]\n`);
    writeFileSync(join(dir, 'a.txt'), 'Customer: hi\nAgent: hello\n');
    const r = await cli(['check', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${secret}:1:1:`);
    expect(r.stderr).not.toContain('the-secret-line');
  });
});

describe('times', () => {
  it('too large to add up (found by the fuzz suite: talk time became NaN) is an input error', async () => {
    const words = [
      { text: 'hi', startMs: 0, endMs: 1e308 },
      { text: 'there', startMs: 0, endMs: 1e308 },
    ];
    const file = write('huge.json', JSON.stringify({ turns: [{ speaker: 'Agent', text: 'hi there', startMs: 0, endMs: 1e308, words }] }));
    expect((await firstError(file)).message).toBe('turn 1 has a time that is not a number of milliseconds from 0 to 1e15');
  });
});

describe('word times', () => {
  it('a vendor word without a start time is an input error, not NaN talk time (found by the fuzz suite)', async () => {
    const sample = JSON.parse(readFileSync(join(ROOT, 'fixtures/formats/assemblyai.json'), 'utf8'));
    delete sample.utterances[0].words[0].start;
    const file = write('assemblyai.json', JSON.stringify(sample));
    expect((await firstError(file)).message).toBe('a word of turn 1 has a time that is not a number of milliseconds from 0 to 1e15');
  });
});
