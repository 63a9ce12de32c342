import { describe, expect, it } from 'vitest';
import { DEFAULT_METRIC_OPTIONS, metricOptionsWith, metricsOf } from '../../dist/metrics/index.js';
import type { Conversation, Role, Turn } from '../../dist/transcript/model.js';

/** A word-timed conversation: each turn is [role, "word@start-end ..."]. */
function timed(...turns: [Role, string][]): Conversation {
  const built: Turn[] = turns.map(([role, spec], i) => {
    const words = spec.split(' ').map((w) => {
      const [text, span] = w.split('@');
      const [start, end] = span!.split('-').map(Number);
      return { text: text!, startMs: start!, endMs: end! };
    });
    return {
      index: i + 1,
      speaker: role,
      role,
      text: words.map((w) => w.text).join(' '),
      startMs: words[0]!.startMs,
      endMs: words[words.length - 1]!.endMs,
      words,
      line: i + 1,
    };
  });
  return { id: 'c', path: 'c', format: 'test', metadata: {}, speakers: [], turns: built };
}

const found = (c: Conversation) => metricsOf(c).interruptions.map((i) => [i.by, i.turn.index, i.startMs, i.endMs]);

describe('word-level interruptions', () => {
  it('counts starting inside the other side ongoing run, until the later run ends', () => {
    const c = timed(
      ['customer', 'my@0-400 card@450-900 fell@950-1400 in@1450-1800 the@1850-2200 water@2250-3000'],
      ['agent', 'Uh@1500-1900 okay@4000-4300 sure@4350-4600'],
    );
    expect(found(c)).toEqual([['agent', 2, 1500, 3000]]);
  });

  it('counts jumping into a pause mid-turn, until the interrupter stops', () => {
    const c = timed(
      ['customer', 'can@0-300 you@350-600 update@650-1200 it@1250-1500 today@5000-5500'],
      ['agent', 'yes@2000-2300 I@2350-2500 will@2550-2900'],
    );
    expect(found(c)).toEqual([['agent', 2, 2000, 2900]]);
  });

  it('ignores backchannels, simultaneous starts, and overlap at the very end', () => {
    expect(
      found(timed(['customer', 'so@0-500 the@550-900 bill@950-1500 is@1550-2000 wrong@2050-2600'], ['agent', 'mm-hm@1000-1300'])),
    ).toEqual([]);
    expect(
      found(
        timed(['customer', 'hello@0-500 there@550-900 again@950-1500'], ['agent', 'hi@200-500 how@550-800 are@850-1000 you@1050-1300']),
      ),
    ).toEqual([]);
    expect(found(timed(['customer', 'thank@0-400 you@450-900 bye@950-1500'], ['agent', 'bye@1400-1900 now@1950-2200']))).toEqual([]);
  });

  it('does not count someone carrying on with their own turn', () => {
    const c = timed(
      ['customer', 'is@0-300 there@350-600 a@650-800 way@850-1200 today@6000-6500'],
      ['agent', 'yes@2000-2300 I@2350-2500 can@2550-2900 do@2950-3200 that@3250-3500 okay@7000-7300'],
    );
    expect(found(c).filter(([by]) => by === 'customer')).toEqual([]);
  });
});

describe('talk time and silences', () => {
  it('joins pauses shorter than 1.75 s into talk and reports longer silences', () => {
    const c = timed(['agent', 'hello@0-500 there@1500-2000'], ['customer', 'hi@6000-6500']);
    const m = metricsOf(c);
    expect(m.talk?.agent).toMatchObject({ talkMs: 2000, words: 2, wordsPerMinute: 60 });
    expect(m.talk?.customer?.talkMs).toBe(500);
    expect(m.talk?.agent?.shareOfSpeech).toBe(0.8);
    expect(m.nonTalk?.instances.map((s) => [s.startMs, s.endMs, s.after.index, s.before.index])).toEqual([[2000, 6000, 1, 2]]);
  });
});

describe('turn-level interruptions', () => {
  const turnsOnly = (...turns: [Role, string, number, number][]): Conversation => ({
    id: 'c',
    path: 'c',
    format: 'test',
    metadata: {},
    speakers: [],
    turns: turns.map(([role, text, startMs, endMs], i) => ({ index: i + 1, speaker: role, role, text, startMs, endMs, line: i + 1 })),
  });

  it('is not an interruption when the other side started over the speaker, who carries on after a breath', () => {
    const c = turnsOnly(
      ['agent', 'Thank you for calling technical support today.', 640, 3700],
      ['customer', 'Oh hi, yes, so I am calling about my line again.', 740, 5840],
      ['agent', 'This is Sam speaking, am I speaking to the account holder?', 3710, 6160],
    );
    expect(metricsOf(c).interruptions).toEqual([]);
  });

  it('is one when the speaker cuts into a turn the other side began first', () => {
    const c = turnsOnly(
      ['customer', 'So I was saying the router keeps dropping every evening around seven.', 0, 6000],
      ['agent', 'Right, have you tried turning it off and on again?', 2500, 5000],
    );
    expect(metricsOf(c).interruptions.map((i) => i.turn.index)).toEqual([2]);
  });
});

describe('interruption settings', () => {
  // Figures are kept per options object: a rule that gives the defaults must not measure the call again.
  it('gives rules with equal settings one options object, the defaults for default settings', () => {
    const defaults = DEFAULT_METRIC_OPTIONS.interruptions;
    expect(metricOptionsWith({})).toBe(DEFAULT_METRIC_OPTIONS);
    expect(metricOptionsWith({ minLeadMs: defaults.minLeadMs, backchannels: [...defaults.backchannels] })).toBe(DEFAULT_METRIC_OPTIONS);
    const slower = metricOptionsWith({ minLeadMs: 900 });
    expect(slower).not.toBe(DEFAULT_METRIC_OPTIONS);
    expect(slower.interruptions.minLeadMs).toBe(900);
    expect(metricOptionsWith({ minLeadMs: 900 })).toBe(slower);
  });

  it('measures a conversation once for a rule that gives the defaults', () => {
    const c = timed(['customer', 'my@0-400 bill@400-800'], ['agent', 'sorry@900-1300']);
    expect(metricsOf(c, metricOptionsWith({ minOverlapMs: DEFAULT_METRIC_OPTIONS.interruptions.minOverlapMs }))).toBe(metricsOf(c));
  });
});
