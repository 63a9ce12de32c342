import type { Hit, RuleKind } from '../types.js';
import type { PhraseOptions } from '../schema/phrase.js';
import { compileTurnMatch } from './turn-match.js';

/** A phrase a speaker should not say: one finding per turn that says it (outside an excepted sentence). */
export const phraseKind: RuleKind<PhraseOptions> = {
  name: 'phrase',
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
};
