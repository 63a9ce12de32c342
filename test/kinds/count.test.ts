import { describe, expect, it } from 'vitest';
import { ruleTurns } from '../helpers.js';

const rule = `kind: count
match: ['(maybe|probably|i think)']
except: ['i think that is everything']
min: 2
unless: ['let me check']`;

describe('count kind', () => {
  it('fires on a turn with at least min matches', () => {
    expect(ruleTurns(rule, 'Agent: I think it is maybe Friday.\nAgent: Probably Friday.')).toEqual([1]);
  });

  it('does not count a match voided in its sentence', () => {
    expect(ruleTurns(rule, 'Agent: I think that is everything. Probably Friday.')).toEqual([]);
  });

  it('lets the whole turn off when it says an exemption', () => {
    expect(ruleTurns(rule, 'Agent: I think it is maybe Friday, let me check.')).toEqual([]);
  });
});
