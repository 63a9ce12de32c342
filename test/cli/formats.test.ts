import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../dist/results/collect.js';
import { cli } from './run-cli.js';

const json = (stdout: string) => JSON.parse(stdout) as Results;
const agentOf = (r: Results) => r.files[0]!.conversation!.speakers.find((s) => s.role === 'agent')?.label;

describe('formats and roles through the CLI', () => {
  it('reads every format fixture end to end, with metrics', async () => {
    const r = await cli(['check', '-f', 'json', 'fixtures/formats']);
    expect(r.code).toBe(1); // the second call in calls.jsonl ignores an upset customer
    const out = json(r.stdout);
    expect(out.summary).toMatchObject({ files: 18, conversations: 18, unreadable: 0 });
    expect(new Set(out.files.map((f) => f.format))).toEqual(
      new Set([
        'assemblyai',
        'aws-tca',
        'aws-transcribe',
        'bedrock-audio',
        'srt',
        'callcoach',
        'jsonl',
        'contact-lens',
        'deepgram',
        'genesys',
        'google-ccai',
        'revai',
        'whisper',
      ]),
    );
    expect(out.files.every((f) => f.conversation!.speakers.some((s) => s.role === 'agent'))).toBe(true);
    const words = out.files.find((f) => f.format === 'deepgram')!.metrics!;
    expect(words.basis).toBe('words');
    expect(words.talk!.agent!.talkMs).toBeGreaterThan(0);
  });

  it('infers roles on a diarized file, and --roles overrides them', async () => {
    const inferred = json((await cli(['check', '-f', 'json', 'fixtures/formats/aws-transcribe.json'])).stdout);
    expect(agentOf(inferred)).toBe('spk_1');
    expect(inferred.files[0]!.conversation!.roles).toMatchObject({ source: 'inferred' });
    const given = json(
      (await cli(['check', '-f', 'json', '--roles', 'spk_0=agent,spk_1=customer', 'fixtures/formats/aws-transcribe.json'])).stdout,
    );
    expect(agentOf(given)).toBe('spk_0');
    expect(given.files[0]!.conversation!.roles).toMatchObject({ source: 'given', confidence: 1 });
  });

  it('takes roles from a sidecar next to the transcript, and reports a bad sidecar', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callcoach-sidecar-'));
    cpSync('fixtures/formats/deepgram.json', join(dir, 'call.json'));
    writeFileSync(join(dir, 'call.roles.yaml'), 'roles:\n  speaker 0: agent\n  speaker 1: customer\n');
    expect(agentOf(json((await cli(['check', '-f', 'json', join(dir, 'call.json')])).stdout))).toBe('speaker 0');
    writeFileSync(join(dir, 'call.roles.yaml'), 'speaker 0: boss\n');
    const bad = await cli(['check', '-f', 'json', join(dir, 'call.json')]);
    rmSync(dir, { recursive: true, force: true });
    expect(bad.code).toBe(2);
    expect(json(bad.stdout).files[0]!.errors[0]!.message).toContain('role of \'speaker 0\' is "boss"');
  });

  it('says so and skips role-dependent rules when roles cannot be decided', async () => {
    const text = 'A: This is ridiculous.\nB: Account number?\nA: Ugh.';
    const r = await cli(['check', '-f', 'json', '-'], { input: text });
    expect(r.code).toBe(0);
    const file = json(r.stdout).files[0]!;
    expect(file.findings).toEqual([]);
    expect(file.notices[0]).toMatch(/^not judged: roles undecided: .*role-dependent rules were skipped/);
    expect((await cli(['check', '-'], { input: text })).stdout).toContain('⚠ not judged: roles undecided');
    // Told who is who, the same call is judged.
    expect(
      json((await cli(['check', '-f', 'json', '--roles', 'A=customer,B=agent', '-'], { input: text })).stdout).files[0]!.findings.map(
        (f) => f.pack,
      ),
    ).toEqual(['robotism', 'restatement', 'empathy']);
  });

  it('rejects a malformed --roles as a usage error', async () => {
    const r = await cli(['check', '--roles', 'spk_0', 'fixtures/formats']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected LABEL=agent|customer|other');
  });

  it('refuses --roles that name none of the speakers (a misspelt label), unless the transcript names every role', async () => {
    const r = await cli([
      'check',
      '-f',
      'json',
      '--roles',
      'spk_9=agent',
      'fixtures/formats/deepgram.json',
      'fixtures/calls/pharmacy-refill.txt',
    ]);
    expect(r.code).toBe(2);
    const [pharmacy, deepgram] = json(r.stdout).files;
    expect(deepgram!.errors[0]!.message).toBe('--roles names spk_9, but the speakers here are speaker 1, speaker 0');
    expect(pharmacy!.errors).toEqual([]);
  });

  it('gives a --roles hint that pastes into a shell as it is', async () => {
    const out = json((await cli(['check', '-f', 'json', 'fixtures/unjudged/two-names.txt'])).stdout).files[0]!;
    expect(out.conversation!.roles.reason).toContain('--roles Sam=agent');
    const spaced = await cli(['check', '-f', 'json', '-'], { input: 'Sam Lee: Hi.\nAlex Kim: Hi there.\n' });
    expect(json(spaced.stdout).files[0]!.conversation!.roles.reason).toContain("--roles 'Sam Lee=agent'");
  });

  it('shows the metrics in the stylish report', async () => {
    const out = (await cli(['check', 'fixtures/calls/boiler-hold.txt'])).stdout;
    expect(out).toMatch(
      /talk agent 64% · customer 36% \| wpm agent \d+ · customer \d+ \| silence 01:58 \(2 over 3 s\) \| interruptions none \(from turn times: approximate\)/,
    );
    expect(out).toContain('holds/no-check-back');
  });
});
