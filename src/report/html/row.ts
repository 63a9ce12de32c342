import type { FileResult } from '../../results/model.js';

/** What the overview and the calls table need of one result: small, so 10,000 of them parse at once. */
export interface ReportRow {
  /** Position in the report, which names the full result's block (`cc-file-<i>`). */
  i: number;
  path: string;
  /** A record's line in its stream, when the path is a stream's. */
  line: number | null;
  id: string | null;
  agent: string | null;
  channel: string | null;
  durationMs: number | null;
  turns: number;
  score: number | null;
  /** Each step's status and score, in step order. */
  steps: { status: string; score: number | null }[];
  /** Findings by severity: error, warning, info. */
  severity: [number, number, number];
  /** Findings per rule. */
  rules: Record<string, number>;
  portrait: string | null;
  /** Why the conversation was not judged (empty, too short, roles undecided, nothing to judge), when it was not. */
  unjudged: string | null;
  error: string | null;
}

// The customer's portrait, which the result model is gaining; read when present.
type WithPortrait = FileResult & { portrait?: { name: string } | null };

export function rowOf(result: FileResult, i: number): ReportRow {
  const c = result.conversation;
  const severity: [number, number, number] = [0, 0, 0];
  const rules: Record<string, number> = {};
  for (const f of result.findings) {
    severity[f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2]++;
    rules[f.rule] = (rules[f.rule] ?? 0) + 1;
  }
  return {
    i,
    path: result.path,
    id: c?.id ?? null,
    agent: c?.agent ?? null,
    line: result.line ?? null,
    channel: c?.channel ?? null,
    durationMs: c?.durationMs ?? null,
    turns: c?.turns ?? 0,
    score: result.scorecard?.score ?? null,
    steps: result.scorecard?.steps.map((s) => ({ status: s.status, score: s.score })) ?? [],
    severity,
    rules,
    portrait: (result as WithPortrait).portrait?.name ?? null,
    unjudged: result.scorecard?.unjudged?.reason ?? null,
    error: result.errors[0]?.message ?? null,
  };
}
