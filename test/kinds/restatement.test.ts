import { describe, expect, it } from 'vitest';
import { ruleTurns } from '../helpers.js';

const rule = `kind: restatement
problem: {match: ['(never arrived|charged twice|stopped working)']}
minShared: 3
checkBack: ['just to confirm']
checkBackShared: 1
except: ['have you tried']
acknowledgements: ['sorry']
window: 2`;

describe('restatement kind', () => {
  it('fires on the agent turn that moves on without the customer’s specifics', () => {
    expect(ruleTurns(rule, 'Customer: My March bill was charged twice, forty pounds each.\nAgent: What is the account number?')).toEqual([
      2,
    ]);
  });

  it('is satisfied by a turn that gives back enough specifics', () => {
    const text =
      'Customer: My March bill was charged twice, forty pounds each.\nAgent: So the March bill took forty pounds twice? Account number?';
    expect(ruleTurns(rule, text)).toEqual([]);
  });

  it('needs fewer specifics with an explicit check-back', () => {
    expect(ruleTurns(rule, 'Customer: My boiler stopped working today.\nAgent: Just to confirm, the boiler?')).toEqual([]);
    expect(ruleTurns(rule, 'Customer: My boiler stopped working today.\nAgent: The boiler?')).toEqual([2]);
  });

  it('lets a short acknowledgement pass and looks at the next turn', () => {
    const text =
      'Customer: My parcel never arrived, the lamp from Tuesday.\nAgent: Oh, I am so sorry.\nAgent: So the lamp ordered Tuesday never arrived? Let me look.';
    expect(ruleTurns(rule, text)).toEqual([]);
  });

  it('does not count specifics in excepted sentences', () => {
    const text =
      'Customer: My router stopped working after the update.\nAgent: Have you tried restarting the router after the update? Then call us.';
    expect(ruleTurns(rule, text)).toEqual([2]);
  });

  it('does not apply without a problem', () => {
    expect(ruleTurns(rule, 'Customer: I would like to book a table.\nAgent: What time?')).toEqual([]);
  });
});
