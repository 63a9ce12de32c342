import type { Finding, RuleOutcome } from '../rules/engine.js';
import type { Severity } from '../rules/types.js';
import { STEPS } from './steps.js';

// The whole scoring formula lives here (and in the README's "Scorecard" section).
/** Points a finding takes off its step's 100. Info findings are advice and cost nothing. */
const SEVERITY_COST: Readonly<Record<Severity, number>> = { error: 50, warning: 25, info: 0 };
/** Weight of each step in the overall score; equal by default. */
const STEP_WEIGHTS: Readonly<Record<number, number>> = { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1 };

type StepStatus = 'pass' | 'fail' | 'n/a';

export interface StepScore {
  step: number;
  title: string;
  status: StepStatus;
  /** 0–100, or null when the step is n/a. */
  score: number | null;
  findings: number;
}

export interface Scorecard {
  /** Weighted mean of the applicable steps' scores, 0–100; null when no step applies. */
  score: number | null;
  /** With a pass mark configured: whether the score reaches it (null when there is no score). */
  passed?: boolean | null;
  steps: StepScore[];
}

/** A team's own scoring (from the config): step weights other than 1, and a pass mark. */
export interface Scoring {
  weights?: Readonly<Record<number, number>>;
  passMark?: number;
}

/**
 * A step is n/a when none of its rules found anything to judge (no transfer happened, no rule covers
 * it yet); otherwise it scores 100 minus the cost of its findings, and fails on any warning or error.
 * n/a steps are left out of the mean, never counted as zero.
 */
export function scorecard(outcomes: readonly RuleOutcome[], scoring: Scoring = {}): Scorecard {
  const steps = STEPS.map(({ step, title }): StepScore => {
    const mine = outcomes.filter((o) => o.rule.step === step);
    if (!mine.some((o) => o.applicable)) return { step, title, status: 'n/a', score: null, findings: 0 };
    return { step, title, ...stepVerdict(mine.flatMap((o) => o.findings)) };
  });
  return overall(steps, scoring);
}

/**
 * The same scorecard counting only `findings` (a subset of the ones it was made from, e.g. without
 * baselined findings), so steps and score agree with what a run reports and gates on. n/a stays n/a.
 */
export function rescore(card: Scorecard, findings: readonly Finding[], scoring: Scoring = {}): Scorecard {
  const steps = card.steps.map((s) =>
    s.status === 'pass' || s.status === 'fail' ? { ...s, ...stepVerdict(findings.filter((f) => f.step === s.step)) } : s,
  );
  return overall(steps, scoring);
}

function stepVerdict(findings: readonly Finding[]): Pick<StepScore, 'status' | 'score' | 'findings'> {
  const cost = findings.reduce((sum, f) => sum + SEVERITY_COST[f.severity], 0);
  const failed = findings.some((f) => SEVERITY_COST[f.severity] > 0);
  return { status: failed ? 'fail' : 'pass', score: Math.max(0, 100 - cost), findings: findings.length };
}

function overall(steps: StepScore[], scoring: Scoring): Scorecard {
  let weighted = 0;
  let weights = 0;
  for (const s of steps) {
    if (s.score === null) continue;
    const weight = scoring.weights?.[s.step] ?? STEP_WEIGHTS[s.step]!;
    weighted += weight * s.score;
    weights += weight;
  }
  const score = weights > 0 ? Math.round(weighted / weights) : null;
  if (scoring.passMark === undefined) return { score, steps };
  return { score, passed: score === null ? null : score >= scoring.passMark, steps };
}
