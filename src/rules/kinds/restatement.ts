import { backchannelMatcher, DEFAULT_BACKCHANNELS, isBackchannel } from '../../text/backchannel.js';
import { overlapOf, specificsOf } from '../../text/specifics.js';
import { type TextView, viewOf } from '../../text/view.js';
import type { Turn } from '../../transcript/model.js';
import { defineKind } from './kind.js';
import { compileTurnMatch, rolesOf } from './turn-match.js';

/**
 * Restating the other side's problem before acting on it (conversation level). Applies once the
 * customer describes a problem; satisfied when, before moving on, the agent gives back enough of the
 * customer's specifics (content words, numbers, names), or fewer of them inside an explicit check-back
 * ("just to confirm…"). The finding goes on the agent turn that moved on without it.
 */
export const restatementKind = defineKind({
  name: 'restatement',
  options: ({ z, speaker, turnMatch, patterns }) =>
    z.strictObject({
      /** Who should restate. */
      speaker: speaker.default('agent'),
      /** A turn that brings a problem or complaint (not a question or a request): the rule applies from the first. */
      problem: turnMatch.extend({ speaker: speaker.default('customer') }),
      /** Specifics of the problem turns (so far) that a turn must repeat to count as a restatement. */
      minShared: z.number().int().min(1).max(20).default(3),
      /** Explicit check-backs ("let me make sure I've got this right"): with one, fewer specifics do. */
      checkBack: patterns.optional(),
      checkBackShared: z.number().int().min(0).max(20).default(1),
      /** Sentences that say these give nothing back (a conditional that routes, "have you tried…?"). */
      except: patterns.optional(),
      /** A short turn of only these (an apology, "oh no") has not moved on yet: the next turn may still restate. */
      acknowledgements: patterns.optional(),
      /** How many of the agent's turns after the problem are looked at, at most. */
      window: z.number().int().min(1).max(20).default(3),
      backchannels: z.array(z.string().min(1)).default(DEFAULT_BACKCHANNELS),
    }),
  compile(options, ctx) {
    const speakers = rolesOf(options.speaker);
    const problem = compileTurnMatch(options.problem, ctx, ['problem']);
    const checkBack = options.checkBack && ctx.phrases(options.checkBack, ['checkBack']);
    const except = options.except && ctx.phrases(options.except, ['except']);
    const acknowledgements = options.acknowledgements && ctx.phrases(options.acknowledgements, ['acknowledgements']);
    const quiet = backchannelMatcher(options.backchannels);

    /** The turn's specifics, outside excepted sentences. */
    const given = (view: TextView): Set<string> => {
      if (!except) return specificsOf(view);
      const voided = new Set(except.matches(view).map((m) => view.sentences[m.first]));
      const out = new Set<string>();
      let from = 0;
      for (let i = 0; i <= view.tokens.length; i++) {
        if (i < view.tokens.length && view.sentences[i] === view.sentences[from]) continue;
        if (!voided.has(view.sentences[from]!)) for (const s of specificsOf(view, from, i)) out.add(s);
        from = i;
      }
      return out;
    };
    const restates = (turn: Turn, told: ReadonlySet<string>): boolean => {
      const view = viewOf(turn);
      const shared = overlapOf(given(view), told);
      if (shared >= options.minShared) return true;
      return shared >= options.checkBackShared && (checkBack?.matches(view).length ?? 0) > 0;
    };
    /** Only an acknowledgement: no question and nothing beyond a few words of sympathy. */
    const onlyAcknowledges = (turn: Turn): boolean => {
      const view = viewOf(turn);
      return !turn.text.includes('?') && view.tokens.length <= 12 && (acknowledgements?.matches(view).length ?? 0) > 0;
    };

    return ({ turns }) => {
      const start = turns.findIndex((t) => problem.find(t));
      if (start < 0) return { applicable: false, hits: [] };
      // Everything the customer has said so far, the problem turn included.
      const told = new Set<string>();
      let looked = 0;
      let moved: Turn | undefined;
      for (let i = 0; i < turns.length && looked < options.window; i++) {
        const turn = turns[i]!;
        if (problem.roles.has(turn.role)) {
          for (const s of specificsOf(viewOf(turn))) told.add(s);
          continue;
        }
        if (i < start || !speakers.has(turn.role) || isBackchannel(viewOf(turn), quiet)) continue;
        looked++;
        if (restates(turn, told)) return { applicable: true, hits: [], handled: [{ turn }] };
        moved ??= onlyAcknowledges(turn) ? undefined : turn;
        if (moved) break;
      }
      const reported = moved ?? turns.slice(start).find((t) => speakers.has(t.role));
      return { applicable: true, hits: reported ? [{ turn: reported }] : [] };
    };
  },
});
