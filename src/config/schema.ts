import { z } from 'zod';
import { SEVERITIES } from '../rules/types.js';
import { ROLES } from '../transcript/model.js';

const level = z.enum(['off', ...SEVERITIES]);
/** `off`, a severity, or an object: `severity` plus any of the rule kind's options (replacing the pack's). */
export const ruleSettingSchema = z.union([level, z.looseObject({ severity: level.optional() })]);
const ruleSettings = z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/, 'rule ids look like "<pack>/<name>"'), ruleSettingSchema);

const jargonEntry = z.strictObject({ term: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]), plain: z.string().min(1) });

/** callcoach.config.yaml: which packs run, how their rules are set, the company's words, roles, scoring and gates. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Other configs merged first: relative paths, or npm packages that ship a callcoach.config.yaml. */
  extends: z.array(z.string().min(1)).default([]),
  /** Packs to run: bundled pack names, pack files or directories (relative to this file), npm packages. Default: all bundled packs. */
  packs: z.array(z.string().min(1)).optional(),
  rules: ruleSettings.default({}),
  /** Settings for some files only: gitignore-style globs relative to this file. Later overrides win. */
  overrides: z.array(z.strictObject({ files: z.array(z.string().min(1)).min(1), rules: ruleSettings })).default([]),
  glossary: z
    .strictObject({
      /** The company's own names and products: never jargon. */
      company: z.array(z.string().min(1)).default([]),
      /** More jargon, with the plain words to use instead; added to every terms rule. */
      jargon: z.array(jargonEntry).default([]),
    })
    .default({ company: [], jargon: [] }),
  /** Speaker label → role, for every transcript (a sidecar or --roles wins). */
  roles: z.record(z.string(), z.enum(ROLES)).default({}),
  scorecard: z
    .strictObject({
      /** Weight of each step (1–7) in the overall score; unlisted steps weigh 1. */
      weights: z.record(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.number().min(0)).optional(),
      /** A conversation scoring at least this passes. */
      passMark: z.number().min(0).max(100).optional(),
    })
    .default({}),
  /** Defaults for the command-line gates (the command line wins). */
  gates: z
    .strictObject({ failOn: z.enum(SEVERITIES).optional(), maxWarnings: z.number().int().min(0).optional(), failUnder: z.number().min(0).max(100).optional() })
    .default({}),
});

export type ConfigDocument = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
