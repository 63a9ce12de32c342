import { z } from 'zod';
import { SEVERITIES } from '../rules/types.js';
import { ROLES } from '../transcript/model.js';

const level = z.enum(['off', ...SEVERITIES]);
/** `off`, a severity, or an object: `severity` plus any of the rule kind's options (replacing the pack's). */
const ruleSettingSchema = z.union([level, z.looseObject({ severity: level.optional() })]);
const ruleId = z.string().regex(/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/, 'rule ids look like "<pack>/<name>"');
const ruleSettings = z.record(ruleId, ruleSettingSchema);

const jargonEntry = z.strictObject({ term: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]), plain: z.string().min(1) });

/** callcoach.config.yaml: which packs run, how their rules are set, the company's words, roles, scoring and gates. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  extends: z
    .array(z.string().min(1))
    .default([])
    .describe(
      'Configs to build on (config files, or directories or npm packages holding one), or packs to add to the ones that run (bundled pack names, pack files, directories or npm packages of packs).',
    ),
  packs: z
    .array(z.string().min(1))
    .optional()
    .describe(
      'The packs that run: bundled pack names, pack files or directories (relative to this file), npm packages. Default: every bundled pack.',
    ),
  rules: ruleSettings
    .default({})
    .describe(
      "Rule settings by id: off, info, warning, error, or an object with severity and options of the rule kind that replace the pack's.",
    ),
  overrides: z
    .array(z.strictObject({ files: z.array(z.string().min(1)).min(1), rules: ruleSettings }))
    .default([])
    .describe('Rule settings for some files only: gitignore-style globs relative to this file. Later overrides win.'),
  glossary: z
    .strictObject({
      /** The company's own names and products: never jargon. */
      company: z.array(z.string().min(1)).default([]),
      /** More jargon, with the plain words to use instead; added to every terms rule. */
      jargon: z.array(jargonEntry).default([]),
    })
    .default({ company: [], jargon: [] })
    .describe("The company's own words (never jargon) and extra jargon with plain alternatives, for every jargon rule."),
  roles: z
    .record(z.string(), z.enum(ROLES))
    .default({})
    .describe('Speaker label to role, for every transcript (a .roles.yaml sidecar or --roles wins).'),
  scorecard: z
    .strictObject({
      /** Weight of each step (1–7) in the overall score; unlisted steps weigh 1. */
      weights: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.number().min(0)).optional(),
      /** A conversation scoring at least this passes. */
      passMark: z.number().min(0).max(100).optional(),
    })
    .default({}),
  suppress: z
    .array(
      z.strictObject({
        files: z.array(z.string().min(1)).min(1),
        rule: ruleId,
        reason: z.string().trim().min(1, 'a suppression needs a reason'),
        turn: z.number().int().min(1).optional(),
        conversation: z.string().min(1).optional(),
      }),
    )
    .default([])
    .describe(
      'Rules turned off, with a reason, for matching transcripts (gitignore-style globs relative to this file), a conversation or a turn; reported as suppressed.',
    ),
  gates: z
    .strictObject({
      failOn: z.enum(SEVERITIES).optional(),
      maxWarnings: z.number().int().min(0).optional(),
      failUnder: z.number().min(0).max(100).optional(),
      maxUnjudged: z
        .union([z.number().int().min(0), z.string().regex(/^\d+(\.\d+)?%$/, 'a share is written like "10%"')])
        .optional()
        .describe('More unjudged conversations (roles undecided, too short, empty) than this count or share ("10%") fail the run.'),
    })
    .default({})
    .describe('Defaults for the exit-code gates --fail-on, --max-warnings, --fail-under and --max-unjudged (the command line wins).'),
});

export type ConfigDocument = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
