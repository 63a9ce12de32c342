import type { Hit } from '../types.js';
import { defineKind } from './kind.js';
import { compileTurnMatch } from './turn-match.js';

/** A phrase a speaker should not say: one finding per turn that says it (outside an excepted sentence). */
export const phraseKind = defineKind({
  name: 'phrase',
  options: ({ z, speaker, patterns, regexes }) =>
    z
      .strictObject({
        speaker: speaker.default('agent'),
        match: patterns.optional(),
        /** Regular expressions, for what phrase patterns cannot say (codes, amounts); either matching counts. */
        regex: regexes.optional(),
        except: patterns.optional(),
      })
      .refine((o) => o.match || o.regex, { message: 'a phrase rule needs match (phrase patterns) or regex', path: ['match'] }),
  compile(options, ctx) {
    const matcher = compileTurnMatch(options, ctx, []);
    return (conversation) => {
      const hits: Hit[] = [];
      for (const turn of conversation.turns) {
        const m = matcher.find(turn);
        if (m) hits.push({ turn, first: m.first, last: m.last });
      }
      return { applicable: conversation.turns.some((t) => matcher.roles.has(t.role)), hits };
    };
  },
});
