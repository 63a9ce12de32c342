import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../src/results/collect.js';
import { cli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'callcoach-html-out-'));
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const inputs = ['fixtures/calls', 'fixtures/formats', 'fixtures/malformed'];

describe('HTML report file', () => {
  it('is the same bytes for the same input, whatever the number of jobs', async () => {
    await cli(['check', ...inputs, '--jobs', '1', '-f', `html:${join(dir, 'a.html')}`]);
    await cli(['check', ...inputs, '--jobs', '2', '-f', `html:${join(dir, 'b.html')}`]);
    expect(read('a.html')).toBe(read('b.html'));
  });

  it('admits only its own script and style, by hash, and allows no request', async () => {
    await cli(['check', 'fixtures/calls', '-f', `html:${join(dir, 'c.html')}`]);
    const page = read('c.html');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1]!;
    expect(csp).toContain("default-src 'none'");
    const sha = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(csp).toContain(`script-src ${sha(scripts[0]!)}`);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    expect(csp).toContain(`style-src ${sha(style)}`);
    // Everything else is data: JSON blocks, one row and one result per file, and no URL to fetch.
    expect(page.match(/<script type="application\/json" class="cc-row">/g)).toHaveLength(6);
    expect(page).not.toMatch(/\b(src|href)=["']?(https?:|\/\/)/);
  });

  it('merging shards gives the same report as one run', async () => {
    await cli(['check', ...inputs, '--group-by', 'agent', '-f', `html:${join(dir, 'one.html')}`]);
    for (const i of [1, 2, 3])
      await cli(['check', ...inputs, '--shard', `${i}/3`, '--transcript', '-f', `json:${join(dir, `shard-${i}.json`)}`]);
    const merged = await cli([
      'merge',
      ...[1, 2, 3].map((i) => join(dir, `shard-${i}.json`)),
      '--group-by',
      'agent',
      '-f',
      `html:${join(dir, 'merged.html')}`,
    ]);
    expect(merged.stderr).not.toContain('transcript');
    expect(read('merged.html')).toBe(read('one.html'));
  });

  it('merge says so when the results carry no transcript text', async () => {
    await cli(['check', 'fixtures/calls', '-f', `json:${join(dir, 'plain.json')}`]);
    const merged = await cli(['merge', join(dir, 'plain.json'), '-f', `html:${join(dir, 'plain.html')}`]);
    expect(merged.stderr).toMatch(/carry no transcript text \(check them with --transcript\)/);
    expect(read('plain.html')).toContain('class="cc-row"');
  });
});

describe('--transcript', () => {
  it("carries each conversation's turns on its result; without it the JSON has none", async () => {
    const plain = await cli(['check', 'fixtures/calls', '-f', 'json']);
    expect(plain.stdout).not.toContain('"transcript":');
    const withTurns = JSON.parse((await cli(['check', 'fixtures/calls', '-f', 'json', '--transcript'])).stdout) as Results;
    const vtt = withTurns.files.find((f) => f.path.endsWith('fibre-outage.vtt'))!;
    expect(vtt.transcript).toHaveLength(vtt.conversation!.turns);
    expect(vtt.transcript![0]).toEqual({
      index: 1,
      speaker: 'Agent',
      role: 'agent',
      text: 'Brightwave Fibre support, Leon speaking.',
      startMs: 500,
      endMs: 3900,
    });
    // The rest of each result is what the plain run wrote.
    const stripped = { ...withTurns, files: withTurns.files.map(({ transcript: _t, ...rest }) => rest) };
    expect(`${JSON.stringify(stripped)}\n`).toBe(plain.stdout);
  });
});
