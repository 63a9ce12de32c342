import { overlapOf, specificsOf } from '../../text/specifics.js';
import { viewOf } from '../../text/view.js';
import type { Turn } from '../../transcript/model.js';
import type { Hit } from '../types.js';
import { defineKind } from './kind.js';
import { compileTurnMatch, rolesOf } from './turn-match.js';

/**
 * "The first X comes before any Y": the first turn that does X (asks for an account number) is a
 * finding unless an earlier turn, or the same turn before X, did one of the Y (asked an open question,
 * responded to what the other side said). A Y can also be, or require, an echo: giving back at least
 * `echoes` specifics (content words, numbers) of what the other side has said so far.
 */
export const orderKind = defineKind({
  name: 'order',
  options: ({ z, speaker, turnMatch }) =>
    z.strictObject({
      /** X: the move that should not come first. Only its first occurrence is judged. */
      first: turnMatch,
      /** Y: any one of these, earlier, makes X fine. */
      before: z
        .array(
          turnMatch.extend({
            /** The turn repeats this many specifics of what the other side has said (and says the phrases, if any are given). */
            echoes: z.number().int().min(1).max(20).optional(),
          }),
        )
        .min(1),
      /** Whose turns an echo gives back. */
      echoOf: speaker.default('customer'),
    }),
  compile(options, ctx) {
    const first = compileTurnMatch(options.first, ctx, ['first']);
    const before = options.before.map((c, i) => {
      const { echoes, ...match } = c;
      const phrases = match.match || match.regex ? compileTurnMatch(match, ctx, ['before', i]) : undefined;
      return { echoes, roles: rolesOf(match.speaker), phrases };
    });
    const echoOf = rolesOf(options.echoOf);

    /** Whether the turn does a Y before token `limit` (the X, when the turn holds one). */
    const doesY = (turn: Turn, said: ReadonlySet<string>, limit: number): boolean =>
      before.some((c) => {
        if (!c.roles.has(turn.role)) return false;
        const m = c.phrases?.find(turn);
        if (c.phrases && !(m && m.first < limit)) return false;
        if (c.echoes === undefined) return true;
        return overlapOf(specificsOf(viewOf(turn), 0, limit), said) >= c.echoes;
      });

    return ({ turns }) => {
      const said = new Set<string>();
      for (const turn of turns) {
        const x = first.find(turn);
        const limit = x ? Math.max(x.first, 0) : viewOf(turn).tokens.length;
        if (doesY(turn, said, limit)) return { applicable: true, hits: [] };
        if (x) {
          const hit: Hit = x.last >= 0 ? { turn, first: x.first, last: x.last } : { turn };
          return { applicable: true, hits: [hit] };
        }
        if (echoOf.has(turn.role)) for (const s of specificsOf(viewOf(turn))) said.add(s);
      }
      return { applicable: false, hits: [] };
    };
  },
});
