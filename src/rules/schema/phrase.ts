import { z } from 'zod';
import { patternsSchema, regexesSchema, speakerSchema } from './turn-match.js';

export const phraseOptions = z
  .strictObject({
    speaker: speakerSchema.default('agent'),
    match: patternsSchema.optional(),
    /** Regular expressions, for what phrase patterns cannot say (codes, amounts); either matching counts. */
    regex: regexesSchema.optional(),
    except: patternsSchema.optional(),
  })
  .refine((o) => o.match || o.regex, { message: 'a phrase rule needs match (phrase patterns) or regex', path: ['match'] });

export type PhraseOptions = z.infer<typeof phraseOptions>;
