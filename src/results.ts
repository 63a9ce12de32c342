import type { MetricsSummary } from './metrics/summary.js';
import type { Finding } from './rules/engine.js';
import type { Scorecard } from './scorecard/score.js';
import type { LocatedError } from './transcript/errors.js';
import type { RoleAssignment, Speaker } from './transcript/model.js';
import { VERSION } from './version.js';

/** The one result model every output format is a pure function of. */
export interface FileResult {
  path: string;
  format: string | null;
  conversation: { id: string; turns: number; durationMs: number | null; speakers: Speaker[]; roles: RoleAssignment } | null;
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

export interface Summary {
  files: number;
  conversations: number;
  findings: number;
  errors: number;
}

export interface Results {
  tool: { name: 'callcoach'; version: string };
  schemaVersion: 1;
  files: FileResult[];
  summary: Summary;
}

// Natural order ("call-2" before "call-10", "calls.jsonl:9" before "calls.jsonl:10"), with a fixed locale so every machine agrees.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
const byPath = (a: FileResult, b: FileResult) => collator.compare(a.path, b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Sorted by path, so the same inputs give the same bytes whatever order they were read in. */
export function collectResults(files: readonly FileResult[]): Results {
  const sorted = [...files].sort(byPath);
  return {
    tool: { name: 'callcoach', version: VERSION },
    schemaVersion: 1,
    files: sorted,
    summary: {
      files: sorted.length,
      conversations: sorted.filter((f) => f.conversation).length,
      findings: sorted.reduce((n, f) => n + f.findings.length, 0),
      errors: sorted.reduce((n, f) => n + f.errors.length, 0),
    },
  };
}
