import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../dist/cli/run.js';
import { progressBar } from '../../dist/cli/progress.js';
import { ROOT } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'callcoach-tty-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const ESC = '\u001b[';

/** The command line with stdout and stderr both on one (pretend) terminal. */
async function onTerminal(args: string[]) {
  const screen: string[] = [];
  const tty = { write: (s: string) => (screen.push(s), true), isTTY: true };
  const io = { stdout: tty, stderr: tty, stdin: (async function* () {})(), env: {} };
  const code = await run(args, io, ROOT);
  return { code, screen };
}

describe('on a terminal', () => {
  it('colours stdout but never a report written to a file', async () => {
    const file = join(work, 'report.txt');
    const { screen } = await onTerminal([
      'check',
      '--no-progress',
      '-f',
      'stylish',
      '-f',
      `stylish:${file}`,
      'fixtures/calls/fibre-outage.vtt',
    ]);
    expect(screen.join('')).toContain(ESC);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('fibre-outage.vtt');
    expect(text).not.toContain('\u001b');
  });

  it('clears the progress line before report text goes to the same terminal', async () => {
    const { screen } = await onTerminal(['check', 'fixtures/calls', 'fixtures/formats', 'fixtures/exports']);
    expect(screen.some((s) => s.startsWith('\r') && s.includes(' files'))).toBe(true);
    // Every write of report text that follows a drawn bar comes after a line clear.
    for (let i = 1; i < screen.length; i++) {
      const previous = screen[i - 1]!;
      if (previous.includes(' files') && previous.startsWith('\r')) expect(screen[i]!.startsWith('\r' + ESC + 'K'), screen[i]).toBe(true);
    }
  });

  it('gives no estimate before the warm-up, so the first one is not wild', () => {
    const out: string[] = [];
    const bar = progressBar({ write: (s: string) => out.push(s), isTTY: true }, {}, 1000, true);
    bar.tick();
    expect(out.join('')).toMatch(/1\/1000 files$/);
    expect(out.join('')).not.toContain('ETA');
    bar.clear();
    expect(out.at(-1)).toBe('\r' + ESC + 'K');
    bar.done();
  });
});
