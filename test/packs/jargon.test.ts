import { describe, expect, it } from 'vitest';
import { turnsFlagged } from '../helpers.js';

const flagged = (text: string) => turnsFlagged('jargon', text);

describe('jargon pack', () => {
  it('flags internal terms across industries', () => {
    expect(flagged('Agent: Your claim is in subrogation right now.')).toEqual([1]);
    expect(flagged('Agent: The payment bounced as an ACH return.')).toEqual([1]);
    expect(flagged('Agent: I have put it in the escalation queue for tier 2.')).toEqual([1]);
    expect(flagged('Agent: Your last bill was pro-rated.')).toEqual([1]);
    expect(flagged('Agent: I will raise a chargeback.')).toEqual([1]);
    expect(flagged('Agent: It is logged in the CRM.')).toEqual([1]);
  });

  it('flags an unlisted acronym', () => {
    expect(flagged('Agent: The QZR check failed overnight.')).toEqual([1]);
  });

  it('accepts a term the customer used first', () => {
    expect(flagged('Customer: Is this a chargeback?\nAgent: Yes, I will raise a chargeback today.')).toEqual([]);
  });

  it('accepts an acronym explained in the same breath', () => {
    expect(flagged("Agent: You'll get an RMA, that's a return authorization, by email.")).toEqual([]);
  });

  it('treats everyday words as plain', () => {
    expect(flagged('Agent: What is your policy number and account number? Is the router on Wi-Fi?')).toEqual([]);
  });
});
