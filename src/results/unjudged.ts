import type { FileResult } from './model.js';

/** Why a conversation was read but could not be judged. */
export type UnjudgedReason = 'empty' | 'too-short' | 'roles-undecided';

/** How many conversations were read but not judged, in all and by reason. */
export interface UnjudgedCounts {
  total: number;
  empty: number;
  tooShort: number;
  rolesUndecided: number;
}

export const noUnjudged = (): UnjudgedCounts => ({ total: 0, empty: 0, tooShort: 0, rolesUndecided: 0 });

const FIELD: Record<UnjudgedReason, Exclude<keyof UnjudgedCounts, 'total'>> = {
  empty: 'empty',
  'too-short': 'tooShort',
  'roles-undecided': 'rolesUndecided',
};

/**
 * The one place that decides whether a read conversation went unjudged (the summary, the
 * --max-unjudged gate and the reports all ask here). Today only undecided roles leave a conversation
 * unjudged: every role-dependent rule is skipped and every step is n/a.
 */
export function unjudgedReason(file: FileResult): UnjudgedReason | null {
  if (!file.conversation) return null;
  return file.conversation.roles.source === 'undecided' ? 'roles-undecided' : null;
}

export function countUnjudged(counts: UnjudgedCounts, reason: UnjudgedReason | null): void {
  if (!reason) return;
  counts.total++;
  counts[FIELD[reason]]++;
}
