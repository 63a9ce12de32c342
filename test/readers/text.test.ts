import { describe, expect, it } from 'vitest';
import { isTimed } from '../../dist/transcript/model.js';
import { readTranscript } from '../../dist/transcript/read.js';
import { conversation } from '../helpers.js';

const read = (text: string) => readTranscript({ path: 'call.txt', text });

describe('plain-text reader', () => {
  it('reads front matter, declared roles and turns with their source lines', () => {
    const c = conversation(
      [
        '---',
        'id: call-7',
        'agent: Sam',
        'roles: {Sam: agent, Jo: customer, Lee: other}',
        '---',
        'Sam: Hello, Sam here.',
        'Jo: Hi Sam.',
        'Lee: Billing, Lee speaking.',
      ].join('\n'),
    );
    expect(c.id).toBe('call-7');
    expect(c.metadata.agent).toBe('Sam');
    expect(c.speakers).toEqual([
      { label: 'Sam', role: 'agent' },
      { label: 'Jo', role: 'customer' },
      { label: 'Lee', role: 'other' },
    ]);
    expect(c.turns.map((t) => [t.index, t.line, t.role])).toEqual([
      [1, 6, 'agent'],
      [2, 7, 'customer'],
      [3, 8, 'other'],
    ]);
  });

  it('parses [mm:ss], [hh:mm:ss(.mmm)] and [start-end] timestamps', () => {
    const c = conversation('[01:05] Agent: a\n[01:02:03.5] Customer: b\n[00:00:12.480-00:00:15.910] Agent: c');
    expect(c.turns.map((t) => [t.startMs, t.endMs])).toEqual([
      [65_000, undefined],
      [3_723_500, undefined],
      [12_480, 15_910],
    ]);
    expect(isTimed(c)).toBe(false);
    expect(isTimed(conversation('[00:01-00:03] Agent: a\n[00:02-00:05] Customer: b'))).toBe(true);
  });

  it('joins continuation lines to the previous turn and skips blank lines', () => {
    const c = conversation('Agent: first line\ncontinues here\n\nCustomer: ok');
    expect(c.turns.map((t) => t.text)).toEqual(['first line continues here', 'ok']);
  });

  it('recognizes the usual labels for each side, case-insensitively', () => {
    const c = conversation('REP: hi\ncaller: hello\nAdvisor: yes\nClient: thanks');
    expect(c.turns.map((t) => t.role)).toEqual(['agent', 'customer', 'agent', 'customer']);
  });

  it('takes the file name as id when front matter has none', () => {
    expect(readTranscript({ path: 'dir/refund-42.txt', text: 'Agent: hi' }).conversation?.id).toBe('refund-42');
  });

  it('reports a malformed timestamp with line and column', () => {
    expect(read('[00:00] Agent: hi\n[00:7x] Customer: late').error).toMatchObject({
      line: 2,
      column: 2,
      message: expect.stringContaining('malformed timestamp [00:7x]'),
    });
  });

  it('reports a timestamp range that ends before it starts', () => {
    expect(read('[00:00:05-00:00:02] Agent: hi').error?.message).toContain('ends before it starts');
  });

  it('reports unclosed and invalid front matter', () => {
    expect(read('---\nid: x\nAgent: hi').error).toMatchObject({ line: 1, message: expect.stringContaining('never closed') });
    expect(read('---\nid: [unclosed\n---\nAgent: hi').error).toMatchObject({
      line: 2,
      message: expect.stringContaining('invalid YAML front matter'),
    });
  });

  it('rejects a role that is not agent, customer or other', () => {
    expect(read('---\nroles: {Sam: boss}\n---\nSam: hi').error).toMatchObject({
      line: 2,
      message: expect.stringContaining('expected agent, customer or other'),
    });
  });

  it('rejects text before the first turn and text without turns, and reads a blank one as empty', () => {
    expect(read('just a note\nAgent: hi').error).toMatchObject({ line: 1, column: 1 });
    expect(read('---\nid: x\n---\njust a note\n').error?.message).toContain("expected a turn such as 'Agent: Hello'");
    expect(read('---\nid: x\n---\n\n').conversation?.turns).toEqual([]);
    expect(read('').conversation?.turns).toEqual([]);
  });
});
