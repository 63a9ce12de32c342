import { createRequire } from 'node:module';
import type { Document, parseDocument as ParseDocument } from 'yaml';

// The YAML parser costs start-up time; it is loaded (synchronously) only when there is YAML to read.
const require = createRequire(import.meta.url);

export const parseDocument: typeof ParseDocument = (...args: Parameters<typeof ParseDocument>) =>
  (require('yaml') as { parseDocument: typeof ParseDocument }).parseDocument(...args);

export type { Document };
