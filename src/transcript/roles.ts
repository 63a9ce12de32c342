import type { Role } from './model.js';
import { ROLES } from './model.js';

// Labels transcripts commonly use for each side when no `roles:` map names the speakers.
const DEFAULT_LABELS: Record<string, Role> = {
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

export function defaultRole(label: string): Role | undefined {
  return DEFAULT_LABELS[label.trim().toLowerCase()];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Resolves a speaker label: a declared role wins (case-insensitively), then the usual synonyms.
 * Undeclared, unknown labels are third parties: guessing a side silently would mislabel findings.
 */
export function roleFor(label: string, declared: ReadonlyMap<string, Role>): Role {
  return declared.get(label.trim().toLowerCase()) ?? defaultRole(label) ?? 'other';
}
