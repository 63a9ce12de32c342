import { describe, expect, it } from 'vitest';
import { packFrom } from './helpers.js';

const pack = (rules: string, extra = '') => `pack: test\ndescription: d\nsource: s\n${extra}rules:\n${rules}`;
const rule = (fields: string) => `  - id: test/r\n    step: 3\n    severity: warning\n    message: m\n    tip: t\n${fields}`;
const problem = (text: string) => packFrom(text).problems[0];

describe('pack loading', () => {
  it('loads a valid pack', () => {
    const { rules, problems } = packFrom(pack(rule("    kind: phrase\n    match: ['hello']\n")));
    expect(problems).toEqual([]);
    expect(rules.map((r) => [r.id, r.step, r.severity])).toEqual([['test/r', 3, 'warning']]);
  });

  it('reports invalid YAML with line and column', () => {
    expect(problem('pack: test\nrules: [\n')).toMatchObject({ line: 3, message: expect.stringContaining('invalid YAML') });
  });

  it('reports an unknown kind, an unknown key and a step out of range where they are', () => {
    expect(problem(pack(rule('    kind: magic\n')))).toMatchObject({
      line: 10,
      column: 11,
      message: expect.stringContaining("unknown rule kind 'magic'"),
    });
    expect(problem(pack(rule("    kind: phrase\n    match: ['x']\n    colour: red\n")))).toMatchObject({
      line: 12,
      column: 5,
      message: "rules[0]: unknown key 'colour'",
    });
    expect(problem(pack(rule("    kind: phrase\n    match: ['x']\n").replace('step: 3', 'step: 9')))).toMatchObject({
      line: 6,
      column: 11,
      message: expect.stringContaining('rules[0].step'),
    });
  });

  it('reports a bad phrase pattern at its column', () => {
    expect(problem(pack(rule("    kind: phrase\n    match: ['ok', 'call (us|them']\n")))).toMatchObject({
      line: 11,
      column: 33,
      message: "bad phrase pattern: expected ')'",
    });
  });

  it('reports unknown and self-referencing phrase sets', () => {
    expect(problem(pack(rule("    kind: phrase\n    match: ['@nope']\n")))?.message).toContain("unknown phrase set '@nope'");
    expect(problem(pack(rule("    kind: phrase\n    match: ['@loop']\n"), "sets:\n  loop: ['@loop']\n"))?.message).toContain(
      'refers to itself',
    );
  });

  it('reports rule ids outside the pack and duplicates', () => {
    expect(problem(pack(rule("    kind: phrase\n    match: ['x']\n").replace('test/r', 'other/r')))?.message).toContain(
      'must start with its pack name',
    );
    const twice = rule("    kind: phrase\n    match: ['x']\n");
    expect(problem(pack(twice + twice))).toMatchObject({ line: 12, message: "duplicate rule id 'test/r'" });
  });

  it('requires the pack name to match the file name', () => {
    expect(problem(pack(rule("    kind: phrase\n    match: ['x']\n")).replace('pack: test', 'pack: other'))?.message).toContain(
      "must match its file name 'test'",
    );
  });
});
