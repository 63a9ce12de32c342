import { isTimed } from '../transcript/model.js';
import type { Conversation, Role, Turn } from '../transcript/model.js';
import { viewOf } from '../text/view.js';

/** What the timing figures were computed from, best first. */
export type Basis = 'words' | 'turns' | 'none';

/** A stretch of one role's speech: words (or turns) joined across pauses no longer than the run gap. */
interface Run {
  role: Role;
  startMs: number;
  endMs: number;
  /** Words said in the run. */
  words: number;
  /** Turn where the run starts. */
  turn: Turn;
}

export interface Spoken {
  basis: Basis;
  /** Per role, in time order. */
  runs: Map<Role, Run[]>;
  /** Each timed word (or turn span, on the turns basis) with its turn, per role, in time order. */
  pieces: Map<Role, Piece[]>;
}

export interface Piece {
  startMs: number;
  endMs: number;
  text: string;
  turn: Turn;
}

/** Words when every turn with text has word timings, else turn spans when every turn is timed. */
function basisOf(conversation: Conversation): Basis {
  const spoken = conversation.turns.filter((t) => t.text.trim());
  if (spoken.length > 0 && spoken.every((t) => t.words && t.words.length > 0)) return 'words';
  return isTimed(conversation) ? 'turns' : 'none';
}

export function spokenOf(conversation: Conversation, runGapMs: number): Spoken {
  const basis = basisOf(conversation);
  const pieces = new Map<Role, Piece[]>();
  if (basis !== 'none') {
    for (const turn of conversation.turns) {
      const own = pieces.get(turn.role) ?? [];
      if (basis === 'words') for (const w of turn.words ?? []) own.push({ startMs: w.startMs, endMs: w.endMs, text: w.text, turn });
      else own.push({ startMs: turn.startMs!, endMs: turn.endMs!, text: turn.text, turn });
      pieces.set(turn.role, own);
    }
  }
  const runs = new Map<Role, Run[]>();
  for (const [role, list] of pieces) {
    list.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
    const out: Run[] = [];
    for (const p of list) {
      const words = basis === 'words' ? 1 : viewOf(p.turn).tokens.length;
      const last = out[out.length - 1];
      if (last && p.startMs - last.endMs <= runGapMs) {
        last.endMs = Math.max(last.endMs, p.endMs);
        last.words += words;
      } else out.push({ role, startMs: p.startMs, endMs: p.endMs, words, turn: p.turn });
    }
    runs.set(role, out);
  }
  return { basis, runs, pieces };
}
