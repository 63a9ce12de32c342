import type { BatchSummary, GateResult } from '../results/summary.js';
import { SEVERITIES, type Severity, severityRank } from '../rules/types.js';

export type { GateResult } from '../results/summary.js';

/** The process exit codes: a clean run, findings a gate counts, and a run that could not do its job. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** A count, or a share of the conversations written `"10%"`. */
export type Limit = number | `${number}%`;

/** What makes a run fail. Unset limits do not apply. */
export interface Gates {
  /** The lowest severity of finding that fails the run. */
  failOn: Severity;
  /** More warnings than this fail the run. */
  maxWarnings?: number;
  /** A conversation scoring below this (0–100) fails the run (conversations without a score do not count). */
  failUnder?: number;
  /** More unjudged conversations (roles undecided, too short, empty, nothing to judge) than this fail the run. */
  maxUnjudged?: Limit;
}

export const DEFAULT_GATES: Gates = { failOn: 'error' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `3` or `10%` (0–100), as --max-unjudged and the config's `gates.maxUnjudged` take it. */
export function parseLimit(text: string): Limit {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) throw new Error(`expected a count such as 3 or a share such as 10%, not '${text}'`);
  const n = Number(m[1]);
  if (m[2]) {
    if (n > 100) throw new Error(`a share cannot be more than 100%, not '${text}'`);
    return `${n}%`;
  }
  if (!Number.isInteger(n)) throw new Error(`a count is a whole number, not '${text}'`);
  return n;
}

/** What is impossible about these gates (a score above 100, a negative count…); empty when they can all be met. */
export function gateProblems(gates: Partial<Gates>): string[] {
  const problems: string[] = [];
  if (gates.failOn !== undefined && !SEVERITIES.includes(gates.failOn))
    problems.push(`failOn must be one of ${SEVERITIES.join(', ')}, not '${gates.failOn}'`);
  if (gates.maxWarnings !== undefined && !(Number.isInteger(gates.maxWarnings) && gates.maxWarnings >= 0))
    problems.push(`maxWarnings must be a whole number ≥ 0, not ${gates.maxWarnings}`);
  if (gates.failUnder !== undefined && !(typeof gates.failUnder === 'number' && gates.failUnder >= 0 && gates.failUnder <= 100))
    problems.push(`failUnder must be a score from 0 to 100, not ${gates.failUnder}`);
  if (gates.maxUnjudged !== undefined) {
    try {
      parseLimit(String(gates.maxUnjudged));
    } catch (err) {
      problems.push(`maxUnjudged: ${(err as Error).message}`);
    }
  }
  return problems;
}

/** Each gate that is set, with the figure the summary gives it and a line saying why it tripped or held. */
export function evaluateGates(summary: BatchSummary, gates: Gates): GateResult[] {
  const threshold = severityRank(gates.failOn);
  const failing = SEVERITIES.filter((s) => severityRank(s) >= threshold).reduce((n, s) => n + summary.bySeverity[s], 0);
  const results: GateResult[] = [
    {
      name: 'fail-on',
      limit: gates.failOn,
      actual: failing,
      tripped: failing > 0,
      message: `${failing === 0 ? 'no' : failing} finding${failing === 1 ? '' : 's'} at or above ${gates.failOn}`,
    },
  ];
  if (gates.maxWarnings !== undefined) {
    const warnings = summary.bySeverity.warning;
    const tripped = warnings > gates.maxWarnings;
    results.push({
      name: 'max-warnings',
      limit: gates.maxWarnings,
      actual: warnings,
      tripped,
      message: `${tripped ? `too many warnings: ${warnings}` : plural(warnings, 'warning')} (maximum: ${gates.maxWarnings})`,
    });
  }
  if (gates.failUnder !== undefined) {
    const min = summary.scores.min;
    const lowest = summary.lowest[0];
    const tripped = min !== null && min < gates.failUnder;
    results.push({
      name: 'fail-under',
      limit: gates.failUnder,
      actual: min ?? 0,
      tripped,
      message:
        min === null
          ? 'no conversation has a score'
          : `lowest score ${min}${lowest ? ` (${lowest.path})` : ''} is ${tripped ? 'below' : 'at or above'} ${gates.failUnder}`,
    });
  }
  if (gates.maxUnjudged !== undefined) results.push(unjudgedGate(summary, gates.maxUnjudged));
  return results;
}

function unjudgedGate(summary: BatchSummary, limit: Limit): GateResult {
  const { total, empty, tooShort, rolesUndecided, nothingToJudge } = summary.unjudged;
  const share = summary.conversations > 0 ? (total / summary.conversations) * 100 : 0;
  const tripped = typeof limit === 'number' ? total > limit : share > Number(limit.slice(0, -1));
  const why = [
    rolesUndecided && `${rolesUndecided} roles undecided`,
    tooShort && `${tooShort} too short`,
    empty && `${empty} empty`,
    nothingToJudge && `${nothingToJudge} with nothing to judge`,
  ].filter(Boolean);
  return {
    name: 'max-unjudged',
    limit,
    actual: total,
    tripped,
    message: `${tripped ? 'too many unjudged conversations: ' : ''}${total} of ${summary.conversations}${
      typeof limit === 'number' ? '' : ` (${Math.round(share * 10) / 10}%)`
    }${tripped ? '' : ' unjudged'}${why.length ? ` (${why.join(', ')})` : ''} (maximum: ${limit})`,
  };
}

/**
 * The exit code of a run and why, from its summary alone: 2 when an input could not be read or nothing
 * was checked, 1 when a gate tripped, else 0. Display filters never reach the summary, so they cannot hide anything.
 */
export function exitOf(summary: BatchSummary, gates: Gates = DEFAULT_GATES): { code: number; reason: string } {
  if (summary.files === 0) return { code: EXIT.error, reason: 'no inputs were checked' };
  if (summary.unreadable > 0) return { code: EXIT.error, reason: `${plural(summary.unreadable, 'input')} could not be read` };
  const tripped = evaluateGates(summary, gates).filter((g) => g.tripped);
  if (tripped.length > 0) return { code: EXIT.findings, reason: `tripped: ${tripped.map((g) => g.name).join(', ')}` };
  return { code: EXIT.ok, reason: 'no gate tripped' };
}

export function exitCode(summary: BatchSummary, gates: Gates = DEFAULT_GATES): number {
  return exitOf(summary, gates).code;
}

/** The summary with the gates' results and the exit decision written into it (for JSON and every report). */
export function withGates(summary: BatchSummary, gates: Gates): BatchSummary {
  return { ...summary, gates: evaluateGates(summary, gates), exit: exitOf(summary, gates) };
}
