import { describe, expect, it } from 'vitest';
import { checkSource } from '../../dist/index.js';
import { bundledPackFiles } from '../../dist/rules/load.js';
import { prepare } from '../../dist/run/setup.js';
import { fromWire, toWire } from '../../dist/run/wire.js';

const { rules } = prepare({ packFiles: bundledPackFiles(), cwd: process.cwd() });
const CALL = `Agent: Thanks for calling, this is Sam.
Customer: My order never came and I am furious!
Agent: You need to call the shipping department, I can't help with that.
Customer: Are you serious?
Agent: That is our policy.
`;

describe('results across the worker boundary', () => {
  it('come back as they went, every key in its place, each shared string sent once', () => {
    const results = ['a.txt', 'b.txt'].flatMap((path) => checkSource({ path, text: CALL }, { rules }));
    const tip = results[0]!.findings[0]!.tip;
    expect(tip.length).toBeGreaterThan(0);
    const before = JSON.stringify(results);
    const wire = structuredClone(toWire(structuredClone(results)));
    expect(wire.strings.filter((s) => s === tip)).toHaveLength(1);
    expect(JSON.stringify(wire.outputs)).not.toContain(JSON.stringify(tip));
    expect(JSON.stringify(fromWire(wire))).toBe(before);
  });
});
