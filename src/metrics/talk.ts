import type { Role } from '../transcript/model.js';
import type { Spoken } from './speech.js';

export interface TalkFigures {
  talkMs: number;
  /** Of the call's duration, and of all speech. 0–1, rounded to 3 places. */
  shareOfCall: number | null;
  shareOfSpeech: number;
  words: number;
  wordsPerMinute: number | null;
  longestMonologue: { durationMs: number; startMs: number; endMs: number; turn: number };
}

const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

/** Talk time per role (the length of its speech runs), shares, speed and longest monologue. */
export function talkFigures(spoken: Spoken, durationMs: number | null): Partial<Record<Role, TalkFigures>> {
  const out: Partial<Record<Role, TalkFigures>> = {};
  const totals = new Map([...spoken.runs].map(([role, runs]) => [role, runs.reduce((n, r) => n + r.endMs - r.startMs, 0)]));
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  for (const [role, runs] of [...spoken.runs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (runs.length === 0) continue;
    const talkMs = totals.get(role)!;
    const words = runs.reduce((n, r) => n + r.words, 0);
    const longest = runs.reduce((a, b) => (b.endMs - b.startMs > a.endMs - a.startMs ? b : a));
    out[role] = {
      talkMs,
      shareOfCall: durationMs ? ratio(talkMs, durationMs) : null,
      shareOfSpeech: all > 0 ? ratio(talkMs, all) : 0,
      words,
      wordsPerMinute: talkMs > 0 ? Math.round((words / talkMs) * 60_000) : null,
      longestMonologue: {
        durationMs: longest.endMs - longest.startMs,
        startMs: longest.startMs,
        endMs: longest.endMs,
        turn: longest.turn.index,
      },
    };
  }
  return out;
}
