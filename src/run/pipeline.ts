import { metricsOf } from '../metrics/index.js';
import { summarizeMetrics } from '../metrics/summary.js';
import { compareFindings, runRules } from '../rules/engine.js';
import type { CompiledRule } from '../rules/types.js';
import { failedFile, type FileResult } from '../results/model.js';
import { type Scoring, scorecard } from '../scorecard/score.js';
import { assignRoles } from '../transcript/assign-roles.js';
import type { AssignableRole, Conversation } from '../transcript/model.js';
import { durationMs } from '../transcript/model.js';
import { type ReadResult, readTranscripts } from '../transcript/read.js';
import type { Source } from '../transcript/readers/reader.js';

export interface CheckOptions {
  rules: readonly CompiledRule[];
  /** Force a reader instead of choosing by extension and content. */
  format?: string;
  /** Roles by speaker label (lower case), from --roles or a sidecar; they win over the transcript. */
  roles?: ReadonlyMap<string, AssignableRole>;
  /** Takes the agent's name from the path (first capture group) when the transcript does not name one. */
  agentFromPath?: RegExp;
  scoring?: Scoring;
  /** Carry every turn's text on the result (for reports that show the conversation). */
  transcript?: boolean;
}

/**
 * The pipeline for one file: read → model (roles settled) → metrics and rules → scorecard, for each
 * conversation in it (one, or one per line of a JSON Lines file). Never throws for bad input.
 */
export function checkSource(source: Source, options: CheckOptions): FileResult[] {
  return readTranscripts(source, options.format).map((read) => checkRead(read, options));
}

/** The rest of the pipeline for a transcript already read (or that failed to read). */
export function checkRead(read: ReadResult, options: CheckOptions): FileResult {
  return read.error ? failedFile(read.path, read.error) : checkConversation(read.path, read.conversation, options);
}

function checkConversation(path: string, read: Conversation, options: CheckOptions): FileResult {
  const conversation = assignRoles(read, options.roles);
  const roles = conversation.roles!;
  const undecided = roles.source === 'undecided';
  // Every bundled rule depends on who is the agent: with roles undecided, judging would be guessing.
  const outcomes = undecided ? [] : runRules(conversation, options.rules);
  return {
    path,
    format: conversation.format,
    conversation: {
      id: conversation.id,
      agent: agentOf(conversation, path, options.agentFromPath),
      turns: conversation.turns.length,
      durationMs: durationMs(conversation),
      speakers: conversation.speakers,
      roles,
    },
    metrics: summarizeMetrics(metricsOf(conversation)),
    findings: outcomes.flatMap((o) => o.findings).sort(compareFindings),
    scorecard: scorecard(outcomes, options.scoring),
    notices: undecided ? [`roles undecided: ${roles.reason}; role-dependent rules were skipped`] : [],
    errors: [],
    ...(options.transcript && {
      transcript: conversation.turns.map((t) => ({
        index: t.index,
        speaker: t.speaker,
        role: t.role,
        text: t.text,
        startMs: t.startMs ?? null,
        endMs: t.endMs ?? null,
      })),
    }),
  };
}

function agentOf(conversation: Conversation, path: string, fromPath: RegExp | undefined): string | null {
  const declared = conversation.metadata.agent;
  if (typeof declared === 'string' && declared.trim()) return declared.trim();
  const m = fromPath?.exec(path);
  return m ? (m[1] ?? m[0]) : null;
}
