import type { Severity } from '../rules/types.js';
import { STEPS } from '../scorecard/steps.js';
import { comparePaths, type FileResult, type FixedFinding } from './model.js';

/** What a batch amounts to: built one file at a time, so a run never needs all results at once. */
export interface BatchSummary {
  files: number;
  conversations: number;
  findings: number;
  /** Findings turned off by suppressions (with reasons, in each file's `suppressed`): not counted anywhere else. */
  suppressed: number;
  /** Files (or records) that could not be read: not findings, and always exit code 2. */
  unreadable: number;
  bySeverity: Record<Severity, number>;
  scores: { mean: number | null; min: number | null; distribution: { from: number; to: number; count: number }[] };
  topRules: { rule: string; count: number }[];
  /** Conversations without a score: empty, too short, roles undecided, nothing to judge. */
  unjudged: { total: number; empty: number; tooShort: number; rolesUndecided: number; nothingToJudge: number };
  lowest: Lowest[];
  byAgent?: AgentSummary[];
  /** With --baseline: how many findings it already knew (hidden), and the ones that went away. */
  baseline?: { known: number; fixed: FixedFinding[] };
  /** Files a directory walk found that are not transcripts (left out, with why): not errors. */
  skipped?: { path: string; reason: string }[];
  /** Each gate that was set, with its figure; added by the run that applies them. */
  gates?: GateResult[];
  /** The exit code and why. */
  exit?: { code: number; reason: string };
}

/** One exit-code gate, evaluated: its limit, the figure it was compared with, and whether it tripped. */
export interface GateResult {
  name: 'fail-on' | 'max-warnings' | 'fail-under' | 'max-unjudged';
  limit: number | string;
  /** fail-on: findings at or above the severity; max-warnings: warnings; fail-under: the lowest score; max-unjudged: unjudged conversations. */
  actual: number;
  tripped: boolean;
  /** One line saying what the gate found, e.g. "too many warnings: 3 (maximum: 0)". */
  message: string;
}

/** A conversation among the lowest scores, with where to find it. */
export interface Lowest {
  path: string;
  line?: number;
  id: string;
  score: number;
}

export interface AgentSummary {
  agent: string;
  conversations: number;
  meanScore: number | null;
  /** Mean score of each step over the conversations where it applied (null when it never did). */
  meanByStep: Record<number, number | null>;
  topFindings: { rule: string; count: number }[];
}

const TOP = 10;
const UNJUDGED_KEY = {
  empty: 'empty',
  'too-short': 'tooShort',
  'roles-undecided': 'rolesUndecided',
  'nothing-to-judge': 'nothingToJudge',
} as const;
const LOWEST = 5;
const byScore = (a: Lowest, b: Lowest) => a.score - b.score || comparePaths(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0);
const BANDS = [
  [0, 49],
  [50, 59],
  [60, 69],
  [70, 79],
  [80, 89],
  [90, 99],
  [100, 100],
] as const;

const round1 = (n: number) => Math.round(n * 10) / 10;
const byCount = (counts: Map<string, number>, n: number) =>
  [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, n)
    .map(([rule, count]) => ({ rule, count }));

interface AgentTotals {
  conversations: number;
  scored: number;
  scoreSum: number;
  steps: Map<number, { sum: number; n: number }>;
  rules: Map<string, number>;
}

export class SummaryBuilder {
  private files = 0;
  private conversations = 0;
  private findings = 0;
  private suppressed = 0;
  private unreadable = 0;
  private readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private scoreSum = 0;
  private scored = 0;
  private min: number | null = null;
  private readonly bands = BANDS.map(() => 0);
  private readonly rules = new Map<string, number>();
  private readonly lowest: Lowest[] = [];
  private readonly unjudged = { total: 0, empty: 0, tooShort: 0, rolesUndecided: 0, nothingToJudge: 0 };
  private readonly agents = new Map<string, AgentTotals>();

  /** `groupByAgent` adds the per-agent table; conversations without a known agent count as "(unknown)". */
  constructor(private readonly groupByAgent = false) {}

  add(file: FileResult): void {
    this.files++;
    this.unreadable += file.errors.length;
    if (!file.conversation) return;
    this.conversations++;
    this.findings += file.findings.length;
    this.suppressed += file.suppressed?.length ?? 0;
    for (const f of file.findings) {
      this.bySeverity[f.severity]++;
      this.rules.set(f.rule, (this.rules.get(f.rule) ?? 0) + 1);
    }
    const why = file.scorecard?.unjudged?.reason;
    if (why) {
      this.unjudged.total++;
      this.unjudged[UNJUDGED_KEY[why]]++;
    }
    const score = file.scorecard?.score ?? null;
    if (score !== null) {
      this.scoreSum += score;
      this.scored++;
      if (this.min === null || score < this.min) this.min = score;
      this.bands[BANDS.findIndex(([from, to]) => score >= from && score <= to)]!++;
      this.keepIfLowest({ path: file.path, ...(file.line !== undefined && { line: file.line }), id: file.conversation.id, score });
    }
    if (this.groupByAgent) this.addToAgent(file, score);
  }

  /**
   * Inserted in order, after any equal, when it is among the lowest so far: most conversations are not,
   * and sorting the list for each compared paths with the collator (a microsecond each) thousands of times.
   */
  private keepIfLowest(entry: Lowest): void {
    const { lowest } = this;
    if (lowest.length === LOWEST && byScore(entry, lowest[LOWEST - 1]!) >= 0) return;
    let at = lowest.length;
    while (at > 0 && byScore(entry, lowest[at - 1]!) < 0) at--;
    lowest.splice(at, 0, entry);
    if (lowest.length > LOWEST) lowest.pop();
  }

  private addToAgent(file: FileResult, score: number | null): void {
    const name = file.conversation!.agent ?? '(unknown)';
    let totals = this.agents.get(name);
    if (!totals) this.agents.set(name, (totals = { conversations: 0, scored: 0, scoreSum: 0, steps: new Map(), rules: new Map() }));
    totals.conversations++;
    if (score !== null) {
      totals.scored++;
      totals.scoreSum += score;
    }
    for (const step of file.scorecard?.steps ?? []) {
      if (step.score === null) continue;
      const s = totals.steps.get(step.step) ?? { sum: 0, n: 0 };
      totals.steps.set(step.step, { sum: s.sum + step.score, n: s.n + 1 });
    }
    for (const f of file.findings) totals.rules.set(f.rule, (totals.rules.get(f.rule) ?? 0) + 1);
  }

  build(): BatchSummary {
    const summary: BatchSummary = {
      files: this.files,
      conversations: this.conversations,
      findings: this.findings,
      suppressed: this.suppressed,
      unreadable: this.unreadable,
      bySeverity: { ...this.bySeverity },
      scores: {
        mean: this.scored ? round1(this.scoreSum / this.scored) : null,
        min: this.min,
        distribution: BANDS.map(([from, to], i) => ({ from, to, count: this.bands[i]! })),
      },
      topRules: byCount(this.rules, TOP),
      unjudged: { ...this.unjudged },
      lowest: [...this.lowest],
    };
    if (this.groupByAgent) {
      summary.byAgent = [...this.agents]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([agent, t]) => ({
          agent,
          conversations: t.conversations,
          meanScore: t.scored ? round1(t.scoreSum / t.scored) : null,
          meanByStep: Object.fromEntries(
            STEPS.map(({ step }) => [step, t.steps.has(step) ? round1(t.steps.get(step)!.sum / t.steps.get(step)!.n) : null]),
          ),
          topFindings: byCount(t.rules, 3),
        }));
    }
    return summary;
  }
}
