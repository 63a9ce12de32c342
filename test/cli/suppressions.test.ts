import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../dist/results/collect.js';
import { cli, ROOT } from './run-cli.js';

const json = (stdout: string) => JSON.parse(stdout) as Results;
const work = mkdtempSync(join(tmpdir(), 'callcoach-suppress-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const dir = join(work, 'calls');
mkdirSync(dir, { recursive: true });
cpSync(join(ROOT, 'fixtures/calls/pharmacy-refill.txt'), join(dir, 'pharmacy-refill.txt'));
const sidecar = (text: string) => writeFileSync(join(dir, 'pharmacy-refill.callcoach.yaml'), text);

describe('suppressions with a reason', () => {
  it('turn a rule off for a conversation or one turn, reported as suppressed in JSON, SARIF and the summary', async () => {
    sidecar(
      [
        'suppress:',
        '  - rule: jargon/unexplained-term',
        '    reason: the caller is a pharmacist; "prior auth" is their word',
        '  - rule: missing-follow-up/no-timeframe-or-contact',
        '    turn: 11',
        '    reason: the follow-up was sent by text (ticket QA-118)',
        '  - rule: empathy/no-acknowledgement',
        '    turn: 99',
        '    reason: a stale entry',
        '',
      ].join('\n'),
    );
    const r = await cli(['check', '-f', 'json', 'calls'], { cwd: work });
    const file = json(r.stdout).files[0]!;
    expect(file.findings.map((f) => f.rule)).toEqual([
      'robotism/id-before-contact',
      'restatement/not-restated',
      'empathy/no-acknowledgement',
      'rule-book/policy-without-alternative',
    ]);
    expect(file.suppressed!.map((f) => [f.rule, f.turn, f.suppression.source])).toEqual([
      ['jargon/unexplained-term', 5, 'calls/pharmacy-refill.callcoach.yaml:2'],
      ['missing-follow-up/no-timeframe-or-contact', 11, 'calls/pharmacy-refill.callcoach.yaml:4'],
    ]);
    expect(file.scorecard!.steps.find((s) => s.step === 7)!.status).toBe('pass');
    expect(file.notices).toContain(
      'suppression of empathy/no-acknowledgement at turn 99 (calls/pharmacy-refill.callcoach.yaml:7) matched no finding',
    );
    expect(json(r.stdout).summary).toMatchObject({ findings: 4, suppressed: 2 });

    const sarif = JSON.parse((await cli(['check', '-f', 'sarif', 'calls'], { cwd: work })).stdout);
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const jargon = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'jargon/unexplained-term');
    expect(jargon.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'the caller is a pharmacist; "prior auth" is their word' },
    ]);

    const stylish = (await cli(['check', 'calls'], { cwd: work })).stdout;
    expect(stylish).toContain('suppressed  turn 5 jargon/unexplained-term: the caller is a pharmacist');
    expect(stylish).toContain('; 2 suppressed');
  });

  it('refuses a suppression without a reason, or for a rule that does not run, located in the sidecar', async () => {
    sidecar('suppress:\n  - rule: jargon/unexplained-term\n');
    const noReason = await cli(['check', 'calls'], { cwd: work });
    expect(noReason.code).toBe(2);
    expect(noReason.stdout).toContain(
      'calls/pharmacy-refill.txt:2:1  calls/pharmacy-refill.callcoach.yaml: suppress[0]: a suppression needs a reason',
    );
    sidecar('suppress:\n  - rule: jargon/unexplained-trem\n    reason: typo\n');
    expect((await cli(['check', 'calls'], { cwd: work })).stdout).toContain("no rule 'jargon/unexplained-trem' runs on this file");
    rmSync(join(dir, 'pharmacy-refill.callcoach.yaml'));
  });
});

describe('suppressions in the config', () => {
  it('apply to the transcripts their globs match, with the config line as the source', async () => {
    const project = join(work, 'project');
    mkdirSync(join(project, 'calls', 'pharmacy'), { recursive: true });
    cpSync(join(ROOT, 'fixtures/calls/pharmacy-refill.txt'), join(project, 'calls', 'pharmacy', 'refill.txt'));
    cpSync(join(ROOT, 'fixtures/calls/pharmacy-refill.txt'), join(project, 'calls', 'other.txt'));
    const config = join(project, 'callcoach.config.yaml');
    writeFileSync(
      config,
      'suppress:\n  - files: ["calls/pharmacy/**"]\n    rule: jargon/unexplained-term\n    reason: pharmacists say "prior auth"\n',
    );
    const r = json((await cli(['check', '-f', 'json', 'calls'], { cwd: project })).stdout);
    const [other, refill] = r.files;
    expect(other!.suppressed).toBeUndefined();
    expect(refill!.suppressed!.map((f) => [f.rule, f.suppression.source])).toEqual([['jargon/unexplained-term', `${config}:2`]]);
    expect(r.summary.suppressed).toBe(1);
    const printed = (await cli(['print-config', 'calls/pharmacy/refill.txt'], { cwd: project })).stdout;
    expect(printed).toContain(
      `suppress:\n  - rule: jargon/unexplained-term\n    reason: pharmacists say "prior auth"\n    from: ${config}:2`,
    );

    writeFileSync(config, 'suppress:\n  - files: ["calls/**"]\n    rule: jargon/unexplained-trem\n    reason: typo\n');
    const bad = await cli(['check', 'calls'], { cwd: project });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${config}:3:11: suppress[0]: no rule 'jargon/unexplained-trem' runs`);
    writeFileSync(config, 'suppress:\n  - files: ["calls/**"]\n    rule: jargon/unexplained-term\n');
    expect((await cli(['check', 'calls'], { cwd: project })).stderr).toContain('suppress[0].reason: missing: expected a string');
  });
});
