import v8 from 'node:v8';
import type { PhraseMatch } from './phrase.js';
import type { TextView } from './view.js';

// Pack regexes run on V8's linear-time engine and nowhere else (the `l` flag), so no pattern can
// backtrack, whatever the text. The flag that enables the engine is process-wide, and must be set before
// a pattern asks for it; it leaves every other regular expression as it was.
v8.setFlagsFromString('--enable-experimental-regexp-engine');

/** The largest count V8's linear engine unrolls (`a{1,16}` runs, `a{1,17}` cannot). */
const MAX_COUNT = 16;

/**
 * Why a user-written regular expression is refused, or undefined when it is accepted: only what V8's
 * linear-time engine runs is accepted, so a pattern always finishes in time linear in the text. The
 * engine supports neither the i nor the u flag, so user regexes run without them, on the lower-cased
 * text: a pattern written in lower case matches whatever the case.
 */
export function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source);
  } catch (err) {
    return `invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  const construct = nonLinearConstruct(source);
  if (construct) return construct;
  try {
    new RegExp(source, 'l');
  } catch {
    return 'this pattern cannot run in linear time (V8 refuses it for its linear engine); simplify it';
  }
  return undefined;
}

/** The first construct the linear engine cannot run, named for the pack author. */
function nonLinearConstruct(source: string): string | undefined {
  // Each open group's largest product of counts inside it, so nested counts multiply: (?:a{1,5}){1,5} is 25.
  const groups: number[] = [1];
  let atom = 1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<'))
        return 'backreferences (\\1, \\k<name>) are not allowed: they can take exponential time';
      i++;
      atom = 1;
    } else if (c === '[') {
      // A class is one atom: skip to its end (escapes included).
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      atom = 1;
    } else if (c === '(') {
      if (source.startsWith('(?=', i) || source.startsWith('(?!', i))
        return 'lookahead ((?=…), (?!…)) is not allowed: it cannot run in linear time';
      if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i))
        return 'lookbehind ((?<=…), (?<!…)) is not allowed: it cannot run in linear time';
      groups.push(1);
    } else if (c === ')') {
      atom = groups.pop() ?? 1;
      groups[groups.length - 1] = Math.max(groups[groups.length - 1]!, atom);
    } else if (c === '{') {
      const count = /^\{(\d+)(?:,(\d*))?\}/.exec(source.slice(i));
      if (!count) continue;
      const bound = Math.max(Number(count[1]), count[2] ? Number(count[2]) : 0);
      if (bound * atom > MAX_COUNT)
        return `counted repetition ${count[0]}${atom > 1 ? ` over a group that repeats ${atom} times` : ''} is not allowed: counts above ${MAX_COUNT} cannot run in linear time (use + or *, or a smaller count)`;
      groups[groups.length - 1] = Math.max(groups[groups.length - 1]!, bound * atom);
      i += count[0].length - 1;
    } else atom = 1;
  }
  return undefined;
}

/** A user regex, on the linear-time engine, and characters every match of it contains. */
export interface UserRegex {
  re: RegExp;
  required: readonly string[];
}

/** A user regex, on the linear-time engine: it cannot backtrack. */
export function userRegex(source: string): UserRegex {
  return { re: new RegExp(source, 'gl'), required: requiredChars(source) };
}

/**
 * Characters every match contains: the literal ones in the pattern's top-level sequence that cannot
 * repeat zero times ("?" in "account number\s*\?", "@" in "(?:^|\s)@\w+"). The linear engine reads
 * about 5 to 25 characters a microsecond, ten times slower than the backtracking one, and most turns
 * lack such a character: they are not read at all. Anything less plain (a top-level "|", an escape
 * that is a class, a quantifier that is not) leaves a character out, never in.
 */
export function requiredChars(source: string): string[] {
  const required: string[] = [];
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    let literal: string | undefined;
    if (c === '\\') {
      const next = source[++i] ?? '';
      // \? \. \# stand for themselves; \d \s \b \x41 \u0041 \0 and the like are classes or codes.
      if (next && !/\w/.test(next)) literal = next;
    } else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '{') {
      // A count ("{2,}") is no literal; nor, to keep this simple, is anything up to a "}" that ends a "{".
      const close = source.indexOf('}', i);
      if (close > i) i = close;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return [];
    else if (!'^$.*+?}'.includes(c)) literal = c;
    if (literal === undefined || depth > 0) continue;
    const after = source[i + 1];
    // {n,m} with n = 0 can repeat it zero times; a "{" that is no count leaves it out too (simpler than knowing).
    const count = after === '{' ? /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(i + 1)) : undefined;
    const optional = after === '?' || after === '*' || (after === '{' && Number(count?.[1] ?? 0) === 0);
    if (!optional && !required.includes(literal)) required.push(literal);
  }
  return required;
}

/** Matches of user regexes over a turn's lower-cased text, as token ranges (so quotes and exceptions work alike). */
export function regexMatches(regexes: readonly UserRegex[], view: TextView): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const text = regexes.length > 0 ? view.text.toLowerCase() : '';
  const { tokens } = view;
  for (const { re, required } of regexes) {
    if (!required.every((c) => text.includes(c))) continue;
    // Matches come in text order: the token a match starts in is found from the last one on, not from the start.
    let first = 0;
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      while (first < tokens.length && tokens[first]!.end <= m.index) first++;
      if (first === tokens.length) break;
      let last = first;
      while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
      out.push({ first, last });
    }
  }
  return out.sort((a, b) => a.first - b.first);
}
