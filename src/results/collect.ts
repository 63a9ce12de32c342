import { comparePaths, type FileResult, type RunInfo, TOOL } from './model.js';
import { type BatchSummary, SummaryBuilder } from './summary.js';

/** A whole run's results as one document: what `--format json` writes and `merge` reads. */
export interface Results {
  tool: { name: 'callcoach'; version: string };
  schemaVersion: 1;
  run: RunInfo;
  files: FileResult[];
  summary: BatchSummary;
}

/** All results in one object (sorted by path), for embedding and for `merge`; a check run streams instead. */
export function collectResults(files: readonly FileResult[], run: RunInfo, options: { groupByAgent?: boolean } = {}): Results {
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));
  const summary = new SummaryBuilder(options.groupByAgent);
  for (const f of sorted) summary.add(f);
  return { tool: { ...TOOL }, schemaVersion: 1, run, files: sorted, summary: summary.build() };
}
