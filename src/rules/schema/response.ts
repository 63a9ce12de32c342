import { z } from 'zod';
import { DEFAULT_BACKCHANNELS } from '../../text/backchannel.js';
import { turnMatchSchema } from './turn-match.js';

/** Where a response is looked for, relative to the trigger: turns of the given speaker only. */
const windowSchema = turnMatchSchema.extend({
  /** The trigger turn itself counts (a policy and its alternative in one breath). */
  sameTurn: z.boolean().default(false),
  /** How many of the speaker's turns before the trigger count. */
  before: z.number().int().min(0).max(50).default(0),
  /** How many of the speaker's turns after the trigger count. */
  after: z.number().int().min(0).max(50).default(1),
});

export const responseOptions = z
  .strictObject({
    trigger: turnMatchSchema,
    /** Any one of these satisfies the rule; when none holds, it fires. */
    expect: z.array(windowSchema).min(1).optional(),
    /** Any one of these makes the rule fire. */
    forbid: z.array(windowSchema).min(1).optional(),
    /** Which turn carries the finding: the trigger, or the first turn that should have responded. */
    report: z.enum(['trigger', 'response']).default('trigger'),
    /** Turns after a finding in which the same trigger is not reported again (one hand-off, one finding). */
    cooldown: z.number().int().min(0).max(50).default(0),
    backchannels: z.array(z.string().min(1)).default(DEFAULT_BACKCHANNELS),
  })
  .refine((o) => o.expect || o.forbid, { message: 'a response rule needs `expect` or `forbid`' });

export type ResponseOptions = z.infer<typeof responseOptions>;
export type ResponseWindow = z.infer<typeof windowSchema>;
