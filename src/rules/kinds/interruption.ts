import { DEFAULT_METRIC_OPTIONS, metricOptionsWith, metricsOf } from '../../metrics/index.js';
import { DEFAULT_BACKCHANNELS } from '../../text/backchannel.js';
import type { Hit } from '../types.js';
import { defineKind } from './kind.js';
import { rolesOf } from './turn-match.js';

const defaults = DEFAULT_METRIC_OPTIONS.interruptions;

/**
 * Talking over or cutting off the other side, as measured by the interruption metric: word timings
 * when the transcript has them, turn times otherwise, cut-off markers when untimed.
 */
export const interruptionKind = defineKind({
  name: 'interruption',
  options: ({ z, speaker }) =>
    z.strictObject({
      /** Who must not interrupt… */
      speaker: speaker.default('agent'),
      /** …whom. */
      over: speaker.default('customer'),
      /** Timed: how long the interrupted turn must go on after the interruption starts (turn times only). */
      minOverlapMs: z.number().int().min(0).default(defaults.minOverlapMs),
      /** Timed: how long the other side must already have been talking; less is a simultaneous start. */
      minLeadMs: z.number().int().min(0).default(defaults.minLeadMs),
      /** Turn times only: an overlapping turn of at most this many words is a backchannel. */
      maxBackchannelWords: z.number().int().min(0).default(defaults.maxBackchannelWords),
      /** Overlapping speech made only of these is a backchannel whatever its length. */
      backchannels: z.array(z.string().min(1)).default(DEFAULT_BACKCHANNELS),
      /** Untimed transcripts: a turn ending in one of these was cut off by whoever speaks next. */
      cutoffMarkers: z.array(z.string().min(1)).default([...defaults.cutoffMarkers]),
    }),
  compile(options) {
    const interrupters = rolesOf(options.speaker);
    const victims = rolesOf(options.over);
    const { speaker: _s, over: _o, ...measured } = options;
    const metricOptions = metricOptionsWith(measured);
    return (conversation) => {
      const metrics = metricsOf(conversation, metricOptions);
      // Untimed writing has no talking over: cut-off markers are a spoken transcript's convention.
      if (metrics.basis === 'none' && conversation.channel !== undefined && conversation.channel !== 'voice') {
        return { applicable: false, hits: [], unobservable: `an untimed ${conversation.channel} cannot show interruptions` };
      }
      const hits: Hit[] = metrics.interruptions.filter((i) => interrupters.has(i.by) && victims.has(i.over)).map((i) => ({ turn: i.turn }));
      const applicable = conversation.turns.some((t) => interrupters.has(t.role)) && conversation.turns.some((t) => victims.has(t.role));
      return { applicable, hits };
    };
  },
});
