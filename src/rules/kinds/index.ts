import { holdKind } from './hold.js';
import { interruptionKind } from './interruption.js';
import type { RuleKind } from './kind.js';
import { metricKind } from './metric.js';
import { phraseKind } from './phrase.js';
import { requirementKind } from './requirement.js';
import { responseKind } from './response.js';
import { termsKind } from './terms.js';

/** Every rule kind, registered once, by the name packs use in `kind:`. */
export const KINDS: Readonly<Record<string, RuleKind>> = Object.fromEntries(
  [phraseKind, termsKind, responseKind, requirementKind, interruptionKind, metricKind, holdKind].map((k) => [k.name, k as unknown as RuleKind]),
);
