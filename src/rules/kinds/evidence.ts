import { defineKind } from './kind.js';
import { compileTurnMatch } from './turn-match.js';

/**
 * Evidence that a step was done ("What would make this right for you?" for step 6): when a turn says
 * it, the rule's step is judged (and passes unless its other rules find something). Nothing is reported.
 */
export const evidenceKind = defineKind({
  name: 'evidence',
  options: ({ phraseMatch, needsPhrases }) => phraseMatch.refine(...needsPhrases),
  compile(options, ctx) {
    const matcher = compileTurnMatch(options, ctx, []);
    return ({ turns }) => {
      const shown = turns.filter((t) => matcher.find(t) !== undefined).map((turn) => ({ turn }));
      return { applicable: shown.length > 0, hits: [], handled: shown };
    };
  },
});
