import type { Finding, RuleOutcome } from '../rules/engine.js';
import type { Severity } from '../rules/types.js';
import { STEPS } from './steps.js';

// The whole scoring formula lives here (and in the README's "Scorecard" section).
/** Points a finding takes off its step's 100. Info findings are advice and cost nothing. */
const SEVERITY_COST: Readonly<Record<Severity, number>> = { error: 50, warning: 25, info: 0 };

/**
 * pass: the situation arose and the agent handled it; fail: a finding; n/a: the situation never arose;
 * not-observable: the transcript cannot show it (interruptions in untimed chat, talk share without times).
 */
type StepStatus = 'pass' | 'fail' | 'n/a' | 'not-observable';

export interface StepScore {
  step: number;
  title: string;
  status: StepStatus;
  /** 0–100, or null when the step was not observed (n/a or not observable). */
  score: number | null;
  findings: number;
  /** Why the step has its status, in a sentence: the evidence for a pass, the findings of a fail. */
  reason: string;
}

/** Why a conversation gets no score: nothing in it could be judged. */
export interface Unjudged {
  reason: 'empty' | 'too-short' | 'roles-undecided' | 'nothing-to-judge';
  detail: string;
}

export interface Scorecard {
  /** Weighted mean of the observed steps' scores, 0–100; null when the conversation is not judged. */
  score: number | null;
  /** How many steps the score rests on (those that pass or fail). */
  observed: number;
  judged: boolean;
  unjudged?: Unjudged;
  /** With a pass mark configured: whether the score reaches it (null when there is no score). */
  passed?: boolean | null;
  steps: StepScore[];
}

/** A team's own scoring (from the config): step weights other than 1, and a pass mark. */
export interface Scoring {
  weights?: Readonly<Record<number, number>>;
  passMark?: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const turns = (list: readonly number[]) =>
  list.length === 1 ? `turn ${list[0]}` : `turns ${list.slice(0, 4).join(', ')}${list.length > 4 ? '…' : ''}`;

/** A failing step's verdict from its findings, or undefined when none of them costs anything. */
function failed(findings: readonly Finding[]): Pick<StepScore, 'status' | 'score' | 'findings' | 'reason'> | undefined {
  const costly = findings.filter((f) => SEVERITY_COST[f.severity] > 0);
  if (costly.length === 0) return undefined;
  const cost = findings.reduce((sum, f) => sum + SEVERITY_COST[f.severity], 0);
  const first = costly[0]!;
  const more = costly.length > 1 ? ` (and ${plural(costly.length - 1, 'more finding')})` : '';
  return {
    status: 'fail',
    score: Math.max(0, 100 - cost),
    findings: findings.length,
    reason: `turn ${first.turn}: ${first.message}${more}`,
  };
}

function stepScore(step: number, title: string, mine: readonly RuleOutcome[]): StepScore {
  const findings: Finding[] = mine.flatMap((o) => o.findings);
  const fail = failed(findings);
  if (fail) return { step, title, ...fail };
  const applied = mine.filter((o) => o.applicable);
  if (applied.length > 0) {
    const evidence = applied
      .filter((o) => o.rule.handled)
      .map((o) => (o.handled.length > 0 ? `${o.rule.handled} (${turns(o.handled)})` : o.rule.handled!));
    const reason =
      evidence.length > 0 ? [...new Set(evidence)].join('; ') : `checked, nothing wrong (${applied.map((o) => o.rule.id).join(', ')})`;
    return { step, title, status: 'pass', score: 100, findings: findings.length, reason };
  }
  const unobservable = mine.find((o) => o.unobservable);
  if (unobservable) return { step, title, status: 'not-observable', score: null, findings: 0, reason: unobservable.unobservable! };
  const reason = mine.length > 0 ? 'nothing this step checks came up in the conversation' : 'no rule checks this step';
  return { step, title, status: 'n/a', score: null, findings: 0, reason };
}

/**
 * Each step from its rules' outcomes: fail on any warning or error (100 minus their cost), pass when
 * the situation arose and nothing was wrong, else n/a or not observable — those two are left out of the
 * score, never counted as zero. `unjudged` (an empty, one-sided or too-short conversation, or one whose
 * roles are undecided) gives no score.
 */
export function scorecard(outcomes: readonly RuleOutcome[], scoring: Scoring = {}, unjudged?: Unjudged): Scorecard {
  const steps = STEPS.map(({ step, title }) =>
    stepScore(
      step,
      title,
      outcomes.filter((o) => o.rule.step === step),
    ),
  );
  return overall(steps, scoring, unjudged);
}

/**
 * The same scorecard counting only `findings` (a subset of the ones it was made from: without
 * baselined or suppressed findings), so steps and score agree with what a run reports and gates on.
 * Steps that were not observed stay as they were.
 */
export function rescore(card: Scorecard, findings: readonly Finding[], scoring: Scoring = {}): Scorecard {
  const steps = card.steps.map((s): StepScore => {
    if (s.status !== 'pass' && s.status !== 'fail') return s;
    const mine = findings.filter((f) => f.step === s.step);
    const fail = failed(mine);
    if (fail) return { ...s, ...fail };
    if (s.status === 'pass') return { ...s, findings: mine.length };
    return { ...s, status: 'pass', score: 100, findings: mine.length, reason: 'nothing wrong besides baselined or suppressed findings' };
  });
  return overall(steps, scoring, card.unjudged);
}

function overall(steps: StepScore[], scoring: Scoring, unjudged: Unjudged | undefined): Scorecard {
  let weighted = 0;
  let weights = 0;
  let observed = 0;
  for (const s of steps) {
    if (s.score === null) continue;
    observed++;
    const weight = scoring.weights?.[s.step] ?? 1;
    weighted += weight * s.score;
    weights += weight;
  }
  const why = unjudged ?? (observed === 0 ? { reason: 'nothing-to-judge' as const, detail: 'nothing any step checks came up' } : undefined);
  const score = !why && weights > 0 ? Math.round(weighted / weights) : null;
  const card: Scorecard = { score, observed, judged: !why, ...(why && { unjudged: why }), steps };
  if (scoring.passMark === undefined) return card;
  return { ...card, passed: score === null ? null : score >= scoring.passMark };
}
