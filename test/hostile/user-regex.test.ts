import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'callcoach-regex-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pack(regex: string): string {
  const file = join(work, 'trap.yaml');
  writeFileSync(
    file,
    `pack: trap\ndescription: d\nsource: s\nrules:\n  - id: trap/pattern\n    kind: phrase\n    step: 3\n    severity: warning\n    message: m\n    tip: t\n    regex: ['${regex}']\n`,
  );
  return file;
}

describe('user regexes', () => {
  it.each([
    ['(a+)+(?!x)$', 'lookahead ((?=…), (?!…)) is not allowed'],
    ['(?:a{1,30}){1,30}$', 'counted repetition {1,30} is not allowed: counts above 16 cannot run in linear time'],
    ['(?:a{1,10}){1,10}$', 'counted repetition {1,10} over a group that repeats 10 times is not allowed'],
    ['(?<!x)a', 'lookbehind ((?<=…), (?<!…)) is not allowed'],
    ['(a)\\1', 'backreferences (\\1, \\k<name>) are not allowed'],
  ])('refuses %s, naming the construct', async (regex, message) => {
    const r = await cli(['check', 'fixtures/calls', '--packs', pack(regex)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/trap\.yaml:11:\d+/);
  });

  it.each(['(a+)+$', '(a|aa)+$', '(?:a{1,4}){1,4}$'])(
    'runs %s in linear time on the text that makes backtracking explode',
    async (regex) => {
      const file = pack(regex);
      const time = async (text: string) => {
        const transcript = join(work, 't.txt');
        writeFileSync(transcript, `Customer: hi\nAgent: ${text}\n`);
        const t = performance.now();
        const r = await cli(['check', transcript, '--no-config', '--packs', file, '-f', 'json']);
        expect(r.code).not.toBe(2);
        return performance.now() - t;
      };
      const hostile = (n: number) => `${'a'.repeat(n)}!`;
      // A backtracking engine takes minutes on 41 characters of this. Linear time: twice the text, about
      // twice the time (over the fixed cost of a run, measured on a turn the pattern rejects at once).
      await time(hostile(1000));
      const fixed = await time('b');
      const small = (await time(hostile(20_000))) - fixed;
      const large = (await time(hostile(40_000))) - fixed;
      expect(large / Math.max(small, 1)).toBeLessThan(3.5);
    },
  );
});
