import { parseDocument, yamlValue } from '../util/yaml.js';
import { firstYamlError } from '../util/yaml-error.js';
import { excerpt, type LocatedError } from './errors.js';
import type { AssignableRole } from './model.js';
import { isRole } from './roles.js';

/** Where a transcript's roles sidecar would be: `call-17.json` → `call-17.roles.yaml` (or `.yml`). */
export function sidecarPaths(path: string): string[] {
  const stem = path.replace(/\.[^./\\]+$/, '');
  return [`${stem}.roles.yaml`, `${stem}.roles.yml`];
}

/** Reads `{spk_0: agent, spk_1: customer}` (optionally under `roles:`); labels are matched case-insensitively. */
export function parseRolesSidecar(text: string): Map<string, AssignableRole> | LocatedError {
  const doc = parseDocument(text);
  const bad = firstYamlError(doc);
  if (bad) return { message: `invalid YAML: ${bad.message}`, line: bad.line, column: bad.column };
  const read = yamlValue(doc);
  if ('error' in read) return { message: `invalid YAML: ${read.error}`, line: 1, column: 1 };
  const value = read.value;
  const map = value && typeof value === 'object' && 'roles' in value ? (value as { roles: unknown }).roles : value;
  if (!map || typeof map !== 'object' || Array.isArray(map))
    return { message: 'expected a mapping of speaker labels to roles, e.g. {spk_0: agent, spk_1: customer}', line: 1, column: 1 };
  const roles = new Map<string, AssignableRole>();
  for (const [label, role] of Object.entries(map)) {
    if (!isRole(role)) {
      const line = text.split(/\r?\n/).findIndex((l) => l.includes(label)) + 1;
      return {
        message: `role of '${excerpt(label)}' is ${excerpt(JSON.stringify(role) ?? String(role))}; expected agent, customer or other`,
        line: Math.max(1, line),
        column: 1,
      };
    }
    roles.set(label.toLowerCase(), role);
  }
  return roles;
}
