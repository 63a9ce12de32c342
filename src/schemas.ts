import { z } from 'zod';
import { configSchema } from './config/schema.js';
import { kindOptions } from './rules/schema/kinds.js';
import { packSchema, ruleBaseSchema } from './rules/schema/pack.js';

// The JSON Schemas shipped in schemas/ for editors (yaml-language-server), generated from the zod
// schemas the loader validates with, so the two cannot drift (a test regenerates and compares).

const BASE = 'https://callcoach.dev/schemas';

/** A pack: each rule is the common fields plus exactly one kind's options, chosen by `kind`. */
export function packJsonSchema(): Record<string, unknown> {
  const rules = [...kindOptions()].map(([kind, options]) =>
    z.strictObject({ ...ruleBaseSchema.shape, kind: z.literal(kind), ...(options as z.ZodObject).shape }),
  );
  const pack = packSchema.extend({
    rules: z.array(z.discriminatedUnion('kind', rules as unknown as [z.ZodObject, ...z.ZodObject[]])).min(1),
  });
  return document('pack', 'A callcoach rule pack', pack);
}

export function configJsonSchema(): Record<string, unknown> {
  return document('config', 'callcoach.config.yaml', configSchema);
}

function document(name: string, title: string, schema: z.ZodType): Record<string, unknown> {
  // `input`: what a person writes (defaults make fields optional), not what the loader returns.
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...json, $id: `${BASE}/${name}.schema.json`, title };
}
