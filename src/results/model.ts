import type { MetricsSummary } from '../metrics/summary.js';
import type { Finding } from '../rules/engine.js';
import type { Portrait } from '../rules/portrait.js';
import type { RuleInfo } from '../rules/types.js';
import { definedOnly } from '../util/defined.js';
import type { Scorecard } from '../scorecard/score.js';
import type { LocatedError } from '../transcript/errors.js';
import type { Channel, Role, RoleAssignment, Speaker } from '../transcript/model.js';
import { VERSION } from '../version.js';

/** The one result model every output format is a pure function of. */
export interface FileResult {
  path: string;
  /** A record's line in the stream it came from (stdin); left out of JSON Lines output so split streams match. */
  line?: number;
  format: string | null;
  conversation: {
    id: string;
    /** From the transcript's metadata (`agent:`), or --agent-from-path; null when unknown. */
    agent: string | null;
    channel: Channel;
    turns: number;
    durationMs: number | null;
    speakers: Speaker[];
    roles: RoleAssignment;
  } | null;
  metrics: MetricsSummary | null;
  /** The customer's portrait (meek, aggressive, high-roller, rip-off, chronic, or a pack's own), or null. */
  portrait: string | null;
  /** How sure, and the customer turns that show it; null with no portrait. */
  portraitEvidence: Omit<Portrait, 'name'> | null;
  findings: Finding[];
  scorecard: Scorecard | null;
  /** Things the reader of the report should know, e.g. that roles could not be decided. */
  notices: string[];
  errors: LocatedError[];
  /** Findings a suppression turned off, each with its reason (present only when there are some). */
  suppressed?: SuppressedFinding[];
  /** Every turn's text, only when asked for (`--transcript`, or an HTML report): reports that show the conversation. */
  transcript?: TranscriptTurn[];
}

/** A turn as the results carry it: who spoke, when, and what they said. */
export interface TranscriptTurn {
  index: number;
  speaker: string;
  role: Role;
  text: string;
  startMs: number | null;
  endMs: number | null;
}

/** A finding turned off by a suppression: reported as such, never counted by the scorecard or the gates. */
export type SuppressedFinding = Finding & { suppression: { reason: string; source: string } };

/** The result for a file that could not be read. */
export function failedFile(path: string, error: LocatedError): FileResult {
  return {
    path,
    format: null,
    conversation: null,
    metrics: null,
    portrait: null,
    portraitEvidence: null,
    findings: [],
    scorecard: null,
    notices: [],
    errors: [error],
  };
}

export const TOOL = { name: 'callcoach', version: VERSION } as const;

// Natural order ("call-2" before "call-10", "calls.jsonl:9" before "calls.jsonl:10"), with a fixed locale so
// every machine agrees. Built on first use: a collator costs milliseconds that a one-file run does not need.
let collator: Intl.Collator | undefined;

export function comparePaths(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** What a baselined finding was, for people reading the baseline file and for the "fixed" list. */
export interface BaselineEntry {
  conversation: string;
  rule: string;
  quote: string;
  /** Why the finding is accepted, written by people; kept when the baseline is rewritten. */
  reason?: string;
}

/** A baselined finding a run no longer produced, with the input it was recorded for. */
export type FixedFinding = BaselineEntry & { path: string };

/** A rule as the results describe it, so a report made later (`merge`) lists the same rules as the run. */
export type RuleMetadata = Omit<RuleInfo, 'tests'>;

/** Which packs and rules produced the results. */
export interface RunInfo {
  packs: string[];
  rules: RuleMetadata[];
}

/** The run's description from its packs and rules (compiled ones carry tests and code: only metadata is kept). */
export function runInfoOf(packs: readonly string[], rules: readonly (RuleMetadata | RuleInfo)[]): RunInfo {
  return {
    packs: [...packs],
    rules: rules.map(({ id, pack, kind, step, severity, message, tip, description, handled, channels }) =>
      definedOnly({ id, pack, kind, step, severity, message, tip, description, handled, channels }),
    ),
  };
}

/**
 * Where a conversation is and which one it is, for headers and lists: `calls/a.txt`, `<stdin>:12 star-5351`,
 * `calls.jsonl:7 ibm-cdp-…` (the id is left out when the file name already says it).
 */
export function placeOf(where: { path: string; line?: number }, id: string | undefined): string {
  const place = where.line !== undefined ? `${where.path}:${where.line}` : where.path;
  const name = where.path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return id && id !== name ? `${place} ${id}` : place;
}
