import { describe, expect, it } from 'vitest';
import { findings } from '../helpers.js';
import { ruleTurns } from '../helpers.js';

const rule = `kind: terms
terms:
  - {term: [RMA, return authorization number], plain: a return label}
  - {term: [escalation queue], plain: the team that fixes it}
acronyms: {allow: [OK, TV]}
explainers: ['(that is|which means|meaning)']
introducers: ['(called|known as)']`;

describe('terms kind', () => {
  it('flags listed terms by stem and unlisted acronyms, one finding per turn', () => {
    expect(ruleTurns(rule, 'Agent: I put it in the escalation queues and raised an RMA.\nAgent: The ABX team has it.')).toEqual([1, 2]);
  });

  it('matches listed acronyms only in capitals', () => {
    expect(ruleTurns(rule, 'Agent: the rma is ready')).toEqual([]);
  });

  it('allows everyday acronyms, codes, quoted labels and shouting', () => {
    expect(ruleTurns(rule, 'Agent: OK, your TV is fine.')).toEqual([]);
    expect(ruleTurns(rule, 'Agent: Your booking is LH-88213-Q.')).toEqual([]);
    expect(ruleTurns(rule, 'Agent: Do you see a charge from "QXT Media"?')).toEqual([]);
    expect(ruleTurns(rule, 'Agent: PLEASE HOLD THE LINE FOR A MOMENT')).toEqual([]);
  });

  it('accepts a term the customer used first (mirroring)', () => {
    expect(ruleTurns(rule, 'Customer: Do I need an RMA?\nAgent: Yes, I have made the RMA.')).toEqual([]);
    expect(ruleTurns(rule, 'Customer: the abx light is red\nAgent: The ABX light means no signal.')).toEqual([]);
  });

  // The customer's words are taken in only when an agent's turn has a term to check: every earlier turn counts, no later one.
  it('counts the customer turns before the term, however many agent turns came between, and none after', () => {
    const said = "Customer: my DLCs are gone\nAgent: Let me look.\nCustomer: Okay.\nAgent: Still looking.\nAgent: Your DLC's are back.";
    expect(ruleTurns(rule, said)).toEqual([]);
    expect(
      ruleTurns(rule, 'Agent: Let me look.\nAgent: Your DLC is back.\nCustomer: What is a DLC?\nAgent: The DLC is your add-on.'),
    ).toEqual([2]);
  });

  it('accepts a term explained in the same turn, and from then on', () => {
    expect(ruleTurns(rule, 'Agent: You need an RMA, that is a return label.\nAgent: The RMA is emailed.')).toEqual([]);
    expect(ruleTurns(rule, 'Agent: You need a return slip, called an RMA.')).toEqual([]);
    expect(ruleTurns(rule, 'Agent: You need an RMA (a return label).')).toEqual([]);
  });

  it('does not let a later explanation cancel the first use', () => {
    expect(ruleTurns(rule, 'Agent: You need an RMA.\nCustomer: A what?\nAgent: An RMA, that is a return label.')).toEqual([1]);
  });

  it('names the terms and their plain alternatives in the finding', () => {
    const [f] = findings('Agent: Your ONT needs reprovisioning.').filter((x) => x.pack === 'jargon');
    expect(f?.message).toContain('"ONT"');
    expect(f?.tip).toContain('the fibre box on your wall');
  });
});
