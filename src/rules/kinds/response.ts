import { backchannelMatcher, DEFAULT_BACKCHANNELS, isBackchannel } from '../../text/backchannel.js';
import { viewOf } from '../../text/view.js';
import type { Turn } from '../../transcript/model.js';
import type { TurnMatchOptions } from '../schema/turn-match.js';
import type { Hit } from '../types.js';
import { defineKind } from './kind.js';
import { compileTurnMatch, type TurnMatcher } from './turn-match.js';

type Window = TurnMatchOptions & { sameTurn: boolean; before: number; after: number };
interface CompiledWindow {
  matcher: TurnMatcher;
  spec: Window;
}

/** Trigger → expected or forbidden response within a window of turns. */
export const responseKind = defineKind({
  name: 'response',
  options: ({ z, turnMatch }) => {
    /** Where a response is looked for, relative to the trigger: turns of the given speaker only. */
    const window = turnMatch.extend({
      /** The trigger turn itself counts (a policy and its alternative in one breath). */
      sameTurn: z.boolean().default(false),
      /** How many of the speaker's turns before the trigger count. */
      before: z.number().int().min(0).max(50).default(0),
      /** How many of the speaker's turns after the trigger count. */
      after: z.number().int().min(0).max(50).default(1),
    });
    return z
      .strictObject({
        trigger: turnMatch,
        /** Any one of these satisfies the rule; when none holds, it fires. */
        expect: z.array(window).min(1).optional(),
        /** Any one of these makes the rule fire. */
        forbid: z.array(window).min(1).optional(),
        /** Which turn carries the finding: the trigger, or the first turn that should have responded. */
        report: z.enum(['trigger', 'response']).default('trigger'),
        /** Turns after a finding in which the same trigger is not reported again (one hand-off, one finding). */
        cooldown: z.number().int().min(0).max(50).default(0),
        backchannels: z.array(z.string().min(1)).default(DEFAULT_BACKCHANNELS),
      })
      .refine((o) => o.expect || o.forbid, { message: 'a response rule needs `expect` or `forbid`' });
  },
  compile(options, ctx) {
    const trigger = compileTurnMatch(options.trigger, ctx, ['trigger']);
    const compile = (key: 'expect' | 'forbid') =>
      (options[key] ?? []).map((spec, i): CompiledWindow => ({
        spec,
        matcher: compileTurnMatch({ speaker: spec.speaker, match: spec.match, regex: spec.regex, except: spec.except }, ctx, [key, i]),
      }));
    const expect = compile('expect');
    const forbid = compile('forbid');
    const quiet = backchannelMatcher(options.backchannels);

    const window = (turns: readonly Turn[], at: number, w: CompiledWindow): { before: Turn[]; after: Turn[] } => {
      const pick = (from: number, step: number, count: number) => {
        const out: Turn[] = [];
        for (let i = from; i >= 0 && i < turns.length && out.length < count; i += step) {
          const t = turns[i]!;
          if (w.matcher.roles.has(t.role) && !isBackchannel(viewOf(t), quiet)) out.push(t);
        }
        return out;
      };
      return { before: pick(at - 1, -1, w.spec.before), after: pick(at + 1, 1, w.spec.after) };
    };

    const satisfied = (turns: readonly Turn[], at: number, w: CompiledWindow): Turn | undefined => {
      const { before, after } = window(turns, at, w);
      if (w.spec.sameTurn && w.matcher.find(turns[at]!)) return turns[at];
      return before.find((t) => w.matcher.find(t)) ?? after.find((t) => w.matcher.find(t));
    };
    const anySatisfied = (turns: readonly Turn[], at: number, windows: readonly CompiledWindow[]): Turn | undefined => {
      for (const w of windows) {
        const t = satisfied(turns, at, w);
        if (t) return t;
      }
      return undefined;
    };

    return ({ turns }) => {
      const hits: Hit[] = [];
      const handled: Hit[] = [];
      let applicable = false;
      let quietUntil = -1;
      const reported = new Set<Turn>();
      // A loop, not a callback: its closures would cost a context per turn, and most turns trigger nothing.
      for (let at = 0; at < turns.length; at++) {
        const turn = turns[at]!;
        const m = trigger.find(turn);
        if (!m || at <= quietUntil) continue;
        const forbidden = anySatisfied(turns, at, forbid);
        // Report on the response turn: with no such turn (the call ended), there is nothing to judge.
        const responder = expect[0] ? window(turns, at, expect[0]).after[0] : undefined;
        const target = options.report === 'trigger' ? turn : (forbidden ?? responder);
        if (!target) continue;
        applicable = true;
        const met = anySatisfied(turns, at, expect);
        const missing = expect.length > 0 && !met;
        if (!missing && !forbidden) {
          handled.push({ turn: met ?? target });
          continue;
        }
        if (reported.has(target)) continue;
        reported.add(target);
        hits.push(target === turn ? { turn, first: m.first, last: m.last } : { turn: target });
        quietUntil = at + options.cooldown;
      }
      return { applicable, hits, handled };
    };
  },
});
