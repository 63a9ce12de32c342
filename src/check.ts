import { metricsOf } from './metrics/index.js';
import { summarizeMetrics } from './metrics/summary.js';
import { compareFindings, runRules } from './rules/engine.js';
import type { CompiledRule } from './rules/types.js';
import { failedFile, type FileResult } from './results.js';
import { scorecard } from './scorecard/score.js';
import { assignRoles } from './transcript/assign-roles.js';
import type { AssignableRole } from './transcript/model.js';
import { durationMs } from './transcript/model.js';
import { readTranscript } from './transcript/read.js';
import type { Source } from './transcript/readers/reader.js';

export interface CheckOptions {
  rules: readonly CompiledRule[];
  /** Force a reader instead of choosing by extension and content. */
  format?: string;
  /** Roles by speaker label (lower case), from --roles or a sidecar; they win over the transcript. */
  roles?: ReadonlyMap<string, AssignableRole>;
}

/** The pipeline for one file: read → model (roles settled) → metrics and rules → scorecard. Never throws for bad input. */
export function checkSource(source: Source, options: CheckOptions): FileResult {
  const read = readTranscript(source, options.format);
  if (read.error) return failedFile(source.path, read.error);
  const conversation = assignRoles(read.conversation, options.roles);
  const roles = conversation.roles!;
  const undecided = roles.source === 'undecided';
  // Every bundled rule depends on who is the agent: with roles undecided, judging would be guessing.
  const outcomes = undecided ? [] : runRules(conversation, options.rules);
  return {
    path: source.path,
    format: conversation.format,
    conversation: { id: conversation.id, turns: conversation.turns.length, durationMs: durationMs(conversation), speakers: conversation.speakers, roles },
    metrics: summarizeMetrics(metricsOf(conversation)),
    findings: outcomes.flatMap((o) => o.findings).sort(compareFindings),
    scorecard: scorecard(outcomes),
    notices: undecided ? [`roles undecided: ${roles.reason}; role-dependent rules were skipped`] : [],
    errors: [],
  };
}
