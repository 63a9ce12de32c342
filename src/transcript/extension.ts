import { extname } from 'node:path';

/** A transcript's extension, lower case, looking through a `.gz` (`calls.jsonl.gz` is `.jsonl`). */
export function transcriptExtension(path: string): string {
  return extname(path.replace(/\.gz$/i, '')).toLowerCase();
}

/** The file name without its extension (and without `.gz`). */
export function stem(base: string): string {
  const inner = base.replace(/\.gz$/i, '');
  return inner.slice(0, inner.length - extname(inner).length) || inner;
}
