import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../dist/results/collect.js';
import { cli } from './run-cli.js';

const json = (stdout: string) => JSON.parse(stdout) as Results;
const ANSI = /\u001b\[/;

describe('callcoach check (built CLI)', () => {
  it('prints a seven-step scorecard per conversation with located, quoted findings', async () => {
    const r = await cli(['check', 'fixtures/calls']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(ANSI);
    const block = r.stdout.slice(r.stdout.indexOf('fixtures/calls/pharmacy-refill.txt'));
    const titles = [
      'Let the customer talk',
      'Restate the complaint',
      'Speak calmly and clearly',
      "See it from the customer's side",
      'Take responsibility',
      'Act',
      'Follow up',
    ];
    const positions = titles.map((t) => block.indexOf(t));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
    expect(block).toContain('score 71/100');
    expect(block).toContain('robotism/id-before-contact');
    expect(block).toContain('restatement/not-restated');
    expect(block).toMatch(/turn 3 \[00:14\] Agent: "What's your date of birth\?"/);
    expect(block).toContain('empathy/no-acknowledgement');
    expect(block).toContain('tip: Acknowledge the feeling');
    expect(r.stdout).toMatch(/14 findings \(3 errors, 11 warnings, 0 info\) in 6 conversations/);
  });

  it('writes pure, sorted, deterministic JSON', async () => {
    const a = await cli(['check', '--format', 'json', 'fixtures/calls/pharmacy-refill.txt', 'fixtures/calls/bike-repair-chat.txt']);
    const b = await cli(['check', '--format', 'json', 'fixtures/calls/bike-repair-chat.txt', 'fixtures/calls/pharmacy-refill.txt']);
    expect(a.stdout).toBe(b.stdout);
    const out = json(a.stdout);
    expect(out.tool).toEqual({ name: 'callcoach', version: '0.1.0' });
    expect(out.schemaVersion).toBe(1);
    expect(out.files.map((f) => f.path)).toEqual(['fixtures/calls/bike-repair-chat.txt', 'fixtures/calls/pharmacy-refill.txt']);
    const pharmacy = out.files[1]!;
    expect(pharmacy).toMatchObject({ format: 'text', conversation: { id: 'pharmacy-refill', turns: 11, durationMs: 52000 }, errors: [] });
    expect(pharmacy.findings.map((f) => [f.turn, f.pack])).toEqual([
      [3, 'robotism'],
      [3, 'restatement'],
      [3, 'empathy'],
      [5, 'jargon'],
      [7, 'rule-book'],
      [11, 'missing-follow-up'],
    ]);
    expect(pharmacy.findings[2]).toEqual({
      rule: 'empathy/no-acknowledgement',
      pack: 'empathy',
      step: 4,
      severity: 'error',
      turn: 3,
      speaker: 'Agent',
      role: 'agent',
      startMs: 14000,
      line: 8,
      quote: "What's your date of birth?",
      message: expect.any(String),
      tip: expect.any(String),
    });
    expect(pharmacy.scorecard?.steps).toHaveLength(7);
    expect(out.summary).toMatchObject({
      files: 2,
      conversations: 2,
      findings: 6,
      unreadable: 0,
      bySeverity: { error: 2, warning: 4, info: 0 },
    });
  });

  it('exits 0 when nothing reaches --fail-on, 1 when something does', async () => {
    expect((await cli(['check', 'fixtures/calls/gym-freeze-warm.txt'])).code).toBe(0);
    expect((await cli(['check', 'fixtures/calls/fibre-outage.vtt'])).code).toBe(0);
    expect((await cli(['check', '--fail-on', 'warning', 'fixtures/calls/fibre-outage.vtt'])).code).toBe(1);
  });

  it('reports a corrupt transcript with file and line, still scores the others, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callcoach-batch-'));
    cpSync('fixtures/calls/gym-freeze-warm.txt', join(dir, 'a-good.txt'));
    cpSync('fixtures/malformed/bad-timestamp.txt', join(dir, 'b-bad.txt'));
    cpSync('fixtures/calls/lost-parcel.json', join(dir, 'c-good.json'));
    const r = await cli(['check', '-f', 'json', dir]);
    expect(r.code).toBe(2);
    const out = json(r.stdout);
    expect(out.files.map((f) => [f.path.slice(dir.length + 1), f.errors.length, f.scorecard?.score ?? null])).toEqual([
      ['a-good.txt', 0, 100],
      ['b-bad.txt', 1, null],
      ['c-good.json', 0, 85],
    ]);
    expect(out.files[1]!.errors[0]).toMatchObject({ line: 2, column: 2 });
    expect(out.summary).toMatchObject({ files: 3, conversations: 2, unreadable: 1 });

    const stylish = await cli(['check', dir]);
    rmSync(dir, { recursive: true, force: true });
    expect(stylish.code).toBe(2);
    expect(stylish.stdout).toContain(`${join(dir, 'b-bad.txt')}:2:2  malformed timestamp`);
  });

  it('reads stdin with -', async () => {
    const r = await cli(['check', '-f', 'json', '-'], { input: 'Customer: This is ridiculous.\nAgent: Account number?' });
    expect(r.code).toBe(1);
    expect(json(r.stdout).files[0]).toMatchObject({
      path: '<stdin>',
      findings: [
        { pack: 'robotism', turn: 2 },
        { pack: 'restatement', turn: 2 },
        { pack: 'empathy', turn: 2 },
      ],
    });
  });

  it('runs only the packs asked for', async () => {
    const out = json((await cli(['check', '-f', 'json', '--packs', 'jargon,empathy', 'fixtures/calls/pharmacy-refill.txt'])).stdout);
    expect(new Set(out.files[0]!.findings.map((f) => f.pack))).toEqual(new Set(['jargon', 'empathy']));
  });

  it('exits 2 with a message for usage errors, unknown packs and missing files', async () => {
    const badOption = await cli(['check', '--format', 'xml', 'fixtures/calls']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("unknown format 'xml'");
    const badPack = await cli(['check', '--packs', 'nope', 'fixtures/calls']);
    expect(badPack.code).toBe(2);
    expect(badPack.stderr).toContain("unknown pack 'nope'");
    const missing = await cli(['check', '-f', 'json', 'no/such/file.txt']);
    expect(missing.code).toBe(2);
    expect(json(missing.stdout).files[0]!.errors[0]!.message).toBe('no such file or directory');
  });

  it('colours only when asked, and NO_COLOR always wins', async () => {
    expect((await cli(['check', 'fixtures/calls/fibre-outage.vtt'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await cli(['check', 'fixtures/calls/fibre-outage.vtt'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(
      ANSI,
    );
  });

  it('prints help and version and exits 0', async () => {
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    expect((await cli(['check', '--help'])).stdout).toContain('--fail-on');
  });
});
