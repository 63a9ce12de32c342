import type { Document } from 'yaml';

/** The first parse error of a YAML document, located and without the parser's own "at line …" suffix. */
export function firstYamlError(doc: Document): { message: string; line: number; column: number } | undefined {
  const error = doc.errors[0];
  if (!error) return undefined;
  const pos = error.linePos?.[0];
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return { message, line: pos?.line ?? 1, column: pos?.col ?? 1 };
}
