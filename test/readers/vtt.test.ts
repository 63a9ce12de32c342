import { describe, expect, it } from 'vitest';
import { isTimed } from '../../dist/transcript/model.js';
import { readTranscript } from '../../dist/transcript/read.js';
import { conversation } from '../helpers.js';

const vtt = (body: string) => `WEBVTT\n\n${body}`;

describe('WebVTT reader', () => {
  it('reads voice spans, multi-line cues and cue times, one turn per cue', () => {
    const c = conversation(
      vtt(
        '1\n00:00:01.000 --> 00:00:04.500\n<v Agent>Hello there,\nhow can I help?</v>\n\n00:00:04.000 --> 00:00:06.000\n<v Customer>My bill is wrong.',
      ),
      'call.vtt',
    );
    expect(c.format).toBe('vtt');
    expect(c.turns).toMatchObject([
      { index: 1, speaker: 'Agent', role: 'agent', text: 'Hello there, how can I help?', startMs: 1000, endMs: 4500, line: 4 },
      { index: 2, speaker: 'Customer', role: 'customer', text: 'My bill is wrong.', startMs: 4000, endMs: 6000, line: 8 },
    ]);
    expect(isTimed(c)).toBe(true);
  });

  it('accepts the "Name: text" prefix convention and strips other tags', () => {
    const c = conversation(
      vtt('00:00:01.000 --> 00:00:02.000\nAgent: <i>Hi</i> &amp; welcome\n\n00:00:02.500 --> 00:00:03.000\nCustomer: Thanks'),
      'x.vtt',
    );
    expect(c.turns.map((t) => [t.speaker, t.text])).toEqual([
      ['Agent', 'Hi & welcome'],
      ['Customer', 'Thanks'],
    ]);
  });

  it('lets a cue without a speaker continue the previous speaker', () => {
    const c = conversation(vtt('00:00:01.000 --> 00:00:02.000\n<v Agent>Part one\n\n00:00:02.000 --> 00:00:03.000\npart two'), 'x.vtt');
    expect(c.turns[1]).toMatchObject({ speaker: 'Agent', text: 'part two' });
  });

  it('reports invalid cue timings with line and column', () => {
    const r = readTranscript({
      path: 'x.vtt',
      text: vtt('00:00:01.000 --> 00:00:02.000\n<v Agent>ok\n\n00:00:0x.000 --> 00:00:08.000\n<v Customer>late'),
    });
    expect(r.error).toMatchObject({ line: 6, message: expect.stringContaining('invalid WebVTT') });
  });

  it('accepts the unpadded times and header lines real exports use', () => {
    const c = conversation(
      'WEBVTT\nKind: captions\n\n0:0:1.5 --> 0:0:3.0\n<v Ana>Hello\n00:00:03.000 --> 00:00:04.000\n<v Ben>Hi',
      'teams.vtt',
    );
    expect(c.turns.map((t) => [t.speaker, t.startMs, t.endMs])).toEqual([
      ['Ana', 1500, 3000],
      ['Ben', 3000, 4000],
    ]);
  });

  it('makes one turn per voice when two people speak in one cue', () => {
    const c = conversation(vtt('00:00:01.000 --> 00:00:03.000\n<v Ana>Hello</v> <v Ben>Hi there'), 'x.vtt');
    expect(c.turns.map((t) => [t.index, t.speaker, t.text])).toEqual([
      [1, 'Ana', 'Hello'],
      [2, 'Ben', 'Hi there'],
    ]);
  });

  it('reports a file without a WEBVTT header', () => {
    expect(readTranscript({ path: 'x.vtt', text: '00:00:01.000 --> 00:00:02.000\nAgent: hi' }).error?.message).toContain('invalid WebVTT');
  });

  it('reads captions that never name a speaker as one speaker of unknown role', () => {
    const c = conversation(vtt('00:00:01.000 --> 00:00:02.000\nhello\n\n00:00:02.000 --> 00:00:03.000\nworld'), 'x.vtt');
    expect(c.speakers).toEqual([{ label: 'speaker', role: 'unknown' }]);
    expect(c.turns).toHaveLength(2);
  });
});
