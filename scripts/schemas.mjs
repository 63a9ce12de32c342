// Writes schemas/*.schema.json from the built zod schemas (npm run schemas, after npm run build).
import { mkdirSync, writeFileSync } from 'node:fs';
import { configJsonSchema, packJsonSchema } from '../dist/schemas.js';

const dir = new URL('../schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of [
  ['pack', packJsonSchema()],
  ['config', configJsonSchema()],
]) {
  writeFileSync(new URL(`${name}.schema.json`, dir), `${JSON.stringify(schema, null, 2)}\n`);
}
