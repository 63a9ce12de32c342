import type { MetricsSummary } from './metrics/summary.js';
import type { Finding } from './rules/engine.js';
import type { Scorecard } from './scorecard/score.js';
import type { LocatedError } from './transcript/errors.js';
import type { RoleAssignment, Speaker } from './transcript/model.js';
import { type BatchSummary, SummaryBuilder } from './summary.js';
import { VERSION } from './version.js';

/** The one result model every output format is a pure function of. */
export interface FileResult {
  path: string;
  format: string | null;
  conversation: {
    id: string;
    /** From the transcript's metadata (`agent:`), or --agent-from-path; null when unknown. */
    agent: string | null;
    turns: number;
    durationMs: number | null;
    speakers: Speaker[];
    roles: RoleAssignment;
  } | null;
  metrics: MetricsSummary | null;
  findings: Finding[];
  scorecard: Scorecard | null;
  /** Things the reader of the report should know, e.g. that roles could not be decided. */
  notices: string[];
  errors: LocatedError[];
}

/** The result for a file that could not be read. */
export function failedFile(path: string, error: LocatedError): FileResult {
  return { path, format: null, conversation: null, metrics: null, findings: [], scorecard: null, notices: [], errors: [error] };
}

export interface Results {
  tool: { name: 'callcoach'; version: string };
  schemaVersion: 1;
  files: FileResult[];
  summary: BatchSummary;
}

export const TOOL = { name: 'callcoach', version: VERSION } as const;

// Natural order ("call-2" before "call-10", "calls.jsonl:9" before "calls.jsonl:10"), with a fixed locale so every machine agrees.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

export function comparePaths(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** All results in one object (sorted by path), for embedding and for `merge`; the CLI streams instead. */
export function collectResults(files: readonly FileResult[], options: { groupByAgent?: boolean } = {}): Results {
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));
  const summary = new SummaryBuilder(options.groupByAgent);
  for (const f of sorted) summary.add(f);
  return { tool: { ...TOOL }, schemaVersion: 1, files: sorted, summary: summary.build() };
}
