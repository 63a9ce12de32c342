import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `import natural from 'natural'` takes over a second, loads database clients, reads ./.env and
// prints to stdout (corrupting JSON output). Only deep imports of single modules are allowed.
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('natural', () => {
  it('is only imported by deep path', () => {
    const offenders = sources('src').filter((file) =>
      /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]natural['"]/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
    const deep = sources('src').filter((file) => readFileSync(file, 'utf8').includes("'natural/lib/natural/"));
    expect(deep.length).toBeGreaterThan(0);
  });
});
