import { readFileSync } from 'node:fs';
import type { PackProblem } from '../rules/problems.js';

/**
 * `file:line:col: message`, then the offending line with a caret under the column, as compilers
 * print them: a config or pack mistake is found by looking, not by counting lines.
 */
export function formatProblem(p: PackProblem): string {
  const head = `${p.file}:${p.line}:${p.column}: ${p.message}`;
  let text: string;
  try {
    text = readFileSync(p.file, 'utf8');
  } catch {
    return head;
  }
  const line = text.split(/\r?\n/)[p.line - 1];
  if (line === undefined || line.trim() === '') return head;
  const shown = line.length > 160 ? `${line.slice(0, 157)}...` : line;
  const pad = shown.slice(0, Math.min(p.column - 1, shown.length)).replace(/[^\t]/g, ' ');
  return `${head}\n  ${shown}\n  ${pad}^`;
}
