import type { RuleKind } from '../types.js';
import { holdKind } from './hold.js';
import { interruptionKind } from './interruption.js';
import { metricKind } from './metric.js';
import { phraseKind } from './phrase.js';
import { requirementKind } from './requirement.js';
import { responseKind } from './response.js';
import { termsKind } from './terms.js';

/** Every rule kind, by the name packs use in `kind:`. Their option schemas live in ../schema (loaded only to validate). */
export const KINDS: Readonly<Record<string, RuleKind<never>>> = {
  phrase: phraseKind as RuleKind<never>,
  terms: termsKind as RuleKind<never>,
  response: responseKind as RuleKind<never>,
  requirement: requirementKind as RuleKind<never>,
  interruption: interruptionKind as RuleKind<never>,
  metric: metricKind as RuleKind<never>,
  hold: holdKind as RuleKind<never>,
};
