import { viewOf } from '../../text/view.js';
import type { Turn } from '../../transcript/model.js';
import { defineKind } from './kind.js';
import { compileTurnMatch, rolesOf, type TurnMatcher } from './turn-match.js';

/**
 * A customer portrait (source 001): weighted signals in the customer's turns ("I don't usually
 * complain", swearing, "I'm a platinum member"). The portrait holds when the signals' weights reach
 * `min`; a rule of this kind reports no findings, only its judgement, which tailors the other rules.
 */
export const portraitKind = defineKind({
  name: 'portrait',
  options: ({ z, speaker, turnMatch, portraitName }) =>
    z.strictObject({
      /** The portrait's name, as reports and `tips:` use it. */
      portrait: portraitName,
      speaker: speaker.default('customer'),
      /** The total weight of signals that makes the portrait hold. */
      min: z.number().positive().default(2),
      /** A signal counts in at most this many turns (repeating one apology ten times is not ten signals). */
      maxTurnsPerSignal: z.number().int().min(1).max(20).default(2),
      signals: z
        .array(
          turnMatch
            .omit({ speaker: true })
            .partial()
            .extend({
              /** What the signal is, as the evidence names it ("swearing", "threat to go public"). */
              signal: z.string().min(1),
              weight: z.number().default(1),
              /** This signal counts in at most this many turns (instead of the rule's maxTurnsPerSignal). */
              maxTurns: z.number().int().min(1).max(20).optional(),
              /** A run of at least this many "!" (how the turn is written; `signals:` names the others). */
              exclamations: z.number().int().min(2).optional(),
            })
            .refine((s) => s.match || s.regex || s.signals || s.exclamations, {
              message: 'a signal needs match, regex, signals or exclamations',
            }),
        )
        .min(1),
    }),
  compile(options, ctx) {
    const roles = rolesOf(options.speaker);
    const signals = options.signals.map((s, i) => {
      const { signal: _name, weight: _weight, exclamations: _bangs, maxTurns: _max, ...words } = s;
      const matcher: TurnMatcher | undefined =
        words.match || words.regex || words.signals
          ? compileTurnMatch({ ...words, speaker: options.speaker }, ctx, ['signals', i])
          : undefined;
      return { spec: s, matcher };
    });

    /** Where the signal shows in the turn (a token range; the whole turn for how it is written), or undefined. */
    const shows = (turn: Turn, s: (typeof signals)[number]): { first?: number; last?: number } | undefined => {
      if (s.spec.exclamations && viewOf(turn).signals.exclamations < s.spec.exclamations) return undefined;
      if (!s.matcher) return {};
      const m = s.matcher.find(turn);
      return m && (m.last >= 0 ? { first: m.first, last: m.last } : {});
    };

    return ({ turns }) => {
      let score = 0;
      const evidence = [];
      for (const s of signals) {
        let seen = 0;
        for (const turn of turns) {
          if (seen >= (s.spec.maxTurns ?? options.maxTurnsPerSignal)) break;
          if (!roles.has(turn.role)) continue;
          const at = shows(turn, s);
          if (!at) continue;
          seen++;
          score += s.spec.weight;
          evidence.push({ turn, signal: s.spec.signal, ...at });
        }
      }
      const portrait = score >= options.min ? { name: options.portrait, strength: score / options.min, evidence } : undefined;
      return { applicable: false, hits: [], ...(portrait && { portrait }) };
    };
  },
});
