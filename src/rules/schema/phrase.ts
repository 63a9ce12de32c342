import { z } from 'zod';
import { patternsSchema, speakerSchema } from './turn-match.js';

export const phraseOptions = z.strictObject({
  speaker: speakerSchema.default('agent'),
  match: patternsSchema,
  except: patternsSchema.optional(),
});

export type PhraseOptions = z.infer<typeof phraseOptions>;
