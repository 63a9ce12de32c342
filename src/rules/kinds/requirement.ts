import type { Turn } from '../../transcript/model.js';
import type { TurnMatchOptions } from '../schema/turn-match.js';
import type { CompileContext } from '../types.js';
import { defineKind } from './kind.js';
import { compileTurnMatch, rolesOf, type TurnMatcher } from './turn-match.js';

type Condition = TurnMatchOptions & { last?: number };

interface CompiledCondition {
  matcher: TurnMatcher;
  last?: number;
}

function compileCondition(c: Condition, ctx: CompileContext, at: (string | number)[]): CompiledCondition {
  const { last, ...turnMatch } = c;
  return { matcher: compileTurnMatch(turnMatch, ctx, at), ...(last !== undefined && { last }) };
}

/** Index of the first turn from `from` that meets the condition, or -1. */
function firstMet(turns: readonly Turn[], c: CompiledCondition, from = 0): number {
  let start = from;
  if (c.last !== undefined) {
    let seen = 0;
    for (let i = turns.length - 1; i >= 0; i--) {
      if (c.matcher.roles.has(turns[i]!.role) && ++seen === c.last) {
        start = Math.max(start, i);
        break;
      }
    }
  }
  for (let i = start; i < turns.length; i++) if (c.matcher.find(turns[i]!)) return i;
  return -1;
}

/**
 * The turns that met the first alternative met in full, or undefined. Alternatives are tried in order
 * and each stops at its first unmet condition: a costly one (a time-expression parse) runs only when needed.
 */
function firstAlternativeMet(turns: readonly Turn[], alternatives: readonly CompiledCondition[][], from: number): number[] | undefined {
  for (const all of alternatives) {
    const at: number[] = [];
    for (const c of all) {
      const i = firstMet(turns, c, from);
      if (i < 0) break;
      at.push(i);
    }
    if (at.length === all.length) return at;
  }
  return undefined;
}

/** A conversation-level requirement that holds only under a condition (something pending → a timeframe). */
export const requirementKind = defineKind({
  name: 'requirement',
  options: ({ z, speaker, turnMatch }) => {
    const condition = turnMatch.extend({
      /** Only the speaker's last N turns count (e.g. "the call ends with a hand-off"). */
      last: z.number().int().min(1).max(50).optional(),
    });
    const alternative = z.union([condition, z.strictObject({ all: z.array(condition).min(1) })]);
    return z.strictObject({
      /** The requirement applies when any of these holds. */
      when: z.array(condition).min(1),
      /** …unless any of these holds. */
      unless: z.array(condition).min(1).optional(),
      /** Any one alternative satisfies it; `all:` joins conditions that must all hold. Looked for from the first `when` turn on. */
      require: z.array(alternative).min(1),
      /** The finding goes on this speaker's last turn (conversation-level findings) or on the turn that made it apply. */
      report: z.enum(['last-turn', 'condition']).default('last-turn'),
      reportSpeaker: speaker.default('agent'),
    });
  },
  compile(options, ctx) {
    const when = options.when.map((c, i) => compileCondition(c, ctx, ['when', i]));
    const unless = (options.unless ?? []).map((c, i) => compileCondition(c, ctx, ['unless', i]));
    const require = options.require.map((alt, i) =>
      'all' in alt
        ? alt.all.map((c, j) => compileCondition(c, ctx, ['require', i, 'all', j]))
        : [compileCondition(alt, ctx, ['require', i])],
    );
    const reporters = rolesOf(options.reportSpeaker);

    return ({ turns }) => {
      const starts = when.map((c) => firstMet(turns, c)).filter((i) => i >= 0);
      if (starts.length === 0 || unless.some((c) => firstMet(turns, c) >= 0)) return { applicable: false, hits: [] };
      const from = Math.min(...starts);
      // The turns that met the first alternative met in full: the evidence of a pass.
      const met = firstAlternativeMet(turns, require, from);
      if (met) return { applicable: true, hits: [], handled: met.map((i) => ({ turn: turns[i]! })) };
      const at = options.report === 'condition' ? turns[from] : turns.findLast((t) => reporters.has(t.role));
      return { applicable: true, hits: at ? [{ turn: at }] : [] };
    };
  },
});
