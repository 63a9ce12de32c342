import { checkSource } from './pipeline.js';
import type { Finding } from '../rules/engine.js';
import type { CompiledRule, RuleExample } from '../rules/types.js';

export interface CaseResult {
  rule: CompiledRule;
  /** 1-based position among the rule's tests. */
  index: number;
  example: RuleExample;
  status: 'pass' | 'fail' | 'todo' | 'todo-passes';
  missed: { rule: string; turn: number }[];
  unexpected: Finding[];
  /** The case names a portrait and the check decided another (null: none). */
  portrait?: { expected: string | null; actual: string | null };
  /** The case names a status for the rule's step and the scorecard gave another. */
  stepStatus?: { expected: string; actual: string };
  /** The transcript could not be read. */
  error?: string;
}

/**
 * Runs every `tests:` case of the given rules through the whole pipeline (with `context` as the
 * other rules present) and compares, turn by turn, the findings of the rules each case names, and the
 * customer portrait and the rule's step status when the case names them.
 */
export function runRuleTests(rules: readonly CompiledRule[], context: readonly CompiledRule[] = rules): CaseResult[] {
  const out: CaseResult[] = [];
  for (const rule of rules) {
    rule.tests.forEach((example, i) => {
      // No extension: the format is the one named, else found from the content (plain text by default).
      const [result] = checkSource(
        { path: `${rule.id}#${i + 1}`, text: example.transcript },
        { rules: context, ...(example.format && { format: example.format }) },
      );
      const expected = example.findings.map((f) => ({ rule: f.rule ?? rule.id, turn: f.turn }));
      const watched = new Set([rule.id, ...expected.map((e) => e.rule)]);
      const actual = (result?.findings ?? []).filter((f) => watched.has(f.rule));
      const missed = expected.filter((e) => !actual.some((f) => f.rule === e.rule && f.turn === e.turn));
      const unexpected = actual.filter((f) => !expected.some((e) => e.rule === f.rule && e.turn === f.turn));
      const error = result?.errors[0]
        ? `${result.errors[0].message}${result.errors[0].line ? ` (line ${result.errors[0].line})` : ''}`
        : undefined;
      const actualPortrait = result?.portrait ?? null;
      const portrait =
        example.portrait !== undefined && example.portrait !== actualPortrait
          ? { expected: example.portrait, actual: actualPortrait }
          : undefined;
      const stepNow = result?.scorecard?.steps.find((st) => st.step === rule.step)?.status ?? 'n/a';
      const stepStatus =
        example.stepStatus !== undefined && example.stepStatus !== stepNow ? { expected: example.stepStatus, actual: stepNow } : undefined;
      const ok = !error && missed.length === 0 && unexpected.length === 0 && !portrait && !stepStatus;
      const status = example.todo ? (ok ? 'todo-passes' : 'todo') : ok ? 'pass' : 'fail';
      out.push({
        rule,
        index: i + 1,
        example,
        status,
        missed,
        unexpected,
        ...(portrait && { portrait }),
        ...(stepStatus && { stepStatus }),
        ...(error && { error }),
      });
    });
  }
  return out;
}
