import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { ROOT } from '../cli/run-cli.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
}

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### GitHub Actions'));
const workflowText = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
const work = mkdtempSync(join(tmpdir(), 'callcoach-ci-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the README's GitHub Actions example", () => {
  it('is valid YAML with the shape of a workflow', () => {
    const doc = parseDocument(workflowText);
    expect(doc.errors).toEqual([]);
    const workflow = parse(workflowText) as { on: string[]; jobs: Record<string, { 'runs-on': string; steps: Step[] }> };
    expect(workflow.on).toEqual(['push', 'pull_request']);
    const steps = Object.values(workflow.jobs)[0]!.steps;
    for (const step of steps) expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))?.with?.sarif_file).toBe('callcoach.sarif');
    expect(steps.some((s) => s.run?.includes('>> "$GITHUB_STEP_SUMMARY"'))).toBe(true);
  });

  it('run locally with CI=true, writes SARIF, JUnit and the markdown summary, and its gates say why they tripped', () => {
    const steps = Object.values((parse(workflowText) as { jobs: Record<string, { steps: Step[] }> }).jobs)[0]!.steps;
    cpSync(join(ROOT, 'fixtures/calls'), join(work, 'calls'), { recursive: true });
    cpSync(join(ROOT, 'fixtures/unjudged/two-names.txt'), join(work, 'calls', 'two-names.txt'));
    const summary = join(work, 'step-summary.md');
    writeFileSync(summary, '');
    const env = { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: summary };
    delete env.FORCE_COLOR;
    const shell = (command: string) =>
      spawnSync('bash', ['-c', command.replace(/^npx callcoach /, `node ${join(ROOT, 'bin/callcoach.js')} `)], {
        cwd: work,
        env,
        encoding: 'utf8',
      });
    const check = shell(steps.find((s) => s.name === 'Check the calls')!.run!);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/^callcoach: --fail-on warning tripped: \d+ findings at or above warning$/m);
    expect(check.stderr).toContain('callcoach: --max-unjudged 5% tripped: too many unjudged conversations: 1 of 7 (14.3%)');
    expect(JSON.parse(readFileSync(join(work, 'callcoach.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(work, 'callcoach-junit.xml'), 'utf8')).toContain('<testsuites name="callcoach">');
    expect(shell(steps.find((s) => s.name === 'Summary')!.run!).status).toBe(0);
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('## callcoach');
    expect(md).toContain('| `--max-unjudged` | 5% | ✖ too many unjudged conversations');
    expect(existsSync(join(work, 'callcoach.md'))).toBe(true);
  });
});
