import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../dist/transcript/read.js';
import { conversation } from '../helpers.js';

const item = (role: string, content: string, begin: number, end: number) => ({
  ParticipantRole: role,
  Content: content,
  BeginOffsetMillis: begin,
  EndOffsetMillis: end,
});

describe('Amazon Transcribe Call Analytics reader', () => {
  it('maps participant roles, content and offsets, with each turn on its source line', () => {
    const text = JSON.stringify(
      { JobName: 'job-1', Transcript: [item('AGENT', 'Hello', 100, 900), item('CUSTOMER', 'Hi', 1000, 1500)] },
      null,
      2,
    );
    const c = conversation(text, 'call.json');
    expect(c).toMatchObject({ id: 'job-1', format: 'aws-tca' });
    expect(c.turns).toMatchObject([
      { index: 1, speaker: 'Agent', role: 'agent', text: 'Hello', startMs: 100, endMs: 900, line: 4 },
      { index: 2, speaker: 'Customer', role: 'customer', text: 'Hi', startMs: 1000, endMs: 1500, line: 10 },
    ]);
  });

  it('is chosen by content for any extension', () => {
    expect(conversation(JSON.stringify({ Transcript: [item('AGENT', 'Hi', 0, 1)] }), 'export.dat').format).toBe('aws-tca');
  });

  it('reports JSON syntax errors with line and column', () => {
    const r = readTranscript({ path: 'x.json', text: '{\n  "Transcript": [\n    {"ParticipantRole": "AGENT" "Content": "x"}\n  ]\n}' });
    expect(r.error).toMatchObject({ line: 3, column: 33, message: "invalid JSON: expected ',' between items" });
  });

  it('reports a turn with the wrong shape at its line', () => {
    const r = readTranscript({
      path: 'x.json',
      text: '{"Transcript": [\n{"ParticipantRole": "AGENT", "Content": "ok"},\n{"ParticipantRole": "CUSTOMER", "Content": 5}\n]}',
    });
    expect(r.error).toMatchObject({ line: 3, message: 'Transcript[1].Content must be a string' });
  });

  it('refuses JSON it does not recognize', () => {
    expect(readTranscript({ path: 'x.json', text: '{"hello": 1}' }).error?.message).toContain('not a transcript: unrecognized JSON');
  });
});
