// The library API: everything the CLI does is reachable from here.
export { checkSource, type CheckOptions } from './check.js';
export { run } from './cli/run.js';
export type { CliIO } from './cli/io.js';
export { colors } from './report/color.js';
export { formatJson } from './report/json.js';
export { formatStylish } from './report/stylish.js';
export { collectResults, type FileResult, type Results, type Summary } from './results.js';
export { compareFindings, type Finding, runRules } from './rules/engine.js';
export { bundledPackFiles, loadPacks, type LoadResult, type Pack, type PackProblem } from './rules/load.js';
export type { CompiledRule, Severity } from './rules/types.js';
export { scorecard, type Scorecard, type StepScore } from './scorecard/score.js';
export { STEPS } from './scorecard/steps.js';
export type { LocatedError } from './transcript/errors.js';
export type { Conversation, Role, Speaker, Turn } from './transcript/model.js';
export { FORMATS, readTranscript, type ReadResult } from './transcript/read.js';
export type { Source } from './transcript/readers/reader.js';
export { VERSION } from './version.js';
