import { describe, expect, it } from 'vitest';
import { ruleTurns } from '../helpers.js';

const rule = `kind: order
first: {speaker: agent, match: ['(what is|can i have) [your|the] account number']}
before:
  - {speaker: agent, match: ['how can i help']}
  - {speaker: agent, match: ['sorry']}
  - {speaker: agent, echoes: 2}`;

describe('order kind', () => {
  it('fires on the first X when no Y came before it', () => {
    expect(ruleTurns(rule, 'Agent: Hello.\nCustomer: My heating is off.\nAgent: Okay. What is your account number?')).toEqual([3]);
  });

  it('is fine when an earlier turn did a Y', () => {
    expect(ruleTurns(rule, 'Agent: How can I help?\nCustomer: My heating is off.\nAgent: What is your account number?')).toEqual([]);
  });

  it('counts a Y earlier in the same turn, not one after the X', () => {
    expect(ruleTurns(rule, 'Customer: My heating is off.\nAgent: Sorry! What is your account number?')).toEqual([]);
    expect(ruleTurns(rule, 'Customer: My heating is off.\nAgent: What is your account number? Sorry.')).toEqual([2]);
  });

  it('takes giving back the customer’s specifics as a response', () => {
    const text =
      'Customer: The boiler stopped on Tuesday and the radiators are cold.\nAgent: The boiler stopped Tuesday, radiators cold. What is your account number?';
    expect(ruleTurns(rule, text)).toEqual([]);
    expect(ruleTurns(rule, 'Customer: The boiler stopped on Tuesday.\nAgent: Right. What is your account number?')).toEqual([2]);
  });

  it('judges only the first X', () => {
    expect(
      ruleTurns(rule, 'Agent: How can I help?\nCustomer: Hi.\nAgent: Can I have your account number?\nAgent: What is your account number?'),
    ).toEqual([]);
  });
});
