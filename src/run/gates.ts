import type { BatchSummary } from '../results/summary.js';
import { SEVERITIES, type Severity, severityRank } from '../rules/types.js';

/** The process exit codes: a clean run, findings a gate counts, and a run that could not do its job. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** What makes a run fail. Unset limits do not apply. */
export interface Gates {
  /** The lowest severity of finding that fails the run. */
  failOn: Severity;
  /** More warnings than this fail the run. */
  maxWarnings?: number;
  /** A conversation scoring below this fails the run (conversations without a score do not count). */
  failUnder?: number;
}

export const DEFAULT_GATES: Gates = { failOn: 'error' };

export interface GateResult {
  name: 'fail-on' | 'max-warnings' | 'fail-under';
  limit: number | string;
  /** fail-on: the findings at or above the severity; max-warnings: the warnings; fail-under: the lowest score. */
  actual: number;
  tripped: boolean;
}

/** Each gate that is set, with the figure the summary gives it. */
export function evaluateGates(summary: BatchSummary, gates: Gates): GateResult[] {
  const threshold = severityRank(gates.failOn);
  const failing = SEVERITIES.filter((s) => severityRank(s) >= threshold).reduce((n, s) => n + summary.bySeverity[s], 0);
  const results: GateResult[] = [{ name: 'fail-on', limit: gates.failOn, actual: failing, tripped: failing > 0 }];
  if (gates.maxWarnings !== undefined) {
    results.push({
      name: 'max-warnings',
      limit: gates.maxWarnings,
      actual: summary.bySeverity.warning,
      tripped: summary.bySeverity.warning > gates.maxWarnings,
    });
  }
  if (gates.failUnder !== undefined && summary.scores.min !== null) {
    results.push({ name: 'fail-under', limit: gates.failUnder, actual: summary.scores.min, tripped: summary.scores.min < gates.failUnder });
  }
  return results;
}

/**
 * The exit code of a run, from its summary alone: 2 when an input could not be read or nothing was
 * checked, 1 when a gate tripped, else 0. Display filters never reach the summary, so they cannot hide anything.
 */
export function exitCode(summary: BatchSummary, gates: Gates = DEFAULT_GATES): number {
  if (summary.errors > 0 || summary.files === 0) return EXIT.error;
  return evaluateGates(summary, gates).some((g) => g.tripped) ? EXIT.findings : EXIT.ok;
}
