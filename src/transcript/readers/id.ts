import { basename } from 'node:path';
import { stem } from '../extension.js';

/** The declared id when there is one, else the file name without its extension. */
export function conversationId(declared: unknown, path: string): string {
  if (typeof declared === 'string' && declared.trim()) return declared.trim();
  if (typeof declared === 'number') return String(declared);
  return stem(basename(path));
}
