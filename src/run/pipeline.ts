import { metricsOf } from '../metrics/index.js';
import { summarizeMetrics } from '../metrics/summary.js';
import { compareFindings, runRules } from '../rules/engine.js';
import { decidePortrait } from '../rules/portrait.js';
import type { CompiledRule } from '../rules/types.js';
import { failedFile, type FileResult } from '../results/model.js';
import { type Scoring, scorecard, type Unjudged } from '../scorecard/score.js';
import { channelOf } from '../transcript/channel.js';
import { assignRoles } from '../transcript/assign-roles.js';
import { isDiarizationLabel } from '../transcript/readers/speaker-label.js';
import { defaultRole } from '../transcript/roles.js';
import type { AssignableRole, Conversation } from '../transcript/model.js';
import { durationMs } from '../transcript/model.js';
import { DEFAULT_LIMITS, type Limits, withinLimits } from '../transcript/limits.js';
import { type ReadResult, readTranscripts } from '../transcript/read.js';
import { timeProblem } from '../transcript/times.js';
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
  /** Turn limits (default: DEFAULT_LIMITS). */
  limits?: Limits;
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
  if (read.error) return failedFile(read.path, read.error);
  const badTime = timeProblem(read.conversation);
  if (badTime) return failedFile(read.path, badTime);
  const limited = withinLimits(read.conversation, options.limits ?? DEFAULT_LIMITS);
  if ('message' in limited) return failedFile(read.path, limited);
  const result = checkConversation(read.path, read.line, limited.conversation, options);
  return limited.notices.length > 0 ? { ...result, notices: [...limited.notices, ...result.notices] } : result;
}

function checkConversation(path: string, line: number | undefined, read: Conversation, options: CheckOptions): FileResult {
  const settled = assignRoles(read, options.roles);
  const conversation = { ...settled, channel: channelOf(settled) };
  const roles = conversation.roles!;
  const undecided = roles.source === 'undecided';
  // Every bundled rule depends on who is the agent: with roles undecided, judging would be guessing.
  const portrait = undecided ? null : decidePortrait(conversation, options.rules);
  const outcomes = undecided ? [] : runRules(conversation, options.rules, portrait?.name ?? null);
  const findings = outcomes.flatMap((o) => o.findings).sort(compareFindings);
  const unjudged = unjudgedReason(conversation, findings.length > 0);
  return {
    path,
    ...(line !== undefined && { line }),
    format: conversation.format,
    conversation: {
      id: conversation.id,
      agent: agentOf(conversation, path, options.agentFromPath),
      channel: conversation.channel,
      turns: conversation.turns.length,
      durationMs: durationMs(conversation),
      speakers: conversation.speakers,
      roles,
    },
    metrics: conversation.turns.length > 0 ? summarizeMetrics(metricsOf(conversation)) : null,
    portrait: portrait?.name ?? null,
    portraitEvidence: portrait ? { confidence: portrait.confidence, tip: portrait.tip, turns: portrait.turns } : null,
    findings,
    scorecard: scorecard(outcomes, options.scoring, unjudged),
    notices: [...(read.notices ?? []), ...(unjudged ? [`not judged: ${unjudged.detail}`] : [])],
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

/**
 * Why a conversation cannot be judged: no turns; roles undecided; or too little of it to show good
 * handling (one side silent, or fewer than two turns each) when nothing went visibly wrong either.
 */
function unjudgedReason(conversation: Conversation, hasFindings: boolean): Unjudged | undefined {
  const { turns, roles } = conversation;
  if (turns.length === 0) return { reason: 'empty', detail: 'the conversation has no turns' };
  if (roles?.source === 'undecided')
    return { reason: 'roles-undecided', detail: `roles undecided: ${roles.reason}; role-dependent rules were skipped` };
  if (hasFindings) return undefined;
  const agent = turns.filter((t) => t.role === 'agent').length;
  const customer = turns.filter((t) => t.role === 'customer').length;
  if (agent === 0 || customer === 0) return { reason: 'too-short', detail: `only the ${agent === 0 ? 'customer' : 'agent'} speaks` };
  if (agent < 2 || customer < 2)
    return { reason: 'too-short', detail: `too short to judge (${plural(customer, 'customer turn')}, ${plural(agent, 'agent turn')})` };
  return undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The agent's name: the transcript's metadata, else --agent-from-path, else the first agent speaker the transcript names. */
function agentOf(conversation: Conversation, path: string, fromPath: RegExp | undefined): string | null {
  const declared = conversation.metadata.agent;
  if (typeof declared === 'string' && declared.trim()) return declared.trim();
  const m = fromPath?.exec(path);
  if (m) return m[1] ?? m[0];
  // "Priya", "Agent 1234" name someone; "Agent" or "spk_0" do not.
  const named = conversation.speakers.find((s) => s.role === 'agent' && !defaultRole(s.label) && !isDiarizationLabel(s.label));
  return named?.label ?? null;
}
