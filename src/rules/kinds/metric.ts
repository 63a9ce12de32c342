import { metricsOf } from '../../metrics/index.js';
import { formatClock } from '../../transcript/timestamp.js';
import type { Role, Turn } from '../../transcript/model.js';
import type { Hit } from '../types.js';
import { defineKind } from './kind.js';
import { compileTurnMatch, rolesOf } from './turn-match.js';

type MetricName = 'talk-share' | 'talk-speed' | 'longest-monologue' | 'interruptions' | 'silence';

const shown = (metric: MetricName, value: number) =>
  metric === 'talk-share'
    ? `${Math.round(value * 100)} %`
    : metric === 'talk-speed'
      ? `${value} words a minute`
      : metric === 'interruptions'
        ? String(value)
        : formatClock(value);

/** Thresholds on the timing metrics; n/a when the transcript has no times. */
export const metricKind = defineKind({
  name: 'metric',
  options: ({ z, speaker, turnMatch }) =>
    z
      .strictObject({
        /** talk-share (0–1), talk-speed (words per minute), longest-monologue (ms), interruptions (count), silence (ms, each). */
        metric: z.enum(['talk-share', 'talk-speed', 'longest-monologue', 'interruptions', 'silence']),
        /** Whose figure (the interrupter, for interruptions); not used by silence. */
        speaker: speaker.default('agent'),
        /** talk-share: a share of all speech, or of the call's whole duration. */
        of: z.enum(['speech', 'call']).default('speech'),
        /** Fires when the figure is above `max` or below `min`. */
        max: z.number().optional(),
        min: z.number().optional(),
        /** silence: not when the turn before the silence says this (e.g. a hold was announced). */
        unlessBefore: turnMatch.optional(),
      })
      .refine((o) => o.max !== undefined || o.min !== undefined, { message: 'a metric rule needs `max` or `min`' }),
  compile(options, ctx) {
    const roles = rolesOf(options.speaker);
    const unless = options.unlessBefore && compileTurnMatch(options.unlessBefore, ctx, ['unlessBefore']);
    const out = (v: number) => (options.max !== undefined && v > options.max) || (options.min !== undefined && v < options.min);
    const limitFor = (v: number) => (options.max !== undefined && v > options.max ? options.max : options.min!);
    const hit = (turn: Turn, value: number): Hit => ({
      turn,
      vars: { value: shown(options.metric, value), limit: shown(options.metric, limitFor(value)) },
    });

    return (conversation) => {
      const m = metricsOf(conversation);
      const turnAt = (index: number) => conversation.turns[index - 1]!;
      if (options.metric === 'interruptions') {
        const mine = m.interruptions.filter((i) => roles.has(i.by));
        const applicable = conversation.turns.some((t) => roles.has(t.role));
        // Report where the count crosses the limit.
        const crossing = options.max !== undefined ? mine[Math.floor(options.max)] : undefined;
        return { applicable, hits: out(mine.length) && crossing ? [hit(crossing.turn, mine.length)] : [] };
      }
      if (m.basis === 'none' || !m.talk)
        return { applicable: false, hits: [], unobservable: 'the transcript has no times, so talk time and silences cannot be measured' };
      if (options.metric === 'silence') {
        const hits = m
          .nonTalk!.instances.filter((s) => out(s.durationMs) && !unless?.find(s.after))
          .map((s) => hit(s.before, s.durationMs));
        return { applicable: true, hits };
      }
      const figures = [...roles].map((r) => m.talk![r as Role]).filter((f) => f !== undefined);
      if (figures.length === 0) return { applicable: false, hits: [] };
      const hits: Hit[] = [];
      for (const f of figures) {
        const value =
          options.metric === 'talk-share'
            ? options.of === 'call'
              ? f.shareOfCall
              : f.shareOfSpeech
            : options.metric === 'talk-speed'
              ? f.wordsPerMinute
              : f.longestMonologue.durationMs;
        if (value !== null && out(value)) hits.push(hit(turnAt(f.longestMonologue.turn), value));
      }
      return { applicable: true, hits };
    };
  },
});
