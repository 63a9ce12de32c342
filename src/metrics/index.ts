import { DEFAULT_BACKCHANNELS } from '../text/backchannel.js';
import type { Conversation, Role } from '../transcript/model.js';
import { durationMs } from '../transcript/model.js';
import { findInterruptions, type Interruption, type InterruptionOptions } from './interruptions.js';
import { silences, type Silence } from './silence.js';
import { type Basis, spokenOf } from './speech.js';
import { talkFigures, type TalkFigures } from './talk.js';

export interface MetricOptions {
  /** Pauses up to this long are part of talking: words either side belong to one speech run. */
  runGapMs: number;
  /** Silences longer than this are non-talk time. */
  silenceMs: number;
  interruptions: InterruptionOptions;
}

export const DEFAULT_METRIC_OPTIONS: MetricOptions = {
  runGapMs: 1750,
  silenceMs: 3000,
  interruptions: {
    runGapMs: 1750,
    minLeadMs: 500,
    minOverlapMs: 300,
    maxBackchannelWords: 3,
    backchannels: DEFAULT_BACKCHANNELS,
    cutoffMarkers: ['--', '—', '–', '[crosstalk]', '[overlap]', '[overlapping]', '[interrupted]', '[interrupts]'],
  },
};

export interface Metrics {
  /** words: word timings; turns: turn times only (approximate); none: untimed (cut-off markers only). */
  basis: Basis;
  durationMs: number | null;
  talk: Partial<Record<Role, TalkFigures>> | null;
  nonTalk: { thresholdMs: number; totalMs: number; instances: Silence[] } | null;
  interruptions: Interruption[];
}

const cache = new WeakMap<Conversation, Map<MetricOptions, Metrics>>();
const interned = new Map<string, MetricOptions>([[JSON.stringify(DEFAULT_METRIC_OPTIONS), DEFAULT_METRIC_OPTIONS]]);

/**
 * The defaults with other interruption settings, one object for equal settings: figures are kept per
 * options object, so rules that measure alike (a rule giving the defaults) share one computation.
 */
export function metricOptionsWith(interruptions: Partial<InterruptionOptions>): MetricOptions {
  const options = { ...DEFAULT_METRIC_OPTIONS, interruptions: { ...DEFAULT_METRIC_OPTIONS.interruptions, ...interruptions } };
  const key = JSON.stringify(options);
  let known = interned.get(key);
  if (!known) interned.set(key, (known = options));
  return known;
}

/** The timing figures of a conversation, computed once per set of options. */
export function metricsOf(conversation: Conversation, options: MetricOptions = DEFAULT_METRIC_OPTIONS): Metrics {
  let byOptions = cache.get(conversation);
  if (!byOptions) cache.set(conversation, (byOptions = new Map()));
  let metrics = byOptions.get(options);
  if (!metrics) {
    const spoken = spokenOf(conversation, options.runGapMs);
    const duration = durationMs(conversation);
    const quiet = spoken.basis === 'none' ? null : silences(spoken, options.silenceMs);
    metrics = {
      basis: spoken.basis,
      durationMs: duration,
      talk: spoken.basis === 'none' ? null : talkFigures(spoken, duration),
      nonTalk: quiet && { thresholdMs: options.silenceMs, totalMs: quiet.reduce((n, s) => n + s.durationMs, 0), instances: quiet },
      interruptions: findInterruptions(conversation, spoken, options.interruptions),
    };
    byOptions.set(options, metrics);
  }
  return metrics;
}
