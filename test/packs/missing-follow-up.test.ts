import { describe, expect, it } from 'vitest';
import { turnsFlagged } from '../helpers.js';

const flagged = (text: string) => turnsFlagged('missing-follow-up', text);

describe('missing-follow-up pack', () => {
  it('flags a pending review with no time and no contact, on the last agent turn', () => {
    expect(
      flagged(
        'Customer: My claim was denied.\nAgent: I have escalated it to our review team.\nCustomer: Okay.\nAgent: They will look into it. Anything else?\nCustomer: No.',
      ),
    ).toEqual([4]);
  });

  it('accepts a timeframe', () => {
    expect(flagged('Agent: I have escalated it to our review team. You will hear back within 3 business days.\nAgent: Bye.')).toEqual([]);
    expect(flagged('Agent: The technician will come on Thursday between 8 and 12.\nAgent: Bye.')).toEqual([]);
  });

  it('accepts a committed follow-up on a confirmed contact', () => {
    expect(
      flagged(
        'Agent: The manager will review it and I will call you back on 555-0142. Is that still the best number?\nCustomer: Yes.\nAgent: Great.',
      ),
    ).toEqual([]);
  });

  it('does not apply when the call was resolved or refused outright', () => {
    expect(flagged('Agent: I have removed the late fee, it is gone from your account now.\nAgent: Anything else?')).toEqual([]);
    expect(flagged('Agent: I am afraid we cannot refund a used ticket.\nAgent: Anything else?')).toEqual([]);
  });

  it('does not apply when the call ends with a hand-off', () => {
    expect(flagged('Agent: That will need to be reviewed by underwriting. Let me transfer you to them.')).toEqual([]);
  });
});
