import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../dist/results/collect.js';
import { cli, ROOT } from '../cli/run-cli.js';
import { findings } from '../helpers.js';

const ANGRY = `Customer: My order NEVER EVER CAME and you took my money!!! I'm telling everyone I know to avoid you.
Agent: The payment was taken correctly.
Customer: Unbelievable.
Agent: Anything else?`;

describe('customer portraits (bundled pack)', () => {
  it('puts the portrait, its confidence and its evidence in the JSON', async () => {
    const out = JSON.parse((await cli(['check', '-f', 'json', '-'], { input: ANGRY })).stdout) as Results;
    const file = out.files[0]!;
    expect(file.portrait).toBe('aggressive');
    expect(file.portraitEvidence!.confidence).toBeGreaterThan(0.5);
    expect(file.portraitEvidence!.turns.map((t) => t.signal)).toEqual(
      expect.arrayContaining(['threat to go public', 'shouting in capitals', '"!!!"']),
    );
    expect(file.portraitEvidence!.turns.every((t) => t.turn === 1)).toBe(true);
  });

  it('makes denying the problem to an aggressive customer an error, with the portrait’s tip', async () => {
    const out = JSON.parse((await cli(['check', '-f', 'json', '-'], { input: ANGRY })).stdout) as Results;
    const denied = out.files[0]!.findings.find((f) => f.rule === 'coldness/denied')!;
    expect(denied).toMatchObject({ turn: 2, severity: 'error' });
    expect(denied.tip).toMatch(/Never deny the problem to an angry customer/);
    const calm = findings('Customer: I cancelled in March and you charged me in April.\nAgent: The payment was taken correctly.');
    expect(calm.find((f) => f.rule === 'coldness/denied')).toMatchObject({ severity: 'warning' });
  });

  it('shows the portrait under the header in the stylish report', async () => {
    const out = (await cli(['check', '-'], { input: ANGRY })).stdout;
    expect(out).toMatch(/\n {2}customer aggressive confidence 0\.\d+: turn 1 ".*" \(.+\)/);
    expect(out).toContain('tip: An aggressive customer needs fast resolution');
  });

  it('is null for most conversations', async () => {
    const out = JSON.parse(
      (await cli(['check', '-f', 'json', '-'], { input: 'Customer: Hi, can I change my address?\nAgent: Of course.' })).stdout,
    ) as Results;
    expect(out.files[0]).toMatchObject({ portrait: null, portraitEvidence: null });
  });

  it('warns when a high-roller complains in public and is never taken private', async () => {
    const rules = async (agent: string) => {
      const input = `---\nchannel: twitter\n---\nCustomer: @Skyline Diamond member, 11 years with you, and the upgrade I paid for vanished.\nAgent: ${agent}`;
      const out = JSON.parse((await cli(['check', '-f', 'json', '-'], { input })).stdout) as Results;
      expect(out.files[0]!.portrait).toBe('high-roller');
      return out.files[0]!.findings.map((f) => f.rule);
    };
    expect(await rules('Sorry, upgrades are not guaranteed.')).toContain('portraits/high-roller-kept-public');
    expect(await rules('So sorry, the upgrade you paid for vanished? Please DM us the booking reference.')).not.toContain(
      'portraits/high-roller-kept-public',
    );
  });
});

describe('the README example scorecard', () => {
  it('scores every step, and the README shows what check prints', async () => {
    const file = 'examples/scorecard/every-step.txt';
    const out = JSON.parse((await cli(['check', '-f', 'json', file])).stdout) as Results;
    expect(out.files[0]!.scorecard!.steps.map((s) => s.status)).not.toContain('n/a');
    const printed = (await cli(['check', file])).stdout.trimEnd();
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`\n${printed}\n\`\`\``);
  });
});

describe('explain', () => {
  it('shows a rule’s advice and severity for particular customers', async () => {
    const out = (await cli(['explain', 'coldness/denied'])).stdout;
    expect(out).toContain('For particular customers');
    expect(out).toMatch(/aggressive \(error\): Never deny the problem/);
    expect((await cli(['explain', 'portraits/high-roller-kept-public'])).stdout).toContain('Judges only these customers: high-roller.');
  });
});
