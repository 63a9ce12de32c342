// The conversation model every reader produces and every rule consumes.

export type Role = 'agent' | 'customer' | 'other';
export const ROLES: readonly Role[] = ['agent', 'customer', 'other'];

export interface Speaker {
  label: string;
  role: Role;
}

export interface Turn {
  /** 1-based position in file order. */
  index: number;
  speaker: string;
  role: Role;
  text: string;
  startMs?: number;
  endMs?: number;
  /** 1-based line in the source file where the turn begins. */
  line: number;
}

export interface Conversation {
  id: string;
  path: string;
  format: string;
  metadata: Record<string, unknown>;
  speakers: Speaker[];
  turns: Turn[];
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
