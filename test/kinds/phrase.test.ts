import { describe, expect, it } from 'vitest';
import { ruleTurns } from '../helpers.js';

const rule = "kind: phrase\nspeaker: agent\nmatch: ['call (our|the) * (team|line)']\nexcept: ['if ...']";

describe('phrase kind', () => {
  it('flags each turn of the speaker that says the phrase', () => {
    expect(ruleTurns(rule, 'Agent: You need to call our billing team.\nCustomer: Okay.\nAgent: Or call the support line.')).toEqual([1, 3]);
  });

  it('ignores other speakers', () => {
    expect(ruleTurns(rule, 'Customer: I had to call the billing team twice.\nAgent: Sorry about that.')).toEqual([]);
  });

  it('lets an exception void a match in the same sentence only', () => {
    expect(ruleTurns(rule, 'Agent: If it happens again, call our night team.')).toEqual([]);
    expect(ruleTurns(rule, 'Agent: If it helps, fine. Call our billing team.')).toEqual([1]);
  });
});
