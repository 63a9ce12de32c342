import { readFileSync } from 'node:fs';
import type { PackProblem } from '../rules/problems.js';

/**
 * `file:line:col: message`, then the offending line with a caret under the column, as compilers
 * print them: a config or pack mistake is found by looking, not by counting lines.
 */
export function formatProblem(p: PackProblem): string {
  const head = `${p.file}:${p.line}:${p.column}: ${p.message}`;
  // Only a YAML file's own line is shown: a path that names another file (`extends: [/etc/passwd]`)
  // must not have its content printed.
  if (!/\.ya?ml$/i.test(p.file)) return head;
  let text: string;
  try {
    text = readFileSync(p.file, 'utf8');
  } catch {
    return head;
  }
  const line = text.split(/\r?\n/)[p.line - 1];
  if (line === undefined || line.trim() === '') return head;
  const clipped = line.length > 160 ? `${line.slice(0, 157)}...` : line;
  const shown = clipped.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
  const pad = shown.slice(0, Math.min(p.column - 1, shown.length)).replace(/[^\t]/g, ' ');
  return `${head}\n  ${shown}\n  ${pad}^`;
}
