import type { RuleKind } from './kind.js';
import * as registered from './registered.js';

/** Every rule kind, by the name packs use in `kind:` (in name order, as a module namespace lists them). */
export const KINDS: Readonly<Record<string, RuleKind>> = Object.fromEntries(
  Object.values(registered).map((k) => [k.name, k as unknown as RuleKind]),
);
