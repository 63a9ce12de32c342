import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePaths, type FileResult } from '../../dist/results/model.js';
import { SummaryBuilder } from '../../dist/results/summary.js';

/** Just what the summary reads of a checked conversation with a score. */
function scored(path: string, score: number, line?: number): FileResult {
  return {
    path,
    ...(line !== undefined && { line }),
    format: 'text',
    conversation: { id: `${path}:${line ?? ''}`, agent: null, channel: 'voice', turns: 2, durationMs: null, speakers: [], roles: {} },
    metrics: null,
    portrait: null,
    portraitEvidence: null,
    findings: [],
    scorecard: { score, steps: [] },
    notices: [],
    errors: [],
  } as unknown as FileResult;
}

describe('the lowest scores of a batch', () => {
  // The list is kept by insertion, not by sorting everything seen: it must be what sorting would give.
  it('are the five a full sort gives, ties by path (numbers in order) and line, in any arrival order', () => {
    const item = fc.record({
      path: fc.constantFrom('a/call-2.txt', 'a/call-10.txt', 'b.txt', 'B.txt', '-'),
      score: fc.integer({ min: 0, max: 4 }).map((n) => n * 25),
      line: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const summary = new SummaryBuilder();
        for (const i of items) summary.add(scored(i.path, i.score, i.line));
        const expected = [...items]
          .sort((a, b) => a.score - b.score || comparePaths(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0))
          .slice(0, 5)
          .map((i) => [i.path, i.score, i.line]);
        expect(summary.build().lowest.map((l) => [l.path, l.score, l.line])).toEqual(expected);
      }),
      { numRuns: 1000, seed: 5 },
    );
  });

  it('given by one build are not changed by conversations added after it', () => {
    const summary = new SummaryBuilder();
    summary.add(scored('a.txt', 50));
    const before = summary.build();
    summary.add(scored('b.txt', 10));
    expect(before.lowest.map((l) => l.path)).toEqual(['a.txt']);
    expect(summary.build().lowest.map((l) => l.path)).toEqual(['b.txt', 'a.txt']);
  });
});
