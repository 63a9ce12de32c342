import { describe, expect, it } from 'vitest';
import type { Finding, RuleOutcome } from '../dist/rules/engine.js';
import type { CompiledRule, Severity } from '../dist/rules/types.js';
import { scorecard } from '../dist/scorecard/score.js';

const rule = (step: number): CompiledRule => ({
  id: `p/r${step}`,
  pack: 'p',
  kind: 'phrase',
  step,
  severity: 'warning',
  message: 'm',
  tip: 't',
  check: () => ({ applicable: true, hits: [] }),
});
const finding = (step: number, severity: Severity): Finding => ({
  rule: `p/r${step}`,
  pack: 'p',
  step,
  severity,
  turn: 1,
  speaker: 'A',
  role: 'agent',
  startMs: null,
  line: 1,
  quote: '',
  message: '',
  tip: '',
});
const outcome = (step: number, applicable: boolean, ...severities: Severity[]): RuleOutcome => ({
  rule: rule(step),
  applicable,
  findings: severities.map((s) => finding(step, s)),
});

describe('scorecard', () => {
  it('lists all seven steps in order, n/a where no rule applied', () => {
    const card = scorecard([outcome(3, true)]);
    expect(card.steps.map((s) => [s.step, s.status])).toEqual([
      [1, 'n/a'],
      [2, 'n/a'],
      [3, 'pass'],
      [4, 'n/a'],
      [5, 'n/a'],
      [6, 'n/a'],
      [7, 'n/a'],
    ]);
    expect(card.score).toBe(100);
  });

  it('takes 50 points per error and 25 per warning off a step, never below zero', () => {
    const card = scorecard([outcome(1, true, 'error'), outcome(3, true, 'warning'), outcome(4, true, 'error', 'error', 'warning')]);
    expect(card.steps.filter((s) => s.status !== 'n/a').map((s) => [s.step, s.status, s.score, s.findings])).toEqual([
      [1, 'fail', 50, 1],
      [3, 'fail', 75, 1],
      [4, 'fail', 0, 3],
    ]);
    // Mean of the applicable steps only: (50 + 75 + 0) / 3.
    expect(card.score).toBe(42);
  });

  it('never counts n/a as zero, and info findings do not fail a step', () => {
    expect(scorecard([outcome(5, true, 'info'), outcome(6, false)]).steps[4]).toMatchObject({ status: 'pass', score: 100, findings: 1 });
    expect(scorecard([outcome(5, true, 'info'), outcome(6, false)]).score).toBe(100);
  });

  it('has no overall score when no step applies', () => {
    expect(scorecard([outcome(2, false)]).score).toBeNull();
  });
});
