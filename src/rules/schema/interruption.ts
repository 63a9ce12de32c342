import { z } from 'zod';
import { DEFAULT_METRIC_OPTIONS } from '../../metrics/index.js';
import { DEFAULT_BACKCHANNELS } from '../../text/backchannel.js';
import { speakerSchema } from './turn-match.js';

const defaults = DEFAULT_METRIC_OPTIONS.interruptions;

export const interruptionOptions = z.strictObject({
  /** Who must not interrupt… */
  speaker: speakerSchema.default('agent'),
  /** …whom. */
  over: speakerSchema.default('customer'),
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
});

export type InterruptionOptions = z.infer<typeof interruptionOptions>;
