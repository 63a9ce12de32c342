// The library API: everything the CLI does is reachable from here.

// A run: open a checker (config and packs), check inputs, read the summary and the exit code.
export { Checker, type CheckerOptions, type CheckInputs, CheckRun, checkStream, DEFAULT_JOBS } from './run/checker.js';
export { SetupError } from './run/errors.js';
export { DEFAULT_GATES, EXIT, evaluateGates, exitCode, exitOf, type GateResult, type Gates, type Limit, parseLimit } from './run/gates.js';
export { type Shard, parseShard } from './run/shard.js';
export { type CaseResult, runRuleTests } from './run/rule-tests.js';
export { type CheckOptions, checkSource } from './run/pipeline.js';
export { packFilesFor } from './run/pack-targets.js';

// The result model and what reads it.
export { collectResults, type Results } from './results/collect.js';
export type { BaselineEntry, FileResult, FixedFinding, RuleMetadata, RunInfo, SuppressedFinding, TranscriptTurn } from './results/model.js';
export type { BaselineChange } from './run/baseline.js';
export { type AgentSummary, type BatchSummary, SummaryBuilder } from './results/summary.js';
export { colors } from './report/color.js';
export { OUTPUT_FORMATS, REPORTERS, showsTranscript } from './report/index.js';
export { formatJson } from './report/json.js';
export type { PackDetail, Reporter, ReportContext, ReporterFactory } from './report/reporter.js';

// The pieces of the pipeline, for tools that build their own.
export { compareFindings, type Finding, runRules } from './rules/engine.js';
export { bundledPackFiles, loadPacks, type LoadResult, type Pack, type PackProblem } from './rules/load.js';
export type { CompiledRule, RuleInfo, Severity } from './rules/types.js';
export { type Scorecard, scorecard, type StepScore } from './scorecard/score.js';
export { STEPS } from './scorecard/steps.js';
export type { LocatedError } from './transcript/errors.js';
export type { Conversation, Role, Speaker, Turn } from './transcript/model.js';
export { FORMATS, type ReadResult, readTranscript } from './transcript/read.js';
export type { Source } from './transcript/readers/reader.js';
export { VERSION } from './version.js';
export { findConfig } from './config/find.js';

// The command line, for embedding it whole.
export { run } from './cli/run.js';
export type { CliIO } from './cli/io.js';
