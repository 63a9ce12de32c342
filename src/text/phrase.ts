import { tokenize } from './tokenize.js';
import type { TextView } from './view.js';
import { ANY_TOKEN, stemSource, tokenAt, wordSource } from './view.js';

/**
 * Phrase patterns: words match by stem, so case, punctuation and inflection do not matter
 * ("transferring you" matches `transfer you`). Operators:
 *   (a|b c)   alternatives        [a b]  optional words
 *   *         exactly one word     ...    a gap of up to three words
 *   =word     this exact word, not its inflections ("=pended" does not match "pending")
 *   @name     a named phrase set (the pack's own `sets`, or a built-in such as @number, @weekday)
 */

export class PatternError extends Error {
  constructor(
    message: string,
    /** 0-based offset of the problem inside the pattern text. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'PatternError';
  }
}

/** Regex source of a named set, or undefined when no such set exists. */
export type SetResolver = (name: string) => string | undefined;

export interface PhraseMatch {
  /** Indices of the first and last matched tokens. */
  first: number;
  last: number;
}

export class PhraseSet {
  constructor(
    private readonly regex: RegExp,
    readonly source: string,
  ) {}

  matches(view: TextView): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (const m of view.line.matchAll(this.regex)) {
      out.push({ first: tokenAt(view, m.index), last: tokenAt(view, m.index + m[0].length - 2) });
    }
    return out;
  }

  test(view: TextView): boolean {
    this.regex.lastIndex = 0;
    return this.regex.test(view.line);
  }
}

/** Compiles one pattern to regex source over the stem line (each word followed by one space). */
export function patternSource(pattern: string, resolve: SetResolver): string {
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    throw new PatternError(message, at);
  };

  const parseAlternatives = (closer: string | undefined): string => {
    const alternatives = [parseSequence()];
    while (pattern[pos] === '|') {
      pos++;
      alternatives.push(parseSequence());
    }
    if (closer !== undefined) {
      if (pattern[pos] !== closer) fail(`expected '${closer}'`);
      pos++;
    }
    return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
  };

  const parseSequence = (): string => {
    let out = '';
    while (pos < pattern.length) {
      const c = pattern[pos]!;
      if (c === '|' || c === ')' || c === ']') break;
      if (c === '(') {
        pos++;
        out += `(?:${parseAlternatives(')')})`;
      } else if (c === '[') {
        pos++;
        out += `(?:${parseAlternatives(']')})?`;
      } else if (pattern.startsWith('...', pos)) {
        pos += 3;
        out += `(?:${ANY_TOKEN}){0,3}`;
      } else if (c === '*') {
        pos++;
        out += ANY_TOKEN;
      } else if (c === '=') {
        const word = /^=([^\s()[\]|*@=]+)/.exec(pattern.slice(pos));
        if (!word) fail("expected a word after '=', e.g. =pended");
        const words = tokenize(word![1]!);
        if (words.length !== 1) fail("'=' takes one word");
        pos += word![0].length;
        out += wordSource(words[0]!.word);
      } else if (c === '@') {
        const name = /^@([a-z][\w-]*(?:\.[a-z][\w-]*)?)/i.exec(pattern.slice(pos));
        if (!name) fail("expected a set name after '@', e.g. @number");
        const source = resolve(name![1]!);
        if (source === undefined) fail(`unknown phrase set '@${name![1]}'`);
        pos += name![0].length;
        out += `(?:${source})`;
      } else {
        const run = /^[^()[\]|*@=]+/.exec(pattern.slice(pos))![0];
        const text = run.includes('...') ? run.slice(0, run.indexOf('...')) : run;
        if (/[.]{2,}/.test(text)) fail("use '...' for a gap");
        const words = tokenize(text);
        if (words.length === 0 && text.trim()) fail(`'${text.trim()}' has no words: patterns match words, not punctuation`);
        out += words.map((t) => stemSource(t.stem)).join('');
        pos += text.length;
      }
    }
    return out;
  };

  if (!pattern.trim()) fail('empty pattern', 0);
  const source = parseAlternatives(undefined);
  if (pos < pattern.length) fail(`unexpected '${pattern[pos]}'`);
  if (new RegExp(`^(?:${source})$`).test('')) fail('pattern can match without any word', 0);
  return source;
}

/** One matcher for several compiled sets: a single regex pass finds where any of them matches. */
export function unionOf(sets: readonly PhraseSet[]): PhraseSet {
  const source = sets.map((s) => `(?:${s.source})`).join('|');
  return new PhraseSet(new RegExp(`(?<= )(?:${source})`, 'g'), source);
}

/** Compiles a list of patterns into one matcher; errors carry the index of the bad pattern. */
export function compilePhrases(patterns: readonly string[], resolve: SetResolver): PhraseSet {
  const sources = patterns.map((p, i) => {
    try {
      return patternSource(p, resolve);
    } catch (err) {
      if (err instanceof PatternError) throw Object.assign(err, { patternIndex: i });
      throw err;
    }
  });
  const source = sources.length === 1 ? sources[0]! : sources.map((s) => `(?:${s})`).join('|');
  return new PhraseSet(new RegExp(`(?<= )(?:${source})`, 'g'), source);
}
