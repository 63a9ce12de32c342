import { DEFAULT_METRIC_OPTIONS, metricsOf, type MetricOptions } from '../../metrics/index.js';
import type { Hit, RuleKind } from '../types.js';
import type { InterruptionOptions } from '../schema/interruption.js';
import { rolesOf } from './turn-match.js';

const defaults = DEFAULT_METRIC_OPTIONS.interruptions;

/**
 * Talking over or cutting off the other side, as measured by the interruption metric: word timings
 * when the transcript has them, turn times otherwise, cut-off markers when untimed.
 */
export const interruptionKind: RuleKind<InterruptionOptions> = {
  name: 'interruption',
  compile(options) {
    const interrupters = rolesOf(options.speaker);
    const victims = rolesOf(options.over);
    const { speaker: _s, over: _o, ...measured } = options;
    const metricOptions: MetricOptions = { ...DEFAULT_METRIC_OPTIONS, interruptions: { ...defaults, ...measured } };
    return (conversation) => {
      const hits: Hit[] = metricsOf(conversation, metricOptions)
        .interruptions.filter((i) => interrupters.has(i.by) && victims.has(i.over))
        .map((i) => ({ turn: i.turn }));
      const applicable = conversation.turns.some((t) => interrupters.has(t.role)) && conversation.turns.some((t) => victims.has(t.role));
      return { applicable, hits };
    };
  },
};
