import { z } from 'zod';
import { patternsSchema, speakerSchema } from './turn-match.js';

const entrySchema = z
  .object({
    /** The term and its variants, as phrase patterns; an all-capitals word ("RMA") matches only in capitals. */
    term: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    /** What to say instead. */
    plain: z.string().min(1),
  })
  .strict();

export const termsOptions = z.strictObject({
  speaker: speakerSchema.default('agent'),
  /** A term is fine once one of these speakers has used it (mirroring the customer's own words). */
  mirroredBy: speakerSchema.default('customer'),
  terms: z.array(entrySchema).default([]),
  /** Flag any unlisted acronym (two to six capitals) that is not everyday language. */
  acronyms: z
    .object({
      allow: z.array(z.string().min(1)).default([]),
      plain: z.string().default('the words the letters stand for'),
    })
    .strict()
    .optional(),
  /** A term followed within `explainWindow` words by one of these is explained inline ("an RMA, that's a return label"). */
  explainers: patternsSchema.optional(),
  /** A term right after one of these is being introduced ("what we call the RMA"). */
  introducers: patternsSchema.optional(),
  explainWindow: z.number().int().min(1).max(30).default(6),
  /** Words that are never jargon here (a company's own names and products): a term inside one is not flagged. */
  ignore: z.array(z.string().min(1)).default([]),
});

export type TermsOptions = z.infer<typeof termsOptions>;
