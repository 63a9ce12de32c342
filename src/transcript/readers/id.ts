import { basename, extname } from 'node:path';

/** The declared id when there is one, else the file name without its extension. */
export function conversationId(declared: unknown, path: string): string {
  if (typeof declared === 'string' && declared.trim()) return declared.trim();
  if (typeof declared === 'number') return String(declared);
  const base = basename(path);
  return base.slice(0, base.length - extname(base).length) || base;
}
