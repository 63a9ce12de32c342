import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readTranscript } from '../../dist/transcript/read.js';
import { cli } from '../cli/run-cli.js';
import type { Results } from '../../dist/results/collect.js';

const read = (text: string, path = 'call.txt') => readTranscript({ path, text });
const fixture = (name: string) => read(readFileSync(`fixtures/exports/${name}`, 'utf8'), `fixtures/exports/${name}`);
const turns = (name: string) => fixture(name).conversation!.turns.map((t) => [t.speaker, t.startMs, t.text.slice(0, 20)]);

describe('text exports of meeting and transcription tools', () => {
  it('reads an Otter export (a "Name  0:00" heading, the words below), its header kept as the title', () => {
    const c = fixture('otter.txt').conversation!;
    expect(c.metadata.title).toBe('Refund call');
    expect(turns('otter.txt')).toEqual([
      ['Priya Sharma', 0, 'Thank you for callin'],
      ['Tom Baker', 4000, 'Hi, my order never a'],
      ['Priya Sharma', 9000, "I'm so sorry about t"],
      ['Tom Baker', 15000, "It's 4471."],
      ['Priya Sharma', 20000, "Thanks. I've sent a "],
    ]);
    expect(c.turns[2]!.text).toBe("I'm so sorry about that. Let me look it up for you. What's the order number?");
    expect(c.notices).toBeUndefined();
  });

  it('reads a Teams export, a name with a note included', () => {
    expect(turns('teams.txt').map(([s, t]) => [s, t])).toEqual([
      ['Priya Sharma (Northwind)', 3000],
      ['Tom Baker', 7000],
      ['Priya Sharma (Northwind)', 12000],
      ['Tom Baker', 16000],
    ]);
  });

  it("reads Zoom's saved captions, wall-clock times as offsets from the first", () => {
    const c = fixture('zoom.txt').conversation!;
    expect(c.turns.map((t) => [t.speaker, t.startMs])).toEqual([
      ['Priya Sharma', 0],
      ['Tom Baker', 4000],
      ['Priya Sharma', 9000],
    ]);
    expect(c.metadata.startedAt).toBe('10:02:11');
  });

  it('reads a Google Meet transcript: header lines, time lines between Name: text lines', () => {
    const c = fixture('meet.txt').conversation!;
    expect(c.metadata.title).toBe('Order follow-up - Transcript');
    expect(c.turns.map((t) => [t.speaker, t.startMs])).toEqual([
      ['Priya Sharma', 0],
      ['Tom Baker', undefined],
      ['Priya Sharma', 300000],
      ['Tom Baker', undefined],
    ]);
  });

  it('reads Rev-style "Speaker 1 (00:04):" labels with the words on the next line', () => {
    expect(turns('rev.txt')).toEqual([
      ['Speaker 1', 0, 'Thank you for callin'],
      ['Speaker 2', 4000, "Hi, I'm calling abou"],
    ]);
  });

  it('turns wall-clock stamps into offsets from the first, so a 9-second exchange lasts 9 seconds', async () => {
    const c = fixture('wall-clock.txt').conversation!;
    expect(c.turns.map((t) => t.startMs)).toEqual([0, 4000, 9000]);
    expect(read('[11:59:58 PM] Agent: hi\n[12:00:03 AM] Customer: hello').conversation!.turns.map((t) => t.startMs)).toEqual([0, 5000]);
    const out = JSON.parse((await cli(['check', '-f', 'json', 'fixtures/exports/wall-clock.txt'])).stdout) as Results;
    expect(out.files[0]!.conversation!.durationMs).toBe(9000);
  });

  it('reads numbered speakers with timestamps (not as JSON) and infers their roles', async () => {
    const out = JSON.parse((await cli(['check', '-f', 'json', 'fixtures/exports/numbered.txt'])).stdout) as Results;
    const f = out.files[0]!;
    expect(f.errors).toEqual([]);
    expect(f.format).toBe('text');
    expect(f.conversation!.speakers).toEqual([
      { label: 'SPEAKER_01', role: 'agent' },
      { label: 'SPEAKER_00', role: 'customer' },
    ]);
    expect(f.conversation!.roles.source).toBe('inferred');
  });
});

describe('speaker labels', () => {
  it('reads "Agent (Name):" and "Name (Agent):" as the named person on that side, and takes the agent from them', async () => {
    const c = fixture('labels.txt').conversation!;
    expect(c.speakers.slice(0, 3)).toEqual([
      { label: 'Priya', role: 'agent' },
      { label: 'Tom', role: 'customer' },
      { label: 'Agent 1234', role: 'agent' },
    ]);
    const out = JSON.parse((await cli(['check', '-f', 'json', 'fixtures/exports/labels.txt'])).stdout) as Results;
    expect(out.files[0]!.conversation!.agent).toBe('Priya');
  });

  it('never merges a line that looks like a new speaker silently: it becomes a turn, or a located notice', () => {
    const labels = [
      'Agent',
      'Agent 1234',
      'Agent #12',
      'John (Agent)',
      'Agent (John)',
      'Customer 2',
      'Speaker 1',
      'SPEAKER_01',
      'spk_0',
      'Speaker A',
      'Priya',
      'Priya Sharma',
      'Dr. Ana Ruiz',
      "Siobhán O'Neil",
      'Jean-Luc Picard',
      'Maria de la Cruz',
      '김민수',
      'محمد',
      '王芳',
      'Rep-7',
      'Tom Baker (Guest)',
      'priya',
      'Order number',
      'AGENT',
    ];
    for (const label of labels) {
      const c = read(`Customer: hello there\n${label}: yes, go on\n`).conversation!;
      const turn = c.turns.length === 2;
      const noticed = (c.notices ?? []).some((n) => n.startsWith(`line 2: '${label}:' looks like a speaker label`));
      expect(turn || noticed, label).toBe(true);
    }
    expect(read('Customer: hi\npriya: yes\n').conversation!.notices).toEqual([
      "line 2: 'priya:' looks like a speaker label but was read as part of turn 1; if it is a speaker, name it in the front matter (roles: {priya: agent|customer|other})",
    ]);
  });
});

describe('Amazon Transcribe Post-Call Analytics', () => {
  it('reads SpeechSegments with the roles of SpeakerLabels, times in seconds, and the job name as id', () => {
    const c = read(readFileSync('fixtures/exports/aws-pca.json', 'utf8'), 'fixtures/exports/aws-pca.json').conversation!;
    expect(c.format).toBe('aws-pca');
    expect(c.id).toBe('stereo_std_1.mp3');
    expect(c.speakers).toEqual([
      { label: 'spk_0', role: 'agent' },
      { label: 'spk_1', role: 'customer' },
    ]);
    expect(c.turns[1]).toMatchObject({
      speaker: 'spk_1',
      text: 'Thank you for calling Networks abc technical Support.',
      startMs: 640,
      endMs: 3700,
    });
    expect(c.metadata.agent).toBeUndefined(); // "None" in the file
    // PCA writes words with start = end: they time nothing, so the turn times are used.
    expect(c.turns.every((t) => t.words === undefined)).toBe(true);
  });

  it('reads the whole upstream sample when ../shared is present', async () => {
    const sample = '../shared/corpora/aws-pca-sample/testfile.json';
    let text: string;
    try {
      text = readFileSync(sample, 'utf8');
    } catch {
      return; // ../shared is not here: nothing to compare with
    }
    const c = read(text, sample).conversation!;
    expect(c.turns).toHaveLength(12);
    const r = await cli(['check', '-f', 'json', '--roles', 'spk_1=agent,spk_0=customer', sample]);
    expect((JSON.parse(r.stdout) as Results).files[0]!.conversation!.roles.source).toBe('given');
  });
});

describe('JSON saved as text', () => {
  it('goes to the JSON readers, while a text transcript starting with a [timestamp] stays text', () => {
    expect(read('[{"speaker": "A", "text": "hi"}]', 'x.txt').error?.message ?? '').not.toContain('expected a turn');
    expect(read('[00:00:01] Speaker 7: Thanks for calling, how can I help?\n[00:00:04] Speaker 8: Hi', 'x.txt').conversation?.format).toBe(
      'text',
    );
    expect(read('[00:01] Priya (Agent): Hello', 'x.txt').conversation?.speakers).toEqual([{ label: 'Priya', role: 'agent' }]);
  });
});

describe('long lines', () => {
  it('reads lines with long runs of spaces in time linear in their length', () => {
    const spaces = ' '.repeat(200_000);
    expect(read(`Agent: hi${spaces}there\nCustomer:${spaces}ok\n${spaces}0:07x\n`).conversation!.turns.map((t) => t.speaker)).toEqual([
      'Agent',
      'Customer',
    ]);
    const block = read(`Priya Sharma${spaces}0:05\nHello.\n${spaces}0:07\n`).conversation!;
    expect(block.turns.map((t) => [t.speaker, t.startMs])).toEqual([['Priya Sharma', 5000]]);
  });
});
