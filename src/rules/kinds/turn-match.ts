import { z } from 'zod';
import type { PhraseMatch, PhraseSet } from '../../text/phrase.js';
import { viewOf } from '../../text/view.js';
import type { AssignableRole, Role, Turn } from '../../transcript/model.js';
import { ROLES } from '../../transcript/model.js';
import type { CompileContext } from '../types.js';

const role = z.enum(ROLES as [AssignableRole, ...AssignableRole[]]);
export const speakerSchema = z.union([role, z.array(role).min(1)]);
export const patternsSchema = z.array(z.string().min(1)).min(1);

/** "A turn by these speakers that says one of these phrases", the building block of most rule kinds. */
export const turnMatchSchema = z
  .object({
    speaker: speakerSchema.default('agent'),
    /** Phrase patterns; omitted means any turn by the speaker. */
    match: patternsSchema.optional(),
    /** A match is void when one of these phrases occurs in the same sentence. */
    except: patternsSchema.optional(),
  })
  .strict();

export type TurnMatchOptions = z.infer<typeof turnMatchSchema>;

export interface TurnMatcher {
  roles: ReadonlySet<Role>;
  /** The first match in the turn that no exception voids; `{first: 0, last: -1}` when any turn by the speaker counts. */
  find(turn: Turn): PhraseMatch | undefined;
}

const WHOLE_TURN: PhraseMatch = { first: 0, last: -1 };

export function rolesOf(speaker: Role | Role[]): ReadonlySet<Role> {
  return new Set(Array.isArray(speaker) ? speaker : [speaker]);
}

export function compileTurnMatch(options: TurnMatchOptions, ctx: CompileContext, at: readonly (string | number)[]): TurnMatcher {
  const roles = rolesOf(options.speaker);
  const match: PhraseSet | undefined = options.match && ctx.phrases(options.match, [...at, 'match']);
  const except: PhraseSet | undefined = options.except && ctx.phrases(options.except, [...at, 'except']);
  return {
    roles,
    find(turn) {
      if (!roles.has(turn.role)) return undefined;
      if (!match) return WHOLE_TURN;
      const view = viewOf(turn);
      const found = match.matches(view);
      if (found.length === 0) return undefined;
      if (!except) return found[0];
      const voided = new Set(except.matches(view).map((m) => view.sentences[m.first]));
      return found.find((m) => !voided.has(view.sentences[m.first]));
    },
  };
}
