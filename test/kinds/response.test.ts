import { describe, expect, it } from 'vitest';
import { ruleTurns } from '../helpers.js';

const empathy = `kind: response
trigger: {speaker: customer, match: ['(furious|angry)']}
expect:
  - {speaker: agent, match: ['sorry'], after: 1}
report: response`;

const policy = `kind: response
trigger: {speaker: agent, match: ['our policy']}
expect:
  - {speaker: agent, match: ['(but|instead) i can'], sameTurn: true, after: 1}
report: trigger
cooldown: 2`;

describe('response kind', () => {
  it('reports on the responding turn when the expected reply is missing', () => {
    expect(ruleTurns(empathy, 'Agent: Hello.\nCustomer: I am furious.\nAgent: Account number?')).toEqual([3]);
    expect(ruleTurns(empathy, 'Agent: Hello.\nCustomer: I am furious.\nAgent: I am so sorry.')).toEqual([]);
  });

  it('skips backchannels when looking for the next turn', () => {
    expect(ruleTurns(empathy, 'Customer: I am furious.\nAgent: Mm-hm.\nAgent: I am sorry.')).toEqual([]);
  });

  it('has nothing to judge when no one responds', () => {
    expect(ruleTurns(empathy, 'Agent: Hello.\nCustomer: I am angry.')).toEqual([]);
  });

  it('accepts the expected reply in the same turn or the next one, and reports the trigger', () => {
    expect(ruleTurns(policy, 'Agent: That is our policy, but I can offer credit.')).toEqual([]);
    expect(ruleTurns(policy, 'Agent: That is our policy.\nCustomer: Hm.\nAgent: Instead I can offer credit.')).toEqual([]);
    expect(ruleTurns(policy, 'Agent: That is our policy.\nCustomer: Hm.\nAgent: Anything else?')).toEqual([1]);
  });

  it('does not report the same episode again within the cooldown', () => {
    expect(ruleTurns(policy, 'Agent: Our policy.\nCustomer: No.\nAgent: Our policy, sorry.\nCustomer: Bye.\nAgent: Our policy.')).toEqual([
      1, 5,
    ]);
  });

  it('reports a forbidden reply at the turn that says it', () => {
    const forbid =
      "kind: response\ntrigger: {speaker: customer, match: ['refund']}\nforbid:\n  - {speaker: agent, match: ['calm down'], after: 2}\nreport: response";
    expect(ruleTurns(forbid, 'Customer: I want a refund.\nAgent: Let me look.\nAgent: Calm down please.')).toEqual([3]);
  });

  it('honours a regex in an expected response (it once counted as any turn)', () => {
    const quoted = `kind: response
trigger: {speaker: customer, match: ['how much']}
expect:
  - {speaker: agent, regex: ['\\$\\d+'], after: 1}
report: response`;
    expect(ruleTurns(quoted, 'Customer: How much is it?\nAgent: It depends.')).toEqual([2]);
    expect(ruleTurns(quoted, 'Customer: How much is it?\nAgent: It is $40 a month.')).toEqual([]);
  });
});
