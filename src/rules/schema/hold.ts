import { z } from 'zod';
import { turnMatchSchema } from './turn-match.js';

export const holdOptions = z.strictObject({
  /** The turn that puts the customer on hold ("let me put you on hold"). */
  announce: turnMatchSchema,
  /** What the agent should say on coming back ("thanks for holding"). */
  checkBack: turnMatchSchema,
  /** A gap after the announcement at least this long is a hold. */
  minGapMs: z.number().int().min(0).default(10_000),
  /** How long a hold may last before the agent checks back. */
  maxHoldMs: z.number().int().min(0).default(60_000),
});

export type HoldOptions = z.infer<typeof holdOptions>;
