import { describe, expect, it } from 'vitest';
import { assignRoles, parseRoleMap } from '../dist/transcript/assign-roles.js';
import { conversation } from './helpers.js';

const diarized = (lines: string[]) => conversation(lines.join('\n'));

describe('role inference', () => {
  it('finds the agent from a company greeting and verification, whoever speaks first', () => {
    const c = assignRoles(
      diarized([
        'spk_0: Hi, I am calling about my internet, it keeps dropping.',
        'spk_1: Thanks for calling Brightline, this is Omar. Can I have your account number?',
        'spk_0: Sure, it is 55 12 90.',
      ]),
    );
    expect(c.speakers).toEqual([
      { label: 'spk_0', role: 'customer' },
      { label: 'spk_1', role: 'agent' },
    ]);
    expect(c.roles).toMatchObject({ source: 'inferred', reason: expect.stringContaining('spk_1 is the agent') });
    expect(c.roles!.confidence).toBeGreaterThan(0.6);
  });

  it('stays undecided, and says why, when nothing separates the speakers', () => {
    const c = assignRoles(diarized(['A: The weather was lovely.', 'B: It was, yes.', 'A: Shall we go?']));
    expect(c.roles).toMatchObject({ source: 'undecided', confidence: 0, reason: expect.stringContaining('--roles') });
    expect(c.turns.every((t) => t.role === 'unknown')).toBe(true);
  });

  it('lets given roles win over labels and inference', () => {
    const c = assignRoles(
      diarized(['Agent: How can I help?', 'spk_9: My bill is wrong.']),
      new Map([
        ['agent', 'customer'],
        ['spk_9', 'agent'],
      ]),
    );
    expect(c.turns.map((t) => t.role)).toEqual(['customer', 'agent']);
    expect(c.roles?.source).toBe('given');
  });

  it('makes a third voice a third party once the agent and customer are known', () => {
    const c = assignRoles(
      diarized(['Agent: Thanks for calling, how can I help?', 'Customer: My order is missing.', 'Zed: Warehouse, Zed speaking.']),
    );
    expect(c.speakers.find((s) => s.label === 'Zed')?.role).toBe('other');
  });
});

describe('--roles', () => {
  it('parses label=role pairs, case-insensitively', () => {
    expect([...parseRoleMap('spk_0=agent, SPK_1=Customer')]).toEqual([
      ['spk_0', 'agent'],
      ['spk_1', 'customer'],
    ]);
  });

  it('explains what it expected', () => {
    expect(() => parseRoleMap('spk_0=boss')).toThrow(/expected LABEL=agent\|customer\|other/);
  });
});
