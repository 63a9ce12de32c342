import { describe, expect, it } from 'vitest';
import { turnsFlagged } from '../helpers.js';

const flagged = (text: string, path?: string) => turnsFlagged('interrupting', text, path);

describe('interrupting pack', () => {
  it('flags the agent talking over the customer in a timed call', () => {
    const vtt =
      'WEBVTT\n\n00:00:00.000 --> 00:00:12.000\n<v Customer>The heater stopped working on Sunday and since then the house has been freezing and\n\n00:00:10.500 --> 00:00:14.000\n<v Agent>Is it the boiler or the thermostat that shows the error?\n';
    expect(flagged(vtt, 'call.vtt')).toEqual([2]);
  });

  it('ignores an agent backchannel overlapping the customer', () => {
    const vtt =
      'WEBVTT\n\n00:00:00.000 --> 00:00:12.000\n<v Customer>The heater stopped working on Sunday\n\n00:00:05.000 --> 00:00:05.600\n<v Agent>Uh-huh.\n\n00:00:12.400 --> 00:00:15.000\n<v Agent>Sorry to hear that, let us get it fixed.\n';
    expect(flagged(vtt, 'call.vtt')).toEqual([]);
  });

  it('ignores the customer interrupting the agent', () => {
    const text =
      '[00:00:00.000-00:00:09.000] Agent: Let me walk you through the three steps for the reset, first you\n[00:00:04.000-00:00:07.000] Customer: I already did all of that twice this morning.';
    expect(flagged(text)).toEqual([]);
  });

  it('flags a cut-off customer in an untimed chat log', () => {
    expect(flagged('Customer: I paid the invoice on the first but the portal still says —\nAgent: What is the invoice number?')).toEqual([
      2,
    ]);
  });
});
