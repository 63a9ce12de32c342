import type { PhraseMatch } from './phrase.js';
import type { TextView } from './view.js';

/**
 * Why a user-written regular expression is refused, or undefined when it is accepted. Backreferences
 * and lookbehind are the constructs V8's linear-time engine cannot run, so they could still hang on
 * crafted text; everything else falls back to that engine on excessive backtracking (bin/callcoach.js).
 * That engine supports neither the i nor the u flag, so user regexes run without them, on the
 * lower-cased text: a pattern written in lower case matches whatever the case.
 */
export function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source);
  } catch (err) {
    return `invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  if (/\\[1-9]|\\k</.test(source)) return 'backreferences (\\1, \\k<name>) are not allowed: they can take exponential time';
  if (/\(\?<[=!]/.test(source)) return 'lookbehind ((?<=…), (?<!…)) is not allowed: it cannot run in linear time';
  return undefined;
}

/** A user regex, compiled so the linear-time fallback can run it. */
export function userRegex(source: string): RegExp {
  return new RegExp(source, 'g');
}

/** Matches of user regexes over a turn's lower-cased text, as token ranges (so quotes and exceptions work alike). */
export function regexMatches(regexes: readonly RegExp[], view: TextView): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const text = regexes.length > 0 ? view.text.toLowerCase() : '';
  for (const re of regexes) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      const first = view.tokens.findIndex((t) => t.end > m.index);
      if (first < 0) continue;
      let last = first;
      while (last + 1 < view.tokens.length && view.tokens[last + 1]!.start < end) last++;
      out.push({ first, last });
    }
  }
  return out.sort((a, b) => a.first - b.first);
}
