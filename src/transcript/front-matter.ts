import { parseDocument, yamlValue } from '../util/yaml.js';
import { firstYamlError } from '../util/yaml-error.js';
import { ReadError } from './errors.js';
import type { AssignableRole } from './model.js';
import { isRole } from './roles.js';

interface FrontMatter {
  metadata: Record<string, unknown>;
  /** Declared roles keyed by lower-cased label. */
  roles: Map<string, AssignableRole>;
  /** Number of lines the front matter occupies, fences included (0 when absent). */
  lineCount: number;
}

const FENCE = /^---\s*$/;
const CLOSE = /^(?:---|\.\.\.)\s*$/;

/** Reads optional YAML front matter between `---` fences at the top of `lines`. */
export function readFrontMatter(lines: readonly string[]): FrontMatter {
  const none: FrontMatter = { metadata: {}, roles: new Map(), lineCount: 0 };
  if (lines.length === 0 || !FENCE.test(lines[0]!)) return none;
  const close = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
  if (close < 0) throw new ReadError("front matter opened with '---' on line 1 is never closed (expected a closing '---' line)", 1, 1);

  const doc = parseDocument(lines.slice(1, close).join('\n'));
  const problem = firstYamlError(doc);
  if (problem) throw new ReadError(`invalid YAML front matter: ${problem.message}`, problem.line + 1, problem.column);
  const read = yamlValue(doc);
  if ('error' in read) throw new ReadError(`invalid YAML front matter: ${read.error}`, 2, 1);
  const value = read.value;
  if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
    throw new ReadError('front matter must be a mapping of keys (id, agent, roles, …)', 2, 1);
  }
  const metadata = (value ?? {}) as Record<string, unknown>;
  return { metadata, roles: declaredRoles(metadata.roles, lines, close), lineCount: close + 1 };
}

function declaredRoles(value: unknown, lines: readonly string[], close: number): Map<string, AssignableRole> {
  const roles = new Map<string, AssignableRole>();
  if (value === undefined || value === null) return roles;
  const where = Math.max(1, lines.slice(0, close).findIndex((l) => /^\s*roles\s*:/.test(l)) + 1);
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ReadError('`roles` must map speaker labels to agent, customer or other, e.g. {Sam: agent, Jo: customer}', where, 1);
  }
  for (const [label, role] of Object.entries(value)) {
    if (!isRole(role)) {
      throw new ReadError(`role of '${label}' is ${JSON.stringify(role)}; expected agent, customer or other`, where, 1);
    }
    roles.set(label.trim().toLowerCase(), role);
  }
  return roles;
}
