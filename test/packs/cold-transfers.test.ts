import { describe, expect, it } from 'vitest';
import { turnsFlagged } from '../helpers.js';

const flagged = (text: string) => turnsFlagged('cold-transfers', text);

describe('cold-transfers pack', () => {
  it('flags a blind transfer, once per hand-off', () => {
    expect(
      flagged(
        'Customer: My card was charged twice.\nAgent: That is the disputes team, let me transfer you.\nCustomer: Will they know?\nAgent: Transferring you now, please hold.',
      ),
    ).toEqual([2]);
    expect(flagged("Customer: I need to change my flight.\nAgent: I'll send you over to reservations.")).toEqual([2]);
  });

  it('does not flag a warm transfer with a briefed third party', () => {
    const call = [
      '---',
      'roles: {Ana: agent, Ben: customer, Cy: other}',
      '---',
      'Ben: My pension transfer form was rejected.',
      'Ana: I will put you through to our pensions team and stay on the line to introduce you.',
      'Cy: Pensions, Cy speaking.',
      'Ana: Hi Cy, I have Ben Ortiz on the line. His transfer form was rejected and he needs to know why.',
    ].join('\n');
    expect(flagged(call)).toEqual([]);
  });

  it('does not treat moving money or a service as a call transfer', () => {
    expect(
      flagged('Customer: Can I do a balance transfer?\nAgent: Yes, I can set up the balance transfer and transfer the funds today.'),
    ).toEqual([]);
    expect(flagged('Agent: I will transfer your service to the new address on Monday.')).toEqual([]);
  });

  it('flags a brush-off to another department', () => {
    expect(flagged("Customer: The engineer never came.\nAgent: You'll need to call our field services department about that.")).toEqual([
      2,
    ]);
  });
});
