import { describe, expect, it } from 'vitest';
import { CORES, INLINE_BELOW, jobsFor } from '../../dist/run/jobs.js';

describe('the job count', () => {
  it('checks a small batch on the main thread unless told otherwise', () => {
    expect(jobsFor(undefined, 1)).toBe(1);
    expect(jobsFor(undefined, INLINE_BELOW - 1)).toBe(1);
    expect(jobsFor(undefined, INLINE_BELOW)).toBe(CORES);
  });

  it('gives a stream, whose length is unknown, one worker per core', () => {
    expect(jobsFor(undefined, undefined)).toBe(CORES);
  });

  it('uses the number asked for, but starts no more workers than there are inputs to share', () => {
    expect(jobsFor(2, 3)).toBe(2);
    expect(jobsFor(2, 10)).toBe(2);
    expect(jobsFor(4, 4)).toBe(1);
    expect(jobsFor(1, undefined)).toBe(1);
    expect(jobsFor(3, undefined)).toBe(3);
  });
});
