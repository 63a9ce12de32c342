import { z } from 'zod';
import { CHANNELS } from '../../transcript/model.js';
import { SEVERITIES } from '../types.js';

/** An example that documents a rule and is run by `callcoach test`. */
const ruleTestSchema = z.strictObject({
  name: z.string().optional(),
  /** The transcript, in any format callcoach reads (plain text unless `format` says otherwise). */
  transcript: z.string().min(1),
  format: z.string().optional(),
  /** The findings expected: of this rule unless `rule` names another one; [] for none. */
  findings: z.array(z.strictObject({ turn: z.number().int().min(1), rule: z.string().optional() })),
  /** A known gap: shown, but not failing the run. */
  todo: z.string().optional(),
});

/** Fields every rule has, whatever its kind. */
export const ruleBaseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/, 'rule ids look like "<pack>/<name>" in lower-case words and hyphens'),
  kind: z.string(),
  step: z.number().int().min(1).max(7),
  severity: z.enum(SEVERITIES),
  message: z.string().min(1),
  tip: z.string().min(1),
  /** A longer explanation for `callcoach explain`. */
  description: z.string().optional(),
  /** What a pass of this rule means ("the agent acknowledged the customer's feelings"), for the step's reason. */
  handled: z.string().min(1).optional(),
  /** The channels the rule applies to (default: all). */
  channels: z.array(z.enum(CHANNELS)).min(1).optional(),
  tests: z.array(ruleTestSchema).default([]),
});

export const RULE_BASE_KEYS = Object.keys(ruleBaseSchema.shape);

export const packSchema = z.strictObject({
  pack: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'pack names are lower-case words joined by hyphens'),
  description: z.string().min(1),
  /** Which coaching principle the pack encodes (shown by `explain`). */
  source: z.string().min(1),
  /** Named phrase lists the pack's patterns can use as @name (and other packs as @pack.name). */
  sets: z.record(z.string().regex(/^[a-z][\w-]*$/, 'set names are lower-case words'), z.array(z.string().min(1)).min(1)).default({}),
  rules: z.array(z.unknown()).min(1),
});
