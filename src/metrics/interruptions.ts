import { backchannelMatcher, isBackchannel } from '../text/backchannel.js';
import type { PhraseSet } from '../text/phrase-index.js';
import { textView, viewOf } from '../text/view.js';
import type { Conversation, Role, Turn } from '../transcript/model.js';
import type { Piece, Spoken } from './speech.js';

export interface InterruptionOptions {
  /** Words basis: pauses up to this long do not break a speech run. */
  runGapMs: number;
  /** The other side must have been talking at least this long before (else it is a simultaneous start). */
  minLeadMs: number;
  /** Turn basis: the interrupted turn must go on at least this long after the interruption starts. */
  minOverlapMs: number;
  /** Turn basis: an overlapping turn of at most this many words is a backchannel. */
  maxBackchannelWords: number;
  backchannels: readonly string[];
  /** Untimed: a turn ending in one of these was cut off by whoever speaks next. */
  cutoffMarkers: readonly string[];
}

export interface Interruption {
  /** Who interrupted whom. */
  by: Role;
  over: Role;
  /** The interrupting turn and the interrupted one. */
  turn: Turn;
  overTurn: Turn;
  /** Null when the transcript is untimed (found from a cut-off marker). */
  startMs: number | null;
  endMs: number | null;
}

/**
 * B interrupts A when B starts while A is in the middle of speaking (A started well before and has
 * more to say after B's start), unless everything B says over A is a backchannel ("mm-hm", "okay").
 * Words basis: A's turn must have begun first; A is mid-run, or pausing mid-turn; the interruption
 * lasts until the later of the two runs ends. Turns basis: the same on whole turns,
 * with a minimum overlap and a word-count test for backchannels. Untimed: cut-off markers.
 */
export function findInterruptions(conversation: Conversation, spoken: Spoken, options: InterruptionOptions): Interruption[] {
  const quiet = backchannelMatcher(options.backchannels);
  if (spoken.basis === 'words') return byWords(spoken, options, quiet);
  if (spoken.basis === 'turns') return byTurns(conversation.turns, options, quiet);
  return byMarkers(conversation.turns, options);
}

/** One turn's words, split into sub-runs at pauses longer than the run gap. */
interface TimedTurn {
  turn: Turn;
  startMs: number;
  endMs: number;
  words: readonly Piece[];
  runs: { startMs: number; endMs: number }[];
}

function timedTurns(spoken: Spoken, runGapMs: number): TimedTurn[] {
  const byTurn = new Map<Turn, Piece[]>();
  for (const pieces of spoken.pieces.values())
    for (const p of pieces) {
      const list = byTurn.get(p.turn);
      if (list) list.push(p);
      else byTurn.set(p.turn, [p]);
    }
  return [...byTurn].map(([turn, words]) => {
    const runs: { startMs: number; endMs: number }[] = [];
    for (const w of words) {
      const last = runs[runs.length - 1];
      if (last && w.startMs - last.endMs <= runGapMs) last.endMs = Math.max(last.endMs, w.endMs);
      else runs.push({ startMs: w.startMs, endMs: w.endMs });
    }
    return { turn, startMs: words[0]!.startMs, endMs: Math.max(...words.map((w) => w.endMs)), words, runs };
  });
}

function byWords(spoken: Spoken, options: InterruptionOptions, quiet: PhraseSet): Interruption[] {
  const turns = timedTurns(spoken, options.runGapMs);
  const out: Interruption[] = [];
  for (const b of turns) {
    for (const run of b.runs) {
      // Only someone whose turn began first can be interrupted; anything else is B carrying on.
      const a = turns.find((t) => t.turn.role !== b.turn.role && t.startMs < b.startMs && t.startMs < run.startMs && run.startMs < t.endMs);
      const hit = a && interrupts(run, a, b, options, quiet);
      if (hit && !out.some((i) => i.turn === b.turn && i.overTurn === a.turn)) {
        out.push({ by: b.turn.role, over: a.turn.role, turn: b.turn, overTurn: a.turn, startMs: run.startMs, endMs: hit.endMs });
      }
    }
  }
  return out.sort((x, y) => x.startMs! - y.startMs!);
}

function interrupts(
  run: { startMs: number; endMs: number },
  a: TimedTurn,
  b: TimedTurn,
  options: InterruptionOptions,
  quiet: PhraseSet,
): { endMs: number } | undefined {
  const s = run.startMs;
  // A is mid-run, or pausing mid-turn (then the run before the pause is what A was saying).
  const inProgress = a.runs.find((r) => r.startMs < s && s < r.endMs);
  const reference = inProgress ?? a.runs.findLast((r) => r.endMs <= s);
  if (!reference || s - reference.startMs < options.minLeadMs) return undefined;
  // Overlap only at the very end of A's turn is a hand-over, not an interruption.
  if (!a.words.some((w) => w.startMs > s)) return undefined;
  const said = b.words.filter((w) => w.startMs >= s && w.startMs < a.endMs);
  if (said.length === 0 || isBackchannel(textView(said.map((w) => w.text).join(' ')), quiet)) return undefined;
  return { endMs: Math.max(run.endMs, inProgress?.endMs ?? 0) };
}

function byTurns(turns: readonly Turn[], options: InterruptionOptions, quiet: PhraseSet): Interruption[] {
  const out: Interruption[] = [];
  for (const turn of turns) {
    const view = viewOf(turn);
    if (view.tokens.length <= options.maxBackchannelWords || isBackchannel(view, quiet)) continue;
    const s = turn.startMs!;
    const over = turns.find(
      (o) =>
        o.role !== turn.role &&
        s - o.startMs! >= options.minLeadMs &&
        o.endMs! - s >= options.minOverlapMs &&
        !isBackchannel(viewOf(o), quiet),
    );
    // The other side started over this speaker, who carries on after a pause of a breath: not an interruption.
    const carryingOn =
      over &&
      turns.some(
        (p) =>
          p !== turn &&
          p.role === turn.role &&
          p.startMs! <= over.startMs! &&
          over.startMs! < p.endMs! &&
          s >= p.endMs! &&
          s - p.endMs! <= options.runGapMs,
      );
    if (over && !carryingOn)
      out.push({ by: turn.role, over: over.role, turn, overTurn: over, startMs: s, endMs: Math.min(over.endMs!, turn.endMs!) });
  }
  return out;
}

function byMarkers(turns: readonly Turn[], options: InterruptionOptions): Interruption[] {
  const markers = options.cutoffMarkers.map((m) => m.toLowerCase());
  const out: Interruption[] = [];
  turns.forEach((turn, i) => {
    const next = turns[i + 1];
    const end = turn.text.trimEnd().toLowerCase();
    if (next && next.role !== turn.role && markers.some((m) => end.endsWith(m))) {
      out.push({ by: next.role, over: turn.role, turn: next, overTurn: turn, startMs: null, endMs: null });
    }
  });
  return out;
}
