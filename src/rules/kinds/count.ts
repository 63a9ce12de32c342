import type { Hit } from '../types.js';
import { defineKind } from './kind.js';
import { compileTurnMatch } from './turn-match.js';

/**
 * At least `min` matches of the phrases in one turn (stacked hedges, three fillers), unless the turn
 * also says one of `unless` (a hedge followed by "let me check", a correction with a way forward).
 */
export const countKind = defineKind({
  name: 'count',
  options: ({ z, patterns, phraseMatch, needsPhrases }) =>
    phraseMatch
      .extend({
        /** How many matches in one turn make a finding. */
        min: z.number().int().min(1).max(50),
        /** The whole turn is fine when it says one of these. */
        unless: patterns.optional(),
      })
      .refine(...needsPhrases),
  compile(options, ctx) {
    const { min, unless: _u, ...turnMatch } = options;
    const matcher = compileTurnMatch(turnMatch, ctx, []);
    const unless = options.unless && compileTurnMatch({ speaker: options.speaker, match: options.unless }, ctx, ['unless']);
    return (conversation) => {
      const hits: Hit[] = [];
      for (const turn of conversation.turns) {
        const found = matcher.findAll(turn);
        if (found.length >= min && !unless?.find(turn)) hits.push({ turn, first: found[0]!.first, last: found[found.length - 1]!.last });
      }
      return { applicable: conversation.turns.some((t) => matcher.roles.has(t.role)), hits };
    };
  },
});
