import { z } from 'zod';
import type { AssignableRole } from '../../transcript/model.js';
import { ROLES } from '../../transcript/model.js';
import { regexProblem } from '../../text/safe-regex.js';
import { TURN_SIGNALS } from '../../text/turn-signals.js';

const role = z.enum(ROLES as [AssignableRole, ...AssignableRole[]]);
export const speakerSchema = z.union([role, z.array(role).min(1)]);
export const patternsSchema = z.array(z.string().min(1)).min(1);
/** JavaScript regular expressions, matched on the lower-cased turn text and checked to run safely. */
export const regexesSchema = z
  .array(
    z
      .string()
      .min(1)
      .superRefine((source, ctx) => {
        const problem = regexProblem(source);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  )
  .min(1);

/** "A turn by these speakers that says one of these phrases", the building block of most rule kinds. */
export const turnMatchSchema = z
  .object({
    speaker: speakerSchema.default('agent'),
    /** Phrase patterns; omitted (with no regex either) means any turn by the speaker. */
    match: patternsSchema.optional(),
    /** Regular expressions, for what phrase patterns cannot say (codes, amounts); either matching counts. */
    regex: regexesSchema.optional(),
    /** A match is void when one of these phrases occurs in the same sentence. */
    except: patternsSchema.optional(),
    /** A `match` counts only when the turn also says one of these (anywhere in it), or shows one of `withSignals`. */
    with: patternsSchema.optional(),
    withSignals: z.array(z.enum(TURN_SIGNALS)).min(1).optional(),
    /** How the turn is written also counts: any of these signals matches the whole turn (unless `except` matches in it). */
    signals: z.array(z.enum(TURN_SIGNALS)).min(1).optional(),
  })
  .strict();

export type TurnMatchOptions = z.infer<typeof turnMatchSchema>;

/** The fields of a rule that looks for phrases in one speaker's turns (count, evidence). */
export const phraseMatchSchema = z.strictObject({
  speaker: speakerSchema.default('agent'),
  match: patternsSchema.optional(),
  /** Regular expressions, for what phrase patterns cannot say (codes, amounts); either matching counts. */
  regex: regexesSchema.optional(),
  /** A match is void when one of these occurs in its sentence. */
  except: patternsSchema.optional(),
});

/** The refinement such a rule needs: something to look for. */
export const needsPhrases: [(o: { match?: unknown; regex?: unknown }) => boolean, { message: string; path: string[] }] = [
  (o) => Boolean(o.match || o.regex),
  { message: 'the rule needs match (phrase patterns) or regex', path: ['match'] },
];
