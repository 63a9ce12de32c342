import { describe, expect, it } from 'vitest';
import { ruleTurns } from '../helpers.js';

const rule = `kind: requirement
when:
  - {speaker: agent, match: ['will be reviewed']}
unless:
  - {speaker: agent, match: ['transfer you'], last: 1}
require:
  - {speaker: agent, match: ['within @number days']}
  - all:
      - {speaker: agent, match: ['i will call you']}
      - {speaker: agent, match: ['(on|at) @phone']}
report: last-turn`;

describe('requirement kind', () => {
  it('fires on the last agent turn when the condition holds and nothing satisfies it', () => {
    expect(ruleTurns(rule, 'Agent: It will be reviewed.\nCustomer: Okay.\nAgent: Bye now.\nCustomer: Bye.')).toEqual([3]);
  });

  it('is satisfied by any one alternative', () => {
    expect(ruleTurns(rule, 'Agent: It will be reviewed within 5 days.\nCustomer: Okay.\nAgent: Bye.')).toEqual([]);
    expect(ruleTurns(rule, 'Agent: It will be reviewed. I will call you on 555-0142.\nAgent: Bye.')).toEqual([]);
  });

  it('needs every condition of an all: alternative', () => {
    expect(ruleTurns(rule, 'Agent: It will be reviewed and I will call you.\nAgent: Bye.')).toEqual([2]);
  });

  it('does not apply without its condition, or when an exemption holds', () => {
    expect(ruleTurns(rule, 'Agent: All done.\nAgent: Bye.')).toEqual([]);
    expect(ruleTurns(rule, 'Agent: It will be reviewed.\nAgent: Let me transfer you.')).toEqual([]);
  });

  it('looks for the requirement only from the turn that made it apply', () => {
    expect(ruleTurns(rule, 'Agent: Refunds take within 3 days.\nAgent: Your claim will be reviewed.\nAgent: Bye.')).toEqual([3]);
  });

  it('honours a regex condition (it once counted as any turn)', () => {
    const withRegex = `kind: requirement
when:
  - {speaker: agent, match: ['will be reviewed']}
require:
  - {speaker: agent, regex: ['case \\d{4}']}`;
    expect(ruleTurns(withRegex, 'Agent: It will be reviewed.\nAgent: Bye.')).toEqual([2]);
    expect(ruleTurns(withRegex, 'Agent: It will be reviewed.\nAgent: Your number is case 1234.')).toEqual([]);
  });
});
