import { describe, expect, it } from 'vitest';
import { turnsFlagged } from '../helpers.js';

const flagged = (text: string) => turnsFlagged('rule-book', text);

describe('rule-book pack', () => {
  it('flags hiding behind a rule with no alternative, including polite forms', () => {
    expect(flagged("Customer: Can you waive the fee?\nAgent: Sorry, that's our policy.\nCustomer: Really?\nAgent: Anything else?")).toEqual(
      [2],
    );
    expect(flagged("Agent: I really wish I could help, but I'm not able to make exceptions.")).toEqual([1]);
    expect(flagged("Agent: The system won't let me change the date.")).toEqual([1]);
    expect(flagged('Agent: There is nothing I can do about it.')).toEqual([1]);
  });

  it('does not flag a policy explained with an alternative', () => {
    expect(flagged("Agent: Our policy doesn't allow refunds after 30 days, but I can offer you store credit or a repair.")).toEqual([]);
    expect(flagged("Agent: That's our policy, I'm afraid.\nCustomer: Hm.\nAgent: What I can do is set up a payment plan.")).toEqual([]);
  });

  it('treats the insurance kind of policy as an everyday word', () => {
    expect(flagged('Agent: Your policy covers water damage. What is your policy number?')).toEqual([]);
  });

  it('does not flag a plain no that cites no rule', () => {
    expect(flagged('Agent: No, the order has already shipped.')).toEqual([]);
  });
});
