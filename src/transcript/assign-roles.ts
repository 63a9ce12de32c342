import { inferRoles } from './infer-roles.js';
import type { AssignableRole, Conversation, RoleAssignment } from './model.js';

const TRANSCRIPT: RoleAssignment = { source: 'transcript', confidence: 1, reason: "the transcript names each speaker's role" };

/**
 * Settles every speaker's role: given roles (--roles, a sidecar) win over what the transcript says;
 * speakers still unknown are inferred from what they say, or left unknown (and reported) when unclear.
 */
export function assignRoles(conversation: Conversation, given?: ReadonlyMap<string, AssignableRole>): Conversation {
  let roleOf = new Map(conversation.speakers.map((s) => [s.label, s.role]));
  let assignment = TRANSCRIPT;
  if (given && given.size > 0) {
    const matched = conversation.speakers.filter((s) => given.has(s.label.toLowerCase()));
    for (const s of matched) roleOf.set(s.label, given.get(s.label.toLowerCase())!);
    if (matched.length > 0) assignment = { source: 'given', confidence: 1, reason: `given for ${matched.map((s) => s.label).join(', ')}` };
  }
  const settled = withRoles(conversation, roleOf, assignment);
  if (!settled.speakers.some((s) => s.role === 'unknown')) return settled;

  const inferred = inferRoles(settled);
  roleOf = new Map(settled.speakers.map((s) => [s.label, inferred.roles.get(s.label) ?? s.role]));
  return withRoles(settled, roleOf, inferred.assignment);
}

function withRoles(
  c: Conversation,
  roleOf: ReadonlyMap<string, Conversation['speakers'][number]['role']>,
  roles: RoleAssignment,
): Conversation {
  return {
    ...c,
    speakers: c.speakers.map((s) => ({ ...s, role: roleOf.get(s.label)! })),
    turns: c.turns.map((t) => (t.role === roleOf.get(t.speaker) ? t : { ...t, role: roleOf.get(t.speaker)! })),
    roles,
  };
}

/** Parses `spk_0=agent,spk_1=customer` (labels are matched case-insensitively). */
export function parseRoleMap(text: string): Map<string, AssignableRole> {
  const roles = new Map<string, AssignableRole>();
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(.+?)\s*[=:]\s*(agent|customer|other)$/i.exec(part);
    if (!m) throw new Error(`cannot read '${part}': expected LABEL=agent|customer|other, e.g. spk_0=agent,spk_1=customer`);
    roles.set(m[1]!.toLowerCase(), m[2]!.toLowerCase() as AssignableRole);
  }
  return roles;
}
