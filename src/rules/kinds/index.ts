import type { z } from 'zod';
import type { RuleKind } from '../types.js';
import { holdKind, holdOptions } from './hold.js';
import { interruptionKind, interruptionOptions } from './interruption.js';
import { metricKind, metricOptions } from './metric.js';
import { phraseKind, phraseOptions } from './phrase.js';
import { requirementKind, requirementOptions } from './requirement.js';
import { responseKind, responseOptions } from './response.js';
import { termsKind, termsOptions } from './terms.js';

export interface KindEntry {
  kind: RuleKind<never>;
  /** The kind's own rule fields; the loader merges them with the fields every rule has. */
  options: z.ZodType;
}

/** Every rule kind, by the name packs use in `kind:`. */
export const KINDS: Readonly<Record<string, KindEntry>> = {
  phrase: { kind: phraseKind as RuleKind<never>, options: phraseOptions },
  terms: { kind: termsKind as RuleKind<never>, options: termsOptions },
  response: { kind: responseKind as RuleKind<never>, options: responseOptions },
  requirement: { kind: requirementKind as RuleKind<never>, options: requirementOptions },
  interruption: { kind: interruptionKind as RuleKind<never>, options: interruptionOptions },
  metric: { kind: metricKind as RuleKind<never>, options: metricOptions },
  hold: { kind: holdKind as RuleKind<never>, options: holdOptions },
};
