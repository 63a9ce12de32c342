import type { z } from 'zod';
import { holdOptions } from './hold.js';
import { interruptionOptions } from './interruption.js';
import { metricOptions } from './metric.js';
import { phraseOptions } from './phrase.js';
import { requirementOptions } from './requirement.js';
import { responseOptions } from './response.js';
import { termsOptions } from './terms.js';

/** Each rule kind's own fields; the loader merges them with the fields every rule has. */
export const KIND_OPTIONS: Readonly<Record<string, z.ZodType>> = {
  phrase: phraseOptions,
  terms: termsOptions,
  response: responseOptions,
  requirement: requirementOptions,
  interruption: interruptionOptions,
  metric: metricOptions,
  hold: holdOptions,
};
