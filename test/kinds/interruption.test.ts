import { describe, expect, it } from 'vitest';
import { ruleTurns } from '../helpers.js';

const rule = 'kind: interruption\nspeaker: agent\nover: customer\nminOverlapMs: 300\nmaxBackchannelWords: 3';
const timed = (...lines: string[]) => lines.join('\n');

describe('interruption kind', () => {
  it('flags an agent turn that starts well inside a customer turn', () => {
    expect(
      ruleTurns(
        rule,
        timed(
          '[00:00:01.000-00:00:09.000] Customer: my internet keeps dropping every evening and',
          '[00:00:07.500-00:00:11.000] Agent: Right, that will be the router then.',
        ),
      ),
    ).toEqual([2]);
  });

  it('allows latching under the minimum overlap', () => {
    expect(
      ruleTurns(
        rule,
        timed(
          '[00:00:01.000-00:00:09.000] Customer: it keeps dropping',
          '[00:00:08.800-00:00:11.000] Agent: Let me check the line for you.',
        ),
      ),
    ).toEqual([]);
  });

  it('allows short backchannels and customers talking over the agent', () => {
    expect(
      ruleTurns(rule, timed('[00:00:01.000-00:00:09.000] Customer: it keeps dropping', '[00:00:04.000-00:00:04.500] Agent: Mm-hm, okay.')),
    ).toEqual([]);
    expect(
      ruleTurns(
        rule,
        timed(
          '[00:00:01.000-00:00:09.000] Agent: let me explain how the refund works here',
          '[00:00:05.000-00:00:10.000] Customer: No, I want it today, not next week.',
        ),
      ),
    ).toEqual([]);
  });

  it('uses cut-off markers when turns are untimed', () => {
    expect(ruleTurns(rule, 'Customer: I was trying to say --\nAgent: Account number?')).toEqual([2]);
    expect(ruleTurns(rule, 'Customer: and then the engineer [crosstalk]\nAgent: Okay.')).toEqual([2]);
    expect(ruleTurns(rule, 'Agent: As I was saying —\nCustomer: Sorry, go on.')).toEqual([]);
    expect(ruleTurns(rule, 'Customer: I was trying to say\nAgent: Account number?')).toEqual([]);
  });
});
