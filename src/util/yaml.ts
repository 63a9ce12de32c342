import { createRequire } from 'node:module';
import type { Document } from 'yaml';

// The YAML parser costs start-up time; it is loaded (synchronously) only when there is YAML to read or write.
const require = createRequire(import.meta.url);
let loaded: typeof import('yaml') | undefined;

/** The yaml package, loaded on first use. */
export const yaml = (): typeof import('yaml') => (loaded ??= require('yaml') as typeof import('yaml'));

export const parseDocument: (typeof import('yaml'))['parseDocument'] = (...args: Parameters<(typeof import('yaml'))['parseDocument']>) =>
  yaml().parseDocument(...args);

export type { Document };

/**
 * A document's value, or why it has none: aliases that expand past the parser's limit (a "billion
 * laughs" bomb) make toJS throw, and that is a problem of the file, not a crash.
 */
export function yamlValue(doc: Document): { value: unknown } | { error: string } {
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
