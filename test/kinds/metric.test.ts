import { describe, expect, it } from 'vitest';
import { ruleTurns } from '../helpers.js';

const timed = (...lines: string[]) => lines.join('\n');

describe('metric kind', () => {
  it('fires on talk share above the limit, at the longest monologue', () => {
    const rule = 'kind: metric\nmetric: talk-share\nspeaker: agent\nmax: 0.7';
    const call = timed(
      '[00:00:00-00:00:30] Agent: Let me explain everything about the plan in detail now.',
      '[00:00:31-00:00:33] Customer: Okay.',
      '[00:00:34-00:00:40] Agent: And one more thing.',
    );
    expect(ruleTurns(rule, call)).toEqual([1]);
    expect(ruleTurns(rule.replace('0.7', '0.95'), call)).toEqual([]);
  });

  it('fires on each long silence unless a hold was announced before it', () => {
    const rule = "kind: metric\nmetric: silence\nmax: 30000\nunlessBefore: {speaker: agent, match: ['on hold']}";
    expect(ruleTurns(rule, timed('[00:00:00-00:00:05] Agent: Let me look.', '[00:00:50-00:00:55] Agent: Found it.'))).toEqual([2]);
    expect(ruleTurns(rule, timed('[00:00:00-00:00:05] Agent: I will put you on hold.', '[00:00:50-00:00:55] Agent: Found it.'))).toEqual(
      [],
    );
  });

  it('counts interruptions and reports where the count passes the limit', () => {
    const rule = 'kind: metric\nmetric: interruptions\nspeaker: agent\nmax: 1';
    const cut = (n: number) => `Customer: I was saying that the ${n} --\nAgent: Right, the account number please.`;
    expect(ruleTurns(rule, [cut(1), cut(2)].join('\n'))).toEqual([4]);
    expect(ruleTurns(rule, cut(1))).toEqual([]);
  });

  it('is n/a without times', () => {
    expect(ruleTurns('kind: metric\nmetric: talk-share\nmax: 0.1', 'Agent: Hello there.\nCustomer: Hi.')).toEqual([]);
  });
});

describe('hold kind', () => {
  const rule =
    "kind: hold\nannounce: {speaker: agent, match: ['on hold']}\ncheckBack: {speaker: agent, match: ['thanks for holding']}\nminGapMs: 10000\nmaxHoldMs: 60000";

  it('fires when the agent returns from a hold without a check-back, or after too long', () => {
    expect(
      ruleTurns(rule, timed('[00:00:00-00:00:05] Agent: I will put you on hold.', '[00:00:30-00:00:35] Agent: Okay, found it.')),
    ).toEqual([2]);
    expect(
      ruleTurns(rule, timed('[00:00:00-00:00:05] Agent: I will put you on hold.', '[00:02:30-00:02:35] Agent: Thanks for holding.')),
    ).toEqual([2]);
  });

  it('accepts a prompt check-back, and a short pause is not a hold', () => {
    expect(
      ruleTurns(
        rule,
        timed('[00:00:00-00:00:05] Agent: I will put you on hold.', '[00:00:30-00:00:35] Agent: Thanks for holding, found it.'),
      ),
    ).toEqual([]);
    expect(
      ruleTurns(rule, timed('[00:00:00-00:00:05] Agent: I will put you on hold.', '[00:00:08-00:00:10] Agent: Okay, found it.')),
    ).toEqual([]);
  });
});
