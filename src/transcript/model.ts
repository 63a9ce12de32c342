// The conversation model every reader produces and every rule consumes.

/** `unknown`: a diarized speaker ("spk_0", "A") whose side was neither given nor safely inferred. */
export type Role = 'agent' | 'customer' | 'other' | 'unknown';
/** The roles a transcript, a sidecar or `--roles` may assign. */
export type AssignableRole = Exclude<Role, 'unknown'>;
export const ROLES: readonly AssignableRole[] = ['agent', 'customer', 'other'];

/** Where a conversation happened: each channel shows (and norms) different things. */
export const CHANNELS = ['voice', 'chat', 'social', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Speaker {
  label: string;
  role: Role;
}

/** A timed word, when the source has word-level timings. */
export interface Word {
  text: string;
  startMs: number;
  endMs: number;
}

export interface Turn {
  /** 1-based position in file order. */
  index: number;
  speaker: string;
  role: Role;
  text: string;
  startMs?: number;
  endMs?: number;
  words?: Word[];
  /** 1-based line in the source file where the turn begins. */
  line: number;
}

/** How the speakers' roles were decided, so a report can say how far to trust role-dependent findings. */
export interface RoleAssignment {
  /** transcript: the format names roles; given: --roles, a sidecar or front matter; inferred: from what was said. */
  source: 'transcript' | 'given' | 'inferred' | 'undecided';
  /** 0–1; 1 when the roles were given or named by the format. */
  confidence: number;
  reason: string;
}

export interface Conversation {
  id: string;
  path: string;
  format: string;
  metadata: Record<string, unknown>;
  speakers: Speaker[];
  turns: Turn[];
  roles?: RoleAssignment;
  /** What the reader could not settle but kept (e.g. a line that looks like a speaker label, read as text), located. */
  notices?: string[];
  /** Settled with the roles, before any rule runs (see channelOf). */
  channel?: Channel;
}

/** Timed = every turn has a start and an end, so overlaps are real overlaps. */
export function isTimed(conversation: Conversation): boolean {
  const { turns } = conversation;
  return turns.length > 0 && turns.every((t) => t.startMs !== undefined && t.endMs !== undefined);
}

/** Times are offsets from the start of the call, so its duration is the latest time seen. */
export function durationMs(conversation: Conversation): number | null {
  let last: number | null = null;
  for (const t of conversation.turns) {
    const end = t.endMs ?? t.startMs;
    if (end !== undefined && (last === null || end > last)) last = end;
  }
  return last;
}

/** Speakers in order of first appearance, each with the role its first turn carried. */
export function speakersOf(turns: readonly Turn[]): Speaker[] {
  const seen = new Map<string, Speaker>();
  for (const t of turns) if (!seen.has(t.speaker)) seen.set(t.speaker, { label: t.speaker, role: t.role });
  return [...seen.values()];
}
