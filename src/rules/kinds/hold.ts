import { formatClock } from '../../transcript/timestamp.js';
import type { Hit } from '../types.js';
import { defineKind } from './kind.js';
import { compileTurnMatch } from './turn-match.js';

/**
 * Holds: after a hold announcement and a gap, the agent should come back within `maxHoldMs` and
 * check back ("thanks for holding"). Needs times; n/a when the transcript has none.
 */
export const holdKind = defineKind({
  name: 'hold',
  options: ({ z, turnMatch }) =>
    z.strictObject({
      /** The turn that puts the customer on hold ("let me put you on hold"). */
      announce: turnMatch,
      /** What the agent should say on coming back ("thanks for holding"). */
      checkBack: turnMatch,
      /** A gap after the announcement at least this long is a hold. */
      minGapMs: z.number().int().min(0).default(10_000),
      /** How long a hold may last before the agent checks back. */
      maxHoldMs: z.number().int().min(0).default(60_000),
    }),
  compile(options, ctx) {
    const announce = compileTurnMatch(options.announce, ctx, ['announce']);
    const checkBack = compileTurnMatch(options.checkBack, ctx, ['checkBack']);
    return ({ turns }) => {
      const hits: Hit[] = [];
      let applicable = false;
      turns.forEach((turn, i) => {
        const next = turns[i + 1];
        const from = turn.endMs ?? turn.startMs;
        if (!announce.find(turn) || !next || from === undefined || next.startMs === undefined) return;
        const gap = next.startMs - from;
        if (gap < options.minGapMs) return;
        applicable = true;
        const back = turns.slice(i + 1).find((t) => checkBack.roles.has(t.role));
        const problems = [
          ...(gap > options.maxHoldMs ? [`the customer waited ${formatClock(gap)} on hold without a check-back`] : []),
          ...(back && !checkBack.find(back) ? ['the agent came back without thanking the customer for holding'] : []),
        ];
        if (problems.length > 0) hits.push({ turn: back ?? next, vars: { detail: problems.join('; ') } });
      });
      if (!applicable && !turns.some((t) => t.startMs !== undefined))
        return { applicable, hits, unobservable: 'the transcript has no times, so holds cannot be timed' };
      return { applicable, hits };
    };
  },
});
