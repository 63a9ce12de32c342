import { compareFindings, runRules } from './rules/engine.js';
import type { CompiledRule } from './rules/types.js';
import type { FileResult } from './results.js';
import { scorecard } from './scorecard/score.js';
import { durationMs } from './transcript/model.js';
import { readTranscript } from './transcript/read.js';
import type { Source } from './transcript/readers/reader.js';

export interface CheckOptions {
  rules: readonly CompiledRule[];
  /** Force a reader instead of choosing by extension and content. */
  format?: string;
}

/** The pipeline for one file: read → model → rules → scorecard. Never throws for bad input. */
export function checkSource(source: Source, options: CheckOptions): FileResult {
  const read = readTranscript(source, options.format);
  if (read.error) return { path: source.path, format: null, conversation: null, findings: [], scorecard: null, errors: [read.error] };
  const conversation = read.conversation;
  const outcomes = runRules(conversation, options.rules);
  return {
    path: source.path,
    format: conversation.format,
    conversation: { id: conversation.id, turns: conversation.turns.length, durationMs: durationMs(conversation), speakers: conversation.speakers },
    findings: outcomes.flatMap((o) => o.findings).sort(compareFindings),
    scorecard: scorecard(outcomes),
    errors: [],
  };
}
