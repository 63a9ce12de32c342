import { backchannelMatcher, isBackchannel } from '../../text/backchannel.js';
import { viewOf } from '../../text/view.js';
import type { Turn } from '../../transcript/model.js';
import type { Hit, RuleKind } from '../types.js';
import type { ResponseOptions, ResponseWindow } from '../schema/response.js';
import { compileTurnMatch, type TurnMatcher } from './turn-match.js';

type Window = ResponseWindow;
interface CompiledWindow {
  matcher: TurnMatcher;
  spec: Window;
}

/** Trigger → expected or forbidden response within a window of turns. */
export const responseKind: RuleKind<ResponseOptions> = {
  name: 'response',
  compile(options, ctx) {
    const trigger = compileTurnMatch(options.trigger, ctx, ['trigger']);
    const compile = (key: 'expect' | 'forbid') =>
      (options[key] ?? []).map((spec, i): CompiledWindow => ({ spec, matcher: compileTurnMatch({ speaker: spec.speaker, match: spec.match, regex: spec.regex, except: spec.except }, ctx, [key, i]) }));
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
      const own = w.spec.sameTurn ? [turns[at]!] : [];
      return [...own, ...before, ...after].find((t) => w.matcher.find(t));
    };

    return ({ turns }) => {
      const hits: Hit[] = [];
      let applicable = false;
      let quietUntil = -1;
      const reported = new Set<Turn>();
      turns.forEach((turn, at) => {
        const m = trigger.find(turn);
        if (!m || at <= quietUntil) return;
        const forbidden = forbid.map((w) => satisfied(turns, at, w)).find(Boolean);
        // Report on the response turn: with no such turn (the call ended), there is nothing to judge.
        const responder = expect[0] ? window(turns, at, expect[0]).after[0] : undefined;
        const target = options.report === 'trigger' ? turn : (forbidden ?? responder);
        if (!target) return;
        applicable = true;
        const missing = expect.length > 0 && !expect.some((w) => satisfied(turns, at, w));
        if ((!missing && !forbidden) || reported.has(target)) return;
        reported.add(target);
        hits.push(target === turn ? { turn, first: m.first, last: m.last } : { turn: target });
        quietUntil = at + options.cooldown;
      });
      return { applicable, hits };
    };
  },
};
