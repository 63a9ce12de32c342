import { describe, expect, it } from 'vitest';
import { CORES, INLINE_BELOW, jobsFor } from '../../dist/run/jobs.js';

const inline = { workers: 0 };

describe('the job count', () => {
  it('checks a small batch on the main thread alone unless told otherwise', () => {
    expect(jobsFor(undefined, 1)).toEqual(inline);
    expect(jobsFor(undefined, INLINE_BELOW - 1)).toEqual(inline);
  });

  it('shares a large batch or a stream between the main thread and a worker per other core', () => {
    const shared = CORES === 1 ? inline : { workers: CORES - 1 };
    expect(jobsFor(undefined, INLINE_BELOW)).toEqual(shared);
    // A stream starts its workers once it has shown itself longer than a small batch.
    expect(jobsFor(undefined, undefined)).toEqual(CORES === 1 ? inline : { ...shared, before: INLINE_BELOW });
  });

  it('checks on as many threads as asked for, this one among them, but on this one alone when there are no more inputs than that', () => {
    expect(jobsFor(2, 3)).toEqual({ workers: 1 });
    expect(jobsFor(3, undefined)).toEqual({ workers: 2 });
    expect(jobsFor(4, 4)).toEqual(inline);
    expect(jobsFor(1, undefined)).toEqual(inline);
  });
});
