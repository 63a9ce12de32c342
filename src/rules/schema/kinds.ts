import type { z } from 'zod';
import { KINDS } from '../kinds/index.js';
import { schemaKit } from './kit.js';

let schemas: Map<string, z.ZodType> | undefined;

/** Each rule kind's own options schema (the fields besides those every rule has), built once. */
export function kindOptions(): ReadonlyMap<string, z.ZodType> {
  schemas ??= new Map(Object.values(KINDS).map((k) => [k.name, k.options(schemaKit)]));
  return schemas;
}
