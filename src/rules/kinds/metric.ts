import { metricsOf } from '../../metrics/index.js';
import { formatClock } from '../../transcript/timestamp.js';
import type { Role, Turn } from '../../transcript/model.js';
import type { Hit, RuleKind } from '../types.js';
import type { MetricRuleOptions } from '../schema/metric.js';
import { compileTurnMatch, rolesOf } from './turn-match.js';

type Options = MetricRuleOptions;

const shown = (metric: Options['metric'], value: number) =>
  metric === 'talk-share' ? `${Math.round(value * 100)} %` : metric === 'talk-speed' ? `${value} words a minute` : metric === 'interruptions' ? String(value) : formatClock(value);

/** Thresholds on the timing metrics; n/a when the transcript has no times. */
export const metricKind: RuleKind<Options> = {
  name: 'metric',
  compile(options, ctx) {
    const roles = rolesOf(options.speaker);
    const unless = options.unlessBefore && compileTurnMatch(options.unlessBefore, ctx, ['unlessBefore']);
    const out = (v: number) => (options.max !== undefined && v > options.max) || (options.min !== undefined && v < options.min);
    const limitFor = (v: number) => (options.max !== undefined && v > options.max ? options.max : options.min!);
    const hit = (turn: Turn, value: number): Hit => ({ turn, vars: { value: shown(options.metric, value), limit: shown(options.metric, limitFor(value)) } });

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
      if (m.basis === 'none' || !m.talk) return { applicable: false, hits: [] };
      if (options.metric === 'silence') {
        const hits = m.nonTalk!.instances.filter((s) => out(s.durationMs) && !unless?.find(s.after)).map((s) => hit(s.before, s.durationMs));
        return { applicable: true, hits };
      }
      const figures = [...roles].map((r) => m.talk![r as Role]).filter((f) => f !== undefined);
      if (figures.length === 0) return { applicable: false, hits: [] };
      const hits: Hit[] = [];
      for (const f of figures) {
        const value = options.metric === 'talk-share' ? (options.of === 'call' ? f.shareOfCall : f.shareOfSpeech) : options.metric === 'talk-speed' ? f.wordsPerMinute : f.longestMonologue.durationMs;
        if (value !== null && out(value)) hits.push(hit(turnAt(f.longestMonologue.turn), value));
      }
      return { applicable: true, hits };
    };
  },
};
