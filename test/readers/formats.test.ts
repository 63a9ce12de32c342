import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignRoles } from '../../dist/transcript/assign-roles.js';
import { readTranscript, readTranscripts } from '../../dist/transcript/read.js';

const read = (file: string) => {
  const path = `fixtures/formats/${file}`;
  const r = readTranscript({ path, text: readFileSync(path, 'utf8') });
  if (r.error) throw new Error(JSON.stringify(r.error));
  return r.conversation;
};

// Every fixture holds the same six-turn billing call, written in each vendor's schema.
const FIRST = 'Thanks for calling Northwind Mobile, this is Priya. How can I help?';

describe.each([
  ['call.srt', 'srt', 'turns'],
  ['whisperx.srt', 'srt', 'turns'],
  ['aws-tca-words.json', 'aws-tca', 'words'],
  ['contact-lens-voice.json', 'contact-lens', 'turns'],
  ['contact-lens-v1.json', 'contact-lens', 'turns'],
  ['contact-lens-chat.json', 'contact-lens', 'start'],
  ['aws-transcribe.json', 'aws-transcribe', 'words'],
  ['aws-transcribe-channels.json', 'aws-transcribe', 'words'],
  ['bedrock.json', 'bedrock-audio', 'words'],
  ['deepgram.json', 'deepgram', 'words'],
  ['assemblyai.json', 'assemblyai', 'words'],
  ['revai.json', 'revai', 'words'],
  ['whisperx.json', 'whisper', 'words'],
  ['google-ccai.json', 'google-ccai', 'start'],
  ['genesys.json', 'genesys', 'words'],
  ['callcoach.json', 'callcoach', 'turns'],
])('%s', (file, format, timing) => {
  it(`is detected as ${format} and read turn by turn`, () => {
    const c = read(file);
    expect(c.format).toBe(format);
    expect(c.turns).toHaveLength(6);
    expect(c.turns[0]!.text).toBe(FIRST);
    expect(c.turns[3]!.text).toBe("It's 4471 9920.");
    expect(c.turns.every((t) => t.line >= 1)).toBe(true);
  });

  it(`carries ${timing} timings`, () => {
    const t = read(file).turns[1]!;
    if (timing === 'words') {
      expect(t.words).toHaveLength(12);
      expect(t.words![0]!.startMs).toBe(t.startMs);
    }
    if (timing !== 'start') expect(t.endMs).toBeGreaterThan(t.startMs!);
    expect(t.startMs).toBeGreaterThan(0);
  });

  it('ends up with the agent and the customer on the right sides', () => {
    const c = assignRoles(read(file));
    expect(c.turns.map((t) => t.role)).toEqual(['agent', 'customer', 'agent', 'customer', 'agent', 'customer']);
  });
});

describe('JSON Lines', () => {
  it('reads one conversation per line, each addressed by its line', () => {
    const path = 'fixtures/formats/calls.jsonl';
    const results = readTranscripts({ path, text: readFileSync(path, 'utf8') });
    expect(results.map((r) => [r.path, r.conversation?.turns.length])).toEqual([
      [`${path}:1`, 6],
      [`${path}:2`, 3],
    ]);
  });

  it('reports a bad line at its line and still reads the others', () => {
    const results = readTranscripts({
      path: 'x.jsonl',
      text: '{"turns":[{"speaker":"A","text":"hi"}]}\n{"turns": [\n{"turns":[{"speaker":"B"}]}\n',
    });
    expect(results.map((r) => [r.path, r.error?.line ?? null])).toEqual([
      ['x.jsonl:1', null],
      ['x.jsonl:2', 2],
      ['x.jsonl:3', 3],
    ]);
    expect(results[2]!.error?.message).toContain('turns[0].text');
  });
});

describe('format errors', () => {
  it('refuses an SRT cue without a timing line, at its line', () => {
    expect(
      readTranscript({ path: 'x.srt', text: '1\n00:00:01,000 --> 00:00:02,000\nAgent: hi\n\n2\nno timing here\n' }).error,
    ).toMatchObject({ line: 6 });
  });

  it('sends JSON saved as .txt to the JSON readers', () => {
    expect(readTranscript({ path: 'export.txt', text: '{"monologues": [\n' }).error?.message).toContain('invalid JSON');
  });

  it('names the JSON formats it knows when it recognizes none', () => {
    expect(readTranscript({ path: 'x.json', text: '{"hello": 1}' }).error?.message).toMatch(
      /not a transcript: unrecognized JSON: expected one of .*deepgram/,
    );
  });
});

describe('turns of every format', () => {
  it('come in one shape, whatever a format tells of times and words: the rules read turns at one place each', () => {
    const files = [
      ...readdirSync('fixtures/formats').map((f) => `fixtures/formats/${f}`),
      ...readdirSync('fixtures/calls').map((f) => `fixtures/calls/${f}`),
    ];
    const shapes = new Set<string>();
    for (const path of files) {
      for (const r of readTranscripts({ path, text: readFileSync(path, 'utf8') })) {
        for (const t of r.conversation?.turns ?? []) shapes.add(Object.keys(t).join(','));
      }
    }
    expect([...shapes]).toEqual(['index,speaker,role,text,startMs,endMs,words,line']);
  });
});
