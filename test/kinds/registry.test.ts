import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../dist/rules/kinds/index.js';
import { kindOptions } from '../../dist/rules/schema/kinds.js';

const dir = new URL('../../dist/rules/kinds/', import.meta.url);
const isKind = (v: unknown): v is { name: string; options: unknown; compile: unknown } =>
  typeof v === 'object' &&
  v !== null &&
  'name' in v &&
  typeof (v as { options?: unknown }).options === 'function' &&
  typeof (v as { compile?: unknown }).compile === 'function';

describe('rule kinds', () => {
  it('are each declared in one file and registered once, with both an options schema and a compiler', async () => {
    const declared = new Map<string, unknown>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'index.js' && f !== 'registered.js')) {
      for (const value of Object.values(await import(new URL(file, dir).href))) if (isKind(value)) declared.set(value.name, value);
    }
    expect([...declared.keys()].sort()).toEqual(Object.keys(KINDS).sort());
    for (const [name, kind] of Object.entries(KINDS)) {
      expect(kind).toBe(declared.get(name));
      expect(kindOptions().get(name)).toBeDefined();
    }
  });
});

describe("the README's rule kind walk-through", () => {
  it('shows the phrase kind exactly as it is written', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').split('## Writing a rule kind')[1]!;
    const shown = /```ts\n([\s\S]*?)```/.exec(readme)![1];
    expect(shown).toBe(readFileSync(new URL('../../src/rules/kinds/phrase.ts', import.meta.url), 'utf8'));
    expect(readme).toContain("export { phraseKind } from './phrase.js';");
    expect(readFileSync(new URL('../../src/rules/kinds/registered.ts', import.meta.url), 'utf8')).toContain(
      "export { phraseKind } from './phrase.js';",
    );
  });
});
