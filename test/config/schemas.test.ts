import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, packJsonSchema } from '../../dist/schemas.js';
import { bundledPackFiles } from '../../dist/rules/load.js';

const committed = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8')) as unknown;

describe('shipped JSON Schemas', () => {
  it('are up to date with the zod schemas (regenerate with npm run schemas)', () => {
    expect(committed('pack')).toEqual(packJsonSchema());
    expect(committed('config')).toEqual(configJsonSchema());
  });

  it('accept every bundled pack, and each bundled pack points editors at the schema', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(committed('pack') as object);
    for (const file of bundledPackFiles()) {
      const text = readFileSync(file, 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/pack.schema.json');
      expect(validate(parse(text)), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('reject what the loader rejects: an unknown rule kind, a misspelt option', () => {
    const validate = new Ajv2020({ strict: false }).compile(committed('pack') as object);
    const rule = { id: 'acme/x', kind: 'phrase', step: 3, severity: 'warning', message: 'm', tip: 't', match: ['hello'] };
    expect(validate({ pack: 'acme', description: 'd', source: 's', rules: [rule] })).toBe(true);
    expect(validate({ pack: 'acme', description: 'd', source: 's', rules: [{ ...rule, kind: 'phrse' }] })).toBe(false);
    expect(validate({ pack: 'acme', description: 'd', source: 's', rules: [{ ...rule, mach: ['hello'] }] })).toBe(false);
    const config = new Ajv2020({ strict: false }).compile(committed('config') as object);
    expect(config({ rules: { 'jargon/unexplained-term': 'warning' }, scorecard: { weights: { 1: 2 }, passMark: 80 } })).toBe(true);
    expect(config({ rulez: {} })).toBe(false);
  });
});
