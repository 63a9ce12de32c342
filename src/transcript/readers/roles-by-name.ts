import type { AssignableRole } from '../model.js';

// How vendors name the sides of a contact; anything not listed is a third party.
const VENDOR_ROLES: Record<string, AssignableRole> = {
  agent: 'agent',
  human_agent: 'agent',
  automated_agent: 'agent',
  any_agent: 'agent',
  custom_bot: 'agent',
  bot: 'agent',
  internal: 'agent',
  user: 'agent',
  customer: 'customer',
  end_user: 'customer',
  external: 'customer',
  caller: 'customer',
};

/** Maps a vendor's participant role ("AGENT", "END_USER", Genesys "internal"/"external") to ours. */
export function vendorRole(name: unknown): AssignableRole {
  return typeof name === 'string' ? (VENDOR_ROLES[name.trim().toLowerCase()] ?? 'other') : 'other';
}
