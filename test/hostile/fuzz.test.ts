import { describe, expect, it } from 'vitest';
import { fuzz } from './fuzz-harness.js';
import { invalidOutput } from './validators.js';

// CI runs a fixed seed (the same cases every time); `npm run fuzz` runs FUZZ_CASES (≥ 100,000) from FUZZ_SEED.
const CASES = Number(process.env.FUZZ_CASES ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

describe('fuzzing every reader and output format', () => {
  it('has validators that reject what each format must not hold', () => {
    expect(invalidOutput('json', '{"a":')).toBeDefined();
    expect(invalidOutput('jsonl', '{}\n{')).toBeDefined();
    expect(invalidOutput('junit', '<a>\u0001</a>')).toBeDefined();
    expect(invalidOutput('junit', '<a><b></a>')).toBeDefined();
    expect(invalidOutput('sarif', '{"version":"2.1.0"}')).toBeDefined();
    expect(invalidOutput('csv', 'a,b\r\n=1+1,2\r\n')).toBeDefined();
    expect(invalidOutput('stylish', 'x \u001b]0;title\u0007')).toBeDefined();
    expect(invalidOutput('markdown', 'x\u202ey')).toBeDefined();
  });

  it(`${CASES} inputs: no exception, no hang, every output valid in its format`, () => {
    const figures = fuzz(CASES, SEED);
    if (process.env.FUZZ_CASES) console.log(JSON.stringify({ seed: SEED, ...figures }, null, 2));
    expect(figures.failures).toEqual([]);
    expect(figures.cases).toBe(CASES);
  }, 3_600_000);
});
