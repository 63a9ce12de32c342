import { describe, expect, it } from 'vitest';
import { turnsFlagged } from '../helpers.js';

const flagged = (text: string) => turnsFlagged('empathy', text);

describe('empathy pack', () => {
  it('flags the next agent turn when frustration goes unacknowledged', () => {
    expect(flagged('Customer: This is absolutely ridiculous, I have called four times!\nAgent: Reference number?')).toEqual([2]);
    expect(flagged("Customer: I'm so stressed, the rent is due tomorrow.\nAgent: The transfer shows as pending.")).toEqual([2]);
  });

  it('accepts an apology or an acknowledgement, even a short one', () => {
    expect(flagged("Customer: I'm furious about this.\nAgent: I'm sorry. What's the reference?")).toEqual([]);
    expect(flagged('Customer: This is so frustrating.\nAgent: I can see why, that sounds exhausting. Let me look.')).toEqual([]);
  });

  it('does not treat confusion or a plain question as frustration', () => {
    expect(flagged("Customer: I don't know what that means.\nAgent: It is the code on the back of the card.")).toEqual([]);
    expect(flagged('Customer: When will the engineer come?\nAgent: Tomorrow morning.')).toEqual([]);
  });

  it('does not treat negated or grateful uses as frustration', () => {
    expect(flagged("Customer: I'm not angry, just confused.\nAgent: Let me explain.")).toEqual([]);
    expect(flagged("Customer: That's unbelievable, thank you so much!\nAgent: Glad to help.")).toEqual([]);
  });
});
