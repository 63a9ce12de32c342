import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'callcoach-mistakes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CALL = 'fixtures/calls/bike-repair-chat.txt';
// A valid pack; each case below breaks one line of it.
const PACK = `pack: acme
description: Acme Energy's own words.
source: Acme's customer promise.
rules:
  - id: acme/internal-words
    kind: phrase
    step: 3
    severity: warning
    message: Internal Acme wording.
    tip: Say what the customer sees on their bill.
    match: ['(meter slot|MSR code)']
  - id: acme/code-numbers
    kind: phrase
    step: 3
    severity: info
    message: A code number.
    tip: Say what it is.
    regex: ['ref(erence)? #?\\d+']
`;

async function checkWith(text: string, name = 'acme.yaml') {
  const file = join(work, name);
  writeFileSync(file, text);
  return { file, run: await cli(['check', '--packs', file, CALL]) };
}

describe('pack mistakes: located, explained, exit 2', () => {
  it('accepts the valid pack, as .yaml and as .yml', async () => {
    expect((await checkWith(PACK)).run.code).toBe(0);
    expect((await checkWith(PACK, 'acme.yml')).run.code).toBe(0);
  });

  const cases: { name: string; from: string; to: string; at: string; message: string; shown: string }[] = [
    {
      name: 'unknown key',
      from: '    severity: warning',
      to: '    severty: warning',
      at: '8:5',
      message: "unknown key 'severty' (did you mean 'severity'?)",
      shown: 'severty: warning',
    },
    {
      name: 'wrong type',
      from: '    step: 3\n    severity: warning',
      to: '    step: three\n    severity: warning',
      at: '7:11',
      message: 'rules[0].step: expected number, received string',
      shown: 'step: three',
    },
    {
      name: 'unknown kind',
      from: '    kind: phrase\n    step: 3\n    severity: warning',
      to: '    kind: phrse\n    step: 3\n    severity: warning',
      at: '6:11',
      message: "unknown rule kind 'phrse' (did you mean 'phrase'?)",
      shown: 'kind: phrse',
    },
    {
      name: 'duplicate id',
      from: 'id: acme/code-numbers',
      to: 'id: acme/internal-words',
      at: '12:9',
      message: "duplicate rule id 'acme/internal-words'",
      shown: '- id: acme/internal-words',
    },
    {
      name: 'invalid regex',
      from: 'ref(erence)? #?\\d+',
      to: 'ref(erence #',
      at: '18:13',
      message: 'invalid regular expression: /ref(erence #/: Unterminated group',
      shown: "regex: ['ref(erence #']",
    },
    {
      name: 'backreference',
      from: 'ref(erence)? #?\\d+',
      to: '(ab)\\1',
      at: '18:13',
      message: 'backreferences (\\1, \\k<name>) are not allowed',
      shown: "regex: ['(ab)\\1']",
    },
    {
      name: 'lookbehind',
      from: 'ref(erence)? #?\\d+',
      to: '(?<=ref )\\d+',
      at: '18:13',
      message: 'lookbehind ((?<=…), (?<!…)) is not allowed',
      shown: "regex: ['(?<=ref )\\d+']",
    },
    {
      name: 'step out of range',
      from: '    step: 3\n    severity: info',
      to: '    step: 9\n    severity: info',
      at: '14:11',
      message: 'rules[1].step: Too big: expected number to be <=7',
      shown: 'step: 9',
    },
    {
      name: 'bad phrase pattern',
      from: "'(meter slot|MSR code)'",
      to: "'(meter slot|MSR code'",
      at: '11:34',
      message: "bad phrase pattern: expected ')'",
      shown: "match: ['(meter slot|MSR code']",
    },
  ];

  for (const c of cases) {
    it(`reports ${c.name} at its line and column, with the line shown`, async () => {
      expect(PACK).toContain(c.from);
      const { file, run } = await checkWith(PACK.replace(c.from, c.to));
      expect(run.code).toBe(2);
      const [head, line, caret] = run.stderr.split('\n');
      expect(head).toContain(`${file}:${c.at}: `);
      expect(head).toContain(c.message);
      expect(line).toContain(c.shown);
      // The caret sits under the reported column.
      const column = Number(c.at.split(':')[1]);
      expect(caret!.indexOf('^')).toBe(column - 1 + 2);
      expect(run.stderr).not.toContain('unknown pack');
    });
  }

  it('refuses an oversized pack before parsing it', async () => {
    const { run } = await checkWith(`${PACK}# ${'x'.repeat(1_100_000)}\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/acme\.yaml:1:1: pack file is \d+ KB; packs are limited to 1000 KB/);
  });

  it('refuses a deeply nested pack before parsing it', async () => {
    const { run } = await checkWith(`${PACK}sets:\n  deep: ${'['.repeat(40)}${']'.repeat(40)}\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/acme\.yaml:20:1: pack nests deeper than 32 levels/);
  });

  it('still reports every broken pack, not just the first', async () => {
    const a = (await checkWith(PACK.replace('step: 3', 'step: 0'))).file;
    const b = join(work, 'other.yaml');
    writeFileSync(b, PACK.replace(/acme/g, 'other').replace('kind: phrase', 'kind: nope'));
    const run = await cli(['check', '--packs', `${a},${b}`, CALL]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${a}:7:11`);
    expect(run.stderr).toContain(`${b}:6:11`);
  });
});
