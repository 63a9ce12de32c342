import { z } from 'zod';
import { speakerSchema, turnMatchSchema } from './turn-match.js';

const conditionSchema = turnMatchSchema.extend({
  /** Only the speaker's last N turns count (e.g. "the call ends with a hand-off"). */
  last: z.number().int().min(1).max(50).optional(),
});
const alternativeSchema = z.union([conditionSchema, z.object({ all: z.array(conditionSchema).min(1) }).strict()]);

export const requirementOptions = z.strictObject({
  /** The requirement applies when any of these holds. */
  when: z.array(conditionSchema).min(1),
  /** …unless any of these holds. */
  unless: z.array(conditionSchema).min(1).optional(),
  /** Any one alternative satisfies it; `all:` joins conditions that must all hold. Looked for from the first `when` turn on. */
  require: z.array(alternativeSchema).min(1),
  /** The finding goes on this speaker's last turn (conversation-level findings) or on the turn that made it apply. */
  report: z.enum(['last-turn', 'condition']).default('last-turn'),
  reportSpeaker: speakerSchema.default('agent'),
});

export type RequirementOptions = z.infer<typeof requirementOptions>;
export type Condition = z.infer<typeof conditionSchema>;
