import { NO_MATCHES, type PhraseMatch } from '../../text/phrase.js';
import type { PhraseSet } from '../../text/phrase-index.js';
import { regexMatches, userRegex } from '../../text/safe-regex.js';
import { hasSignal, type TurnSignal } from '../../text/turn-signals.js';
import { perView, type TextView, viewOf } from '../../text/view.js';
import type { Role, Turn } from '../../transcript/model.js';
import type { TurnMatchOptions } from '../schema/turn-match.js';
import type { CompileContext } from '../types.js';

export interface TurnMatcher {
  roles: ReadonlySet<Role>;
  /** The first match in the turn that no exception voids; `{first: 0, last: -1}` when any turn by the speaker counts. */
  find(turn: Turn): PhraseMatch | undefined;
  /** Every match in the turn that no exception voids, in text order. */
  findAll(turn: Turn): readonly PhraseMatch[];
}

// Shared answers: a run asks millions of times, and most answers are "nothing" or "the whole turn".
const WHOLE_TURN: readonly PhraseMatch[] = Object.freeze([Object.freeze({ first: 0, last: -1 })]);

// Loops, not closures over the view, in what runs per turn and rule: a closure over a local makes V8
// allocate a context for it on every call, taken or not (findAll was 14 % of a run's allocations).
function anySignal(view: TextView, signals: readonly TurnSignal[]): boolean {
  for (const s of signals) if (hasSignal(view, s)) return true;
  return false;
}

/** The matches not in a sentence an exception voids. */
function unvoided(found: readonly PhraseMatch[], exceptions: readonly PhraseMatch[], view: TextView): PhraseMatch[] {
  const voided = new Set(exceptions.map((m) => view.sentences[m.first]));
  return found.filter((m) => !voided.has(view.sentences[m.first]));
}

export function rolesOf(speaker: Role | readonly Role[]): ReadonlySet<Role> {
  return new Set(Array.isArray(speaker) ? speaker : [speaker]);
}

export function compileTurnMatch(options: TurnMatchOptions, ctx: CompileContext, at: readonly (string | number)[]): TurnMatcher {
  const roles = rolesOf(options.speaker);
  const match: PhraseSet | undefined = options.match && ctx.phrases(options.match, [...at, 'match']);
  const except: PhraseSet | undefined = options.except && ctx.phrases(options.except, [...at, 'except']);
  const along: PhraseSet | undefined = options.with && ctx.phrases(options.with, [...at, 'with']);
  const regexes = (options.regex ?? []).map(userRegex);
  // V8's linear-time engine reads about 25 characters a microsecond: a view's matches, words and
  // regexes merged, are kept.
  const wordsAndRegexes = perView((view): readonly PhraseMatch[] => {
    const written = regexMatches(regexes, view);
    const said = match?.matches(view) ?? NO_MATCHES;
    if (written.length === 0) return said;
    return said.length === 0 ? written : [...said, ...written].sort((a, b) => a.first - b.first);
  });
  const signals = options.signals ?? [];
  const withSignals = options.withSignals ?? [];
  // `with` and `withSignals`: a match needs company in the turn, in words or in how it is written.
  const accompanied = (view: TextView) =>
    (!along && withSignals.length === 0) || (along?.matches(view).length ?? 0) > 0 || anySignal(view, withSignals);
  const findAll = (turn: Turn): readonly PhraseMatch[] => {
    if (!roles.has(turn.role)) return NO_MATCHES;
    if (!match && regexes.length === 0 && signals.length === 0) return WHOLE_TURN;
    const view = viewOf(turn);
    const found = !accompanied(view) ? NO_MATCHES : regexes.length === 0 ? (match?.matches(view) ?? NO_MATCHES) : wordsAndRegexes(view);
    // Most turns match nothing: the exceptions are only worth reading when there is something to void.
    if (found.length === 0 && signals.length === 0) return NO_MATCHES;
    const exceptions = except?.matches(view) ?? NO_MATCHES;
    if (exceptions.length === 0) return found.length > 0 || !anySignal(view, signals) ? found : WHOLE_TURN;
    return unvoided(found, exceptions, view);
  };
  return { roles, find: (turn) => findAll(turn)[0], findAll };
}
