import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_NAMES = ['callcoach.config.yaml', 'callcoach.config.yml'];

/** callcoach.config.yaml in `cwd` or the nearest directory above it (kept apart so a run without one loads no config code). */
export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = CONFIG_NAMES.map((n) => join(dir, n)).find(existsSync);
    if (found) return found;
    if (dirname(dir) === dir) return undefined;
  }
}
