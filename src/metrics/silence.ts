import type { Turn } from '../transcript/model.js';
import type { Spoken } from './speech.js';

export interface Silence {
  startMs: number;
  endMs: number;
  durationMs: number;
  /** The turns either side of the silence. */
  after: Turn;
  before: Turn;
}

/** Stretches longer than `thresholdMs` in which nobody speaks, between the first and last speech. */
export function silences(spoken: Spoken, thresholdMs: number): Silence[] {
  const runs = [...spoken.runs.values()].flat().sort((a, b) => a.startMs - b.startMs);
  const out: Silence[] = [];
  let reach = runs[0];
  for (const run of runs.slice(1)) {
    if (!reach) break;
    const gap = run.startMs - reach.endMs;
    if (gap > thresholdMs)
      out.push({ startMs: reach.endMs, endMs: run.startMs, durationMs: gap, after: lastTurnOf(reach, spoken), before: run.turn });
    if (run.endMs > reach.endMs) reach = run;
  }
  return out;
}

/** The turn a run ends in (a run can span several turns of one speaker). */
function lastTurnOf(run: { role: Turn['role']; endMs: number }, spoken: Spoken): Turn {
  const pieces = spoken.pieces.get(run.role)!;
  return pieces.findLast((p) => p.endMs <= run.endMs)!.turn;
}
