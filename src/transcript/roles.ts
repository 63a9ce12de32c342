import type { AssignableRole, Role } from './model.js';
import { ROLES } from './model.js';

// Labels transcripts commonly use for each side when no `roles:` map names the speakers.
const DEFAULT_LABELS: Record<string, AssignableRole> = {
  agent: 'agent',
  rep: 'agent',
  representative: 'agent',
  'customer service': 'agent',
  'customer service rep': 'agent',
  'service rep': 'agent',
  'support agent': 'agent',
  advisor: 'agent',
  adviser: 'agent',
  associate: 'agent',
  operator: 'agent',
  csr: 'agent',
  staff: 'agent',
  support: 'agent',
  specialist: 'agent',
  consultant: 'agent',
  customer: 'customer',
  caller: 'customer',
  client: 'customer',
  member: 'customer',
  patient: 'customer',
  guest: 'customer',
  user: 'customer',
  subscriber: 'customer',
  policyholder: 'customer',
  passenger: 'customer',
};

export function defaultRole(label: string): AssignableRole | undefined {
  return DEFAULT_LABELS[label.trim().toLowerCase()];
}

export function isRole(value: unknown): value is AssignableRole {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Resolves a speaker label: a declared role wins (case-insensitively), then the usual synonyms.
 * Anything else ("Sam", "spk_0") is unknown until given or inferred: guessing silently would mislabel findings.
 */
export function roleFor(label: string, declared: ReadonlyMap<string, AssignableRole> = new Map()): Role {
  return declared.get(label.trim().toLowerCase()) ?? defaultRole(label) ?? 'unknown';
}
