import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../dist/results/collect.js';
import { cli } from '../cli/run-cli.js';

// A fictional solar installer's set-up: a team base config, their own pack, and a project config.
const FILES: Record<string, string> = {
  'team/callcoach.config.yaml': `
scorecard:
  passMark: 90
gates:
  failOn: warning
glossary:
  company: [BWX Hub]
`,
  'packs/sunbright.yaml': `
pack: sunbright
description: Sunbright's internal words.
source: Sunbright's service standard, plain words.
rules:
  - id: sunbright/internal-words
    kind: phrase
    step: 3
    severity: warning
    message: Internal Sunbright wording.
    tip: Say what the customer sees in the app.
    match: ['(yield ticket|grid desk)']
`,
  'callcoach.config.yaml': `
extends:
  - ./team
  - ./packs/sunbright.yaml
rules:
  talk-time/agent-dominates: off
overrides:
  - files: ["vip/**"]
    rules:
      sunbright/internal-words: error
glossary:
  jargon:
    - term: telemetry
      plain: the readings your panels send
roles:
  mia: agent
  tom: customer
`,
  'calls/panels.txt': `Customer: My panels stopped showing anything in the app two days ago and I'm worried.
Agent: I'm sorry your panels have shown nothing in the app for two days. Your BWX Hub lost its telemetry link, so I've raised a yield ticket with the grid desk.
Customer: Okay, thanks.
Agent: You'll get a text by 5pm today when it's back, and I'll call you tomorrow morning to check.
`,
  'calls/named.txt': `Tom: The app shows nothing since Tuesday and I'm worried.
Mia: I'm sorry about that. I've raised a yield ticket for you.
Tom: Thanks.
Mia: You'll get a text by 5pm today, and I'll call you tomorrow morning to check.
`,
};

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'callcoach-config-'));
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(work, name)), { recursive: true });
    writeFileSync(join(work, name), text.trimStart());
  }
  mkdirSync(join(work, 'vip'));
  writeFileSync(join(work, 'vip/panels.txt'), FILES['calls/panels.txt']!);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[]) => cli(args, { cwd: work });
const results = async (args: string[]) => JSON.parse((await run(['check', '-f', 'json', ...args])).stdout) as Results;
const findingsOf = (r: Results, path: string) =>
  r.files.find((f) => f.path === path)!.findings.map((f) => `${f.rule}@${f.turn}:${f.severity}`);

describe('callcoach.config.yaml (end to end)', () => {
  it('changes findings as configured: added pack, glossary, overrides, roles', async () => {
    const plain = await results(['--no-config', 'calls', 'vip']);
    expect(findingsOf(plain, 'calls/panels.txt')).toEqual(['jargon/unexplained-term@2:warning']);
    expect(plain.files.find((f) => f.path === 'calls/panels.txt')!.findings[0]!.message).toContain('"BWX"');
    expect(plain.files.find((f) => f.path === 'calls/named.txt')!.notices[0]).toMatch(/roles undecided/);

    const configured = await results(['calls', 'vip']);
    // The company's product is not jargon; "telemetry" now is; Sunbright's pack runs; vip/ makes it an error.
    expect(findingsOf(configured, 'calls/panels.txt')).toEqual(['jargon/unexplained-term@2:warning', 'sunbright/internal-words@2:warning']);
    const panels = configured.files.find((f) => f.path === 'calls/panels.txt')!;
    expect(panels.findings[0]!.message).toContain('"telemetry"');
    expect(panels.findings[0]!.message).not.toContain('BWX');
    expect(findingsOf(configured, 'vip/panels.txt')).toEqual(['jargon/unexplained-term@2:warning', 'sunbright/internal-words@2:error']);
    // Roles from the config settle a transcript that names people only.
    const named = configured.files.find((f) => f.path === 'calls/named.txt')!;
    expect(named.conversation!.roles.source).toBe('given');
    expect(findingsOf(configured, 'calls/named.txt')).toEqual(['sunbright/internal-words@2:warning']);
    // The pass mark from the base config.
    expect(panels.scorecard).toMatchObject({ score: 92, passed: true });
    expect(configured.files.find((f) => f.path === 'vip/panels.txt')!.scorecard).toMatchObject({ score: 88, passed: false });
    expect(configured.files.some((f) => f.findings.some((x) => x.rule === 'talk-time/agent-dominates'))).toBe(false);
  });

  it('takes gate defaults from the config; the command line wins', async () => {
    expect((await run(['check', 'calls'])).code).toBe(1);
    expect((await run(['check', '--fail-on', 'error', 'calls'])).code).toBe(0);
    expect((await run(['check', '--fail-on', 'error', 'vip'])).code).toBe(1);
  });

  it('gives the same results on worker threads', async () => {
    const one = (await run(['check', '-f', 'json', '-j', '1', 'calls', 'vip'])).stdout;
    expect((await run(['check', '-f', 'json', '-j', '2', 'calls', 'vip'])).stdout).toBe(one);
  });

  it('prints the effective config for a file with where each value came from', async () => {
    const r = await run(['print-config', 'vip/panels.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /sunbright\/internal-words:\n {4}severity: error\n {4}from:\n.*callcoach\.config\.yaml: overrides\[0\] \(vip\/\*\*\)/,
    );
    expect(r.stdout).toMatch(/talk-time\/agent-dominates:\n {4}severity: off/);
    expect(r.stdout).toMatch(/passMark:\n {4}value: 90\n {4}from: .*team\/callcoach\.config\.yaml: scorecard\.passMark/);
    expect(r.stdout).toMatch(/name: sunbright\n.*\n {4}from: .*callcoach\.config\.yaml: extends/);
    expect((await run(['print-config', 'calls/panels.txt'])).stdout).toMatch(/sunbright\/internal-words:\n {4}severity: warning/);
  });

  it('lists and explains rules as the config sets them', async () => {
    const list = (await run(['rules'])).stdout;
    expect(list).toMatch(/sunbright\/internal-words +step 3 +warning/);
    expect(list).toMatch(/talk-time\/agent-dominates +step 1 +off/);
    const explained = (await run(['explain', 'jargon/unexplained-term'])).stdout;
    expect(explained).toMatch(/Options.*\n {2}jargon\/unexplained-term:\n {4}severity: warning\n {4}speaker: agent/);
  });

  it('rejects an unknown rule id with did-you-mean, at its line and column', async () => {
    const bad = join(work, 'bad.yaml');
    writeFileSync(bad, 'rules:\n  cold-transfers/blind-transfr: off\n');
    const r = await run(['check', '-c', bad, 'calls']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:2:3: unknown rule 'cold-transfers/blind-transfr' (did you mean 'cold-transfers/blind-transfer'?)`);
    writeFileSync(bad, 'rules:\n  jargon/unexplained-term:\n    explainWindw: 3\n');
    expect((await run(['check', '-c', bad, 'calls'])).stderr).toContain("unknown key 'explainWindw' (did you mean 'explainWindow'?)");
    writeFileSync(bad, 'extends: [./nowhere.yaml]\n');
    expect((await run(['check', '-c', bad, 'calls'])).stderr).toContain(`${bad}:1:11: cannot find './nowhere.yaml' to extend`);
    writeFileSync(bad, 'extends: [./bad.yaml]\n');
    expect((await run(['check', '-c', bad, 'calls'])).stderr).toContain('config extends itself');
  });

  it('names the allowed values when a severity is misspelt, instead of "Invalid input"', async () => {
    const bad = join(work, 'bad-severity.yaml');
    writeFileSync(bad, 'rules:\n  jargon/unexplained-term: warn\ngates:\n  failOn: warning\n');
    const r = await run(['check', '-c', bad, 'calls']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:2:28: rules.jargon/unexplained-term: expected one of off, info, warning, error, or an object`);
    writeFileSync(bad, 'gates:\n  failOn: warn\n');
    expect((await run(['check', '-c', bad, 'calls'])).stderr).toContain(`${bad}:2:11: gates.failOn: expected one of info, warning, error`);
    writeFileSync(bad, 'gates:\n  maxUnjudged: "200%"\n');
    expect((await run(['check', '-c', bad, 'calls'])).stderr).toContain('impossible gates: maxUnjudged: a share cannot be more than 100%');
  });

  it('extends npm packages: a shared config, and a package of packs', async () => {
    const project = mkdtempSync(join(tmpdir(), 'callcoach-npm-'));
    try {
      const files: Record<string, string> = {
        'node_modules/@acme/callcoach-config/package.json': '{"name":"@acme/callcoach-config","version":"1.0.0"}',
        'node_modules/@acme/callcoach-config/callcoach.config.yaml': 'rules:\n  jargon/unexplained-term: error\n',
        'node_modules/acme-packs/package.json': '{"name":"acme-packs","version":"1.0.0","callcoach":{"packs":["sunbright.yaml"]}}',
        'node_modules/acme-packs/sunbright.yaml': FILES['packs/sunbright.yaml']!.trimStart(),
        'callcoach.config.yaml': 'extends: ["@acme/callcoach-config", acme-packs]\n',
        'call.txt': FILES['calls/panels.txt']!,
      };
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(project, name)), { recursive: true });
        writeFileSync(join(project, name), text);
      }
      const r = JSON.parse((await cli(['check', '-f', 'json', 'call.txt'], { cwd: project })).stdout) as Results;
      expect(findingsOf(r, 'call.txt')).toEqual(['jargon/unexplained-term@2:error', 'sunbright/internal-words@2:warning']);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('writes a commented starter config that loads, and never overwrites one', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'callcoach-init-'));
    try {
      const first = await cli(['init'], { cwd: fresh });
      expect(first.code).toBe(0);
      const text = readFileSync(join(fresh, 'callcoach.config.yaml'), 'utf8');
      expect(text).toMatch(/^# yaml-language-server: \$schema=.*schemas\/config\.schema\.json\n/);
      expect(text).toContain('#   cold-transfers/blind-transfer: error');
      // No frozen pack list: packs a later version bundles reach this config too.
      expect(text).not.toMatch(/^packs:/m);
      expect(text).toContain('in the directory\n# it runs in, or the closest directory above it');
      const printed = await cli(['print-config', 'call.txt'], { cwd: fresh });
      expect(printed.stdout).toContain('cold-transfers');
      writeFileSync(join(fresh, 'call.txt'), FILES['calls/panels.txt']!);
      const checked = await cli(['check', 'call.txt'], { cwd: fresh });
      expect(checked.code).toBe(0);
      expect(checked.stdout).toContain('jargon/unexplained-term');
      const again = await cli(['init'], { cwd: fresh });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already exists');
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
