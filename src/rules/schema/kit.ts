import { z } from 'zod';
import { portraitNameSchema } from './pack.js';
import { needsPhrases, patternsSchema, phraseMatchSchema, regexesSchema, speakerSchema, turnMatchSchema } from './turn-match.js';

/**
 * What a rule kind builds its options schema from: zod and the shapes many kinds share. Kinds receive
 * it when a pack is validated, so a run from the prebuilt snapshot never loads zod.
 */
export const schemaKit = {
  z,
  speaker: speakerSchema,
  patterns: patternsSchema,
  regexes: regexesSchema,
  turnMatch: turnMatchSchema,
  phraseMatch: phraseMatchSchema,
  needsPhrases,
  portraitName: portraitNameSchema,
};

export type SchemaKit = typeof schemaKit;
