import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'callcoach-authoring-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ACME = `pack: acme
description: Acme Energy's own words and policies.
source: Acme's customer promise, section 2 (plain words, no internal codes).
sets:
  internal:
    - (meter slot|MSR code|the grid desk)
rules:
  - id: acme/internal-words
    kind: phrase
    step: 3
    severity: warning
    message: Internal Acme wording.
    tip: Say what the customer sees on their bill.
    match: ['@internal']
    tests:
      - name: internal word
        transcript: |
          Customer: Why is my bill high?
          Agent: Your meter slot was re-read.
        findings: [{turn: 2}]
      - name: plain words
        transcript: |
          Agent: Your meter was read again.
        findings: []
`;

describe('rule tests and discoverability', () => {
  it("runs the bundled rules' tests, every rule having some", async () => {
    const r = await cli(['test']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('has no tests');
    expect(r.stdout).toMatch(/✔ \d+ cases: \d+ passed, 0 failed, 0 todo/);
  });

  it('fails a broken case and shows, turn by turn, what was missed and what was unexpected', async () => {
    const pack = join(work, 'acme.yaml');
    writeFileSync(pack, ACME.replace('findings: [{turn: 2}]', 'findings: [{turn: 1}]'));
    const r = await cli(['test', pack]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✖ acme/internal-words › case 1 "internal word"');
    expect(r.stdout).toMatch(/1 Customer: Why is my bill high\? +− expected acme\/internal-words/);
    expect(r.stdout).toMatch(/2 Agent: Your meter slot was re-read\. +\+ unexpected acme\/internal-words/);
    expect(r.stdout).toContain('2 cases: 1 passed, 1 failed, 0 todo');
  });

  it('reports a todo case without failing', async () => {
    const pack = join(work, 'acme.yaml');
    writeFileSync(pack, ACME.replace('findings: []\n', 'findings: [{turn: 1}]\n        todo: paraphrases are not caught yet\n'));
    const r = await cli(['test', pack]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('todo: paraphrases are not caught yet');
  });

  it('lists rules and explains one with its examples', async () => {
    const list = (await cli(['rules'])).stdout;
    expect(list).toMatch(/cold-transfers\/blind-transfer +step 5 +error +The agent hands the customer off/);
    const explain = await cli(['explain', 'rule-book/policy-without-alternative']);
    expect(explain.code).toBe(0);
    for (const heading of ['What it checks', 'Why', 'What to say or do instead', 'Examples']) expect(explain.stdout).toContain(heading);
    // Sources cite the article by name, never a file that does not ship.
    expect(explain.stdout).toContain('"The seven deadly sins of customer service"');
    expect(explain.stdout).not.toContain('seeds/');
    expect((await cli(['explain', 'rule-book/policy'])).stderr).toContain('did you mean rule-book/policy-without-alternative');
  });

  it('ends every stylish finding with its rule id, so it can be explained', async () => {
    const out = (await cli(['check', 'fixtures/calls/pharmacy-refill.txt'])).stdout;
    expect(out).toMatch(/⚠ warning {2}Jargon the customer may not know: "prior auth"\. {2}jargon\/unexplained-term\n/);
  });
});
