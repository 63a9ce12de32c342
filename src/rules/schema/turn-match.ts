import { z } from 'zod';
import type { AssignableRole } from '../../transcript/model.js';
import { ROLES } from '../../transcript/model.js';

const role = z.enum(ROLES as [AssignableRole, ...AssignableRole[]]);
export const speakerSchema = z.union([role, z.array(role).min(1)]);
export const patternsSchema = z.array(z.string().min(1)).min(1);

/** "A turn by these speakers that says one of these phrases", the building block of most rule kinds. */
export const turnMatchSchema = z
  .object({
    speaker: speakerSchema.default('agent'),
    /** Phrase patterns; omitted means any turn by the speaker. */
    match: patternsSchema.optional(),
    /** A match is void when one of these phrases occurs in the same sentence. */
    except: patternsSchema.optional(),
  })
  .strict();

export type TurnMatchOptions = z.infer<typeof turnMatchSchema>;
