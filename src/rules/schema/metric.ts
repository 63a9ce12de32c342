import { z } from 'zod';
import { speakerSchema, turnMatchSchema } from './turn-match.js';

export const metricOptions = z
  .strictObject({
    /** talk-share (0–1), talk-speed (words per minute), longest-monologue (ms), interruptions (count), silence (ms, each). */
    metric: z.enum(['talk-share', 'talk-speed', 'longest-monologue', 'interruptions', 'silence']),
    /** Whose figure (the interrupter, for interruptions); not used by silence. */
    speaker: speakerSchema.default('agent'),
    /** talk-share: a share of all speech, or of the call's whole duration. */
    of: z.enum(['speech', 'call']).default('speech'),
    /** Fires when the figure is above `max` or below `min`. */
    max: z.number().optional(),
    min: z.number().optional(),
    /** silence: not when the turn before the silence says this (e.g. a hold was announced). */
    unlessBefore: turnMatchSchema.optional(),
  })
  .refine((o) => o.max !== undefined || o.min !== undefined, { message: 'a metric rule needs `max` or `min`' });

export type MetricRuleOptions = z.infer<typeof metricOptions>;
