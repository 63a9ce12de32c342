import type { ChalkInstance } from 'chalk';
import type { FileResult, RuleMetadata } from '../results/model.js';
import type { BatchSummary } from '../results/summary.js';

/** What every report may draw on besides the results themselves. */
export interface ReportContext {
  /** The rules that ran, for formats that describe them up front (SARIF). */
  rules: readonly RuleMetadata[];
  /** Pack names that ran, in order, for per-pack columns (CSV). */
  packs: readonly string[];
  color: ChalkInstance;
  /** CSV: start with a UTF-8 byte order mark, for spreadsheet programs. */
  csvBom?: boolean;
  /** What each pack is about and the principle behind it, where known: the HTML report explains rules with them. */
  packDetails?: readonly PackDetail[];
}

export interface PackDetail {
  name: string;
  description: string;
  source: string;
}

/**
 * An output format as three pure pieces of text: what comes before the files, each file's part, and
 * what follows them. The CLI streams them, so no format needs every result in memory at once.
 */
export interface Reporter {
  head(): string;
  file(result: FileResult): string;
  tail(summary: BatchSummary): string;
}

export type ReporterFactory = (context: ReportContext) => Reporter;
