import type { Channel, Conversation, Role, Turn } from '../transcript/model.js';
import type { PhraseSet } from '../text/phrase-index.js';

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** What a rule says about one moment of a conversation. */
export interface Hit {
  turn: Turn;
  /** Token range in the turn that the quote should centre on. */
  first?: number;
  last?: number;
  /** Values for `{name}` placeholders in the rule's message and tip, e.g. the jargon terms found. */
  vars?: Record<string, string>;
}

/** A portrait rule's judgement: the portrait holds, how far past its threshold, and the turns that show it. */
export interface PortraitCandidate {
  name: string;
  /** Signal weight over the threshold (1 = just reached it): the strongest candidate wins. */
  strength: number;
  evidence: (Omit<Hit, 'vars'> & { signal: string })[];
}

export interface CheckResult {
  /** False when nothing the rule checks happened in this conversation (the scorecard then says n/a). */
  applicable: boolean;
  hits: Hit[];
  /**
   * Why the rule could not look at all, when the transcript cannot show what it checks (interruptions
   * in untimed chat, talk share without times): the step is then "not observable" rather than n/a.
   */
  unobservable?: string;
  /** Where the situation arose and the agent handled it (an acknowledgement, a time given): a pass's evidence. */
  handled?: Hit[];
  portrait?: PortraitCandidate;
}

export type Check = (conversation: Conversation) => CheckResult;

export interface RuleInfo {
  id: string;
  pack: string;
  kind: string;
  step: number;
  severity: Severity;
  message: string;
  tip: string;
  description?: string;
  /** What a pass means ("the agent acknowledged the customer's feelings"), for the step's reason. */
  handled?: string;
  /** The channels the rule applies to (all when omitted). */
  channels?: Channel[];
  /** Portrait-specific tips and severities, and the portraits the rule is limited to (see the pack schema). */
  tips?: Readonly<Record<string, string>>;
  severities?: Readonly<Record<string, Severity>>;
  portraits?: readonly string[];
  /** Examples from the pack (`tests:`), for `callcoach test` and `explain`. */
  tests: RuleExample[];
}

export interface RuleExample {
  name?: string;
  transcript: string;
  format?: string;
  findings: { turn: number; rule?: string }[];
  /** The customer portrait expected (null: none); unchecked when absent. */
  portrait?: string | null;
  /** The scorecard status the rule's step should get; unchecked when absent. */
  stepStatus?: 'pass' | 'fail' | 'n/a';
  todo?: string;
}

export interface CompiledRule extends RuleInfo {
  /** The kind's options as validated (defaults filled in), for configuration to build on. */
  options: Record<string, unknown>;
  check: Check;
}

/** What a kind's compiler may ask of the loader: phrase sets compiled with errors located in the pack file. */
export interface CompileContext {
  /** `at` is the path of the pattern list inside the rule, e.g. ['trigger', 'match']. */
  phrases(patterns: readonly string[], at: readonly (string | number)[]): PhraseSet;
}

export type { Role };
