import { defineKind } from './kind.js';
import { compileTurnMatch } from './turn-match.js';

/**
 * Evidence that a step was done ("What would make this right for you?" for step 6): when a turn says
 * it, the rule's step is judged (and passes unless its other rules find something). Nothing is reported.
 */
export const evidenceKind = defineKind({
  name: 'evidence',
  options: ({ z, speaker, patterns, regexes }) =>
    z
      .strictObject({
        speaker: speaker.default('agent'),
        match: patterns.optional(),
        regex: regexes.optional(),
        except: patterns.optional(),
      })
      .refine((o) => o.match || o.regex, { message: 'an evidence rule needs match (phrase patterns) or regex', path: ['match'] }),
  compile(options, ctx) {
    const matcher = compileTurnMatch(options, ctx, []);
    return ({ turns }) => {
      const shown = turns.filter((t) => matcher.find(t) !== undefined).map((turn) => ({ turn }));
      return { applicable: shown.length > 0, hits: [], handled: shown };
    };
  },
});
