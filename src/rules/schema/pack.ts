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
  /** The customer portrait expected (null: none); unchecked when absent. */
  portrait: z.string().nullable().optional(),
  /** The scorecard status the rule's step should get (for rules that count as evidence, not findings). */
  stepStatus: z.enum(['pass', 'fail', 'n/a']).optional(),
  /** A known gap: shown, but not failing the run. */
  todo: z.string().optional(),
});

/** A customer portrait's name ("aggressive", "high-roller", or a team's own). */
export const portraitNameSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'portrait names are lower-case words joined by hyphens');

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
  /** The tip to give instead of `tip` when the customer has this portrait. */
  tips: z.record(portraitNameSchema, z.string().min(1)).optional(),
  /** The severity instead of `severity` when the customer has this portrait (denying the problem to an aggressive customer is worse). */
  severities: z.record(portraitNameSchema, z.enum(SEVERITIES)).optional(),
  /** The rule judges only conversations whose customer has one of these portraits. */
  portraits: z.array(portraitNameSchema).min(1).optional(),
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
