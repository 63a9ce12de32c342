import { quoteOf } from '../text/quote.js';
import type { Role } from '../transcript/model.js';
import type { Metrics } from './index.js';
import type { TalkFigures } from './talk.js';

/** The metrics as they appear in results: plain numbers, turns by number, instances with quotes. */
export interface MetricsSummary {
  basis: Metrics['basis'];
  durationMs: number | null;
  talk: Partial<Record<Role, TalkFigures>> | null;
  nonTalk: {
    thresholdMs: number;
    totalMs: number;
    instances: { startMs: number; endMs: number; durationMs: number; afterTurn: number; beforeTurn: number }[];
  } | null;
  interruptions: {
    /** words / turns (approximate) / markers (untimed cut-offs: counts only). */
    basis: 'words' | 'turns' | 'markers';
    byInterrupter: Partial<Record<Role, { count: number; totalMs: number | null; instances: InterruptionSummary[] }>>;
  };
}

interface InterruptionSummary {
  turn: number;
  overTurn: number;
  over: Role;
  startMs: number | null;
  endMs: number | null;
  durationMs: number | null;
  quote: string;
}

export function summarizeMetrics(m: Metrics): MetricsSummary {
  const byInterrupter: MetricsSummary['interruptions']['byInterrupter'] = {};
  for (const i of m.interruptions) {
    const entry = (byInterrupter[i.by] ??= { count: 0, totalMs: m.basis === 'none' ? null : 0, instances: [] });
    const durationMs = i.startMs !== null && i.endMs !== null ? i.endMs - i.startMs : null;
    entry.count++;
    if (entry.totalMs !== null && durationMs !== null) entry.totalMs += durationMs;
    entry.instances.push({
      turn: i.turn.index,
      overTurn: i.overTurn.index,
      over: i.over,
      startMs: i.startMs,
      endMs: i.endMs,
      durationMs,
      quote: quoteOf(i.turn),
    });
  }
  return {
    basis: m.basis,
    durationMs: m.durationMs,
    talk: m.talk,
    nonTalk: m.nonTalk && {
      thresholdMs: m.nonTalk.thresholdMs,
      totalMs: m.nonTalk.totalMs,
      instances: m.nonTalk.instances.map((s) => ({
        startMs: s.startMs,
        endMs: s.endMs,
        durationMs: s.durationMs,
        afterTurn: s.after.index,
        beforeTurn: s.before.index,
      })),
    },
    interruptions: { basis: m.basis === 'none' ? 'markers' : m.basis, byInterrupter },
  };
}
