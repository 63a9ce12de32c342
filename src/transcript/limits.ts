import type { Conversation } from './model.js';
import type { LocatedError } from './errors.js';

/** What one input may hold. Each bounds the time and memory a conversation costs, so none can stall a batch. */
export interface Limits {
  /** Bytes of one input (a file, stdin, or one record of a JSON Lines stream); larger ones are refused unread. */
  inputBytes: number;
  /** Characters of one turn; a longer turn is checked on its first this many, with a notice. */
  turnChars: number;
  /** Turns of one conversation; more is refused. */
  turns: number;
}

export const DEFAULT_LIMITS: Limits = { inputBytes: 8 * 1024 * 1024, turnChars: 20_000, turns: 5_000 };

const MB = 1024 * 1024;
export const formatBytes = (n: number) =>
  n >= MB ? `${+(n / MB).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;

/** An input over the size limit, refused before it is read. */
export function tooLarge(bytes: number, limits: Limits, what = 'input'): LocatedError {
  return {
    message: `${what} is ${formatBytes(bytes)}, more than the limit of ${formatBytes(limits.inputBytes)} (raise it with --max-input-mb)`,
  };
}

/** A conversation within the turn limits: long turns cut (with a notice each), too many turns an error. */
export function withinLimits(conversation: Conversation, limits: Limits): { conversation: Conversation; notices: string[] } | LocatedError {
  const { turns } = conversation;
  if (turns.length > limits.turns) {
    const first = turns[limits.turns]!;
    return {
      message: `${turns.length} turns, more than the limit of ${limits.turns} per conversation (raise it with --max-turns)`,
      line: first.line,
      column: 1,
    };
  }
  if (!turns.some((t) => t.text.length > limits.turnChars)) return { conversation, notices: [] };
  const notices: string[] = [];
  const cut = turns.map((t) => {
    if (t.text.length <= limits.turnChars) return t;
    notices.push(
      `turn ${t.index} has ${t.text.length} characters: only its first ${limits.turnChars} were checked (raise it with --max-turn-chars)`,
    );
    return { ...t, text: t.text.slice(0, limits.turnChars) };
  });
  return { conversation: { ...conversation, turns: cut }, notices };
}
