import type { LocatedError } from './errors.js';
import type { Conversation } from './model.js';
import { formatClock } from './timestamp.js';

// Far beyond any recording, even in epoch milliseconds (1e15 ms is 31,000 years), and small enough that
// summing every time a conversation holds stays finite (1e308 twice is Infinity, and talk time NaN).
const MAX_MS = 1e15;
const valid = (ms: number | undefined) => ms === undefined || (Number.isFinite(ms) && ms >= 0 && ms <= MAX_MS);

/**
 * Times every metric builds on must make sense: finite, not negative, and a turn or word that ends
 * before it starts is an input error at its line (it would give negative talk time), whatever the reader.
 */
export function timeProblem(conversation: Conversation): LocatedError | undefined {
  for (const t of conversation.turns) {
    const at = { line: t.line, column: 1 };
    if (!valid(t.startMs) || !valid(t.endMs))
      return { message: `turn ${t.index} has a time that is not a number of milliseconds from 0 to 1e15`, ...at };
    if (t.startMs !== undefined && t.endMs !== undefined && t.endMs < t.startMs)
      return { message: `turn ${t.index} ends (${formatClock(t.endMs)}) before it starts (${formatClock(t.startMs)})`, ...at };
    for (const w of t.words ?? []) {
      // A word's times are not optional: a reader that passes one without them would make talk time NaN.
      if (w.startMs === undefined || w.endMs === undefined || !valid(w.startMs) || !valid(w.endMs))
        return { message: `a word of turn ${t.index} has a time that is not a number of milliseconds from 0 to 1e15`, ...at };
      if (w.endMs < w.startMs) return { message: `a word of turn ${t.index} ends before it starts`, ...at };
    }
  }
  return undefined;
}
