import { alternativesOf, type Fragment, NONE, nullable, sequenceOf, stemFragment } from './phrase.js';
import { PhraseIndex, PhraseSet } from './phrase-index.js';
import { inflectionBase } from './stem.js';
import { tokenize } from './tokenize.js';

/**
 * Phrase patterns: words match by stem, so case, punctuation and inflection do not matter
 * ("transferring you" matches `transfer you`). Operators:
 *   (a|b c)   alternatives        [a b]  optional words
 *   *         exactly one word     ...    a gap of up to three words
 *   =word     this exact word, not its inflections ("=pended" does not match "pending")
 *   @name     a named phrase set (the pack's own `sets`, or a built-in such as @number, @weekday)
 *
 * Patterns compile to fragments (phrase.ts); a run's lists are matched through one phrase index
 * (phrase-index.ts), and stored compiled in the build's snapshot (phrase-json.ts).
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

/** The fragment of a named set, or undefined when no such set exists. */
type SetResolver = (name: string) => Fragment | undefined;

const GAP = 3;

/** The most tokens one pattern can span, so the ends of a match fit in a 32-bit mask (see reach in phrase.ts). */
export const MAX_SPAN = 30;

function spanOf(f: Fragment): number {
  switch (f.kind) {
    case 'word':
    case 'any':
      return 1;
    case 'gap':
      return f.max;
    case 'opt':
      return spanOf(f.item);
    case 'seq':
      return f.items.reduce((n, item) => n + spanOf(item), 0);
    case 'alt':
      return Math.max(...f.options.map(spanOf));
  }
}

/** A word of a pattern: by stem when written as its stem ("transfer"), else within its word family ("exceptions"). */
function wordFragment(word: string, stem: string): Fragment {
  if (word === stem || !/^[a-z]+$/.test(word)) return stemFragment(stem);
  return {
    kind: 'word',
    accepts: { stems: NONE, words: NONE, numbers: false, ordinals: false, families: new Map([[stem, new Set([inflectionBase(word)])]]) },
  };
}

/** Compiles one pattern. */
export function compilePattern(pattern: string, resolve: SetResolver): Fragment {
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    throw new PatternError(message, at);
  };

  const parseAlternatives = (closer: string | undefined): Fragment => {
    const alternatives = [parseSequence()];
    while (pattern[pos] === '|') {
      pos++;
      alternatives.push(parseSequence());
    }
    if (closer !== undefined) {
      if (pattern[pos] !== closer) fail(`expected '${closer}'`);
      pos++;
    }
    return alternativesOf(alternatives);
  };

  const parseAtom = (): Fragment[] => {
    const c = pattern[pos]!;
    if (c === '(') {
      pos++;
      return [parseAlternatives(')')];
    }
    if (c === '[') {
      pos++;
      return [{ kind: 'opt', item: parseAlternatives(']') }];
    }
    if (pattern.startsWith('...', pos)) {
      pos += 3;
      return [{ kind: 'gap', max: GAP }];
    }
    if (c === '*') {
      pos++;
      return [{ kind: 'any' }];
    }
    if (c === '=') {
      const word = /^=([^\s()[\]|*@=]+)/.exec(pattern.slice(pos));
      if (!word) fail("expected a word after '=', e.g. =pended");
      const words = tokenize(word![1]!);
      if (words.length !== 1) fail("'=' takes one word");
      pos += word![0].length;
      return [{ kind: 'word', accepts: { stems: NONE, words: new Set([words[0]!.word]), numbers: false, ordinals: false } }];
    }
    if (c === '@') {
      const name = /^@([a-z][\w-]*(?:\.[a-z][\w-]*)?)/i.exec(pattern.slice(pos));
      if (!name) fail("expected a set name after '@', e.g. @number");
      const set = resolve(name![1]!);
      if (set === undefined) fail(`unknown phrase set '@${name![1]}'`);
      pos += name![0].length;
      return [set!];
    }
    const run = /^[^()[\]|*@=]+/.exec(pattern.slice(pos))![0];
    const text = run.includes('...') ? run.slice(0, run.indexOf('...')) : run;
    if (/[.]{2,}/.test(text)) fail("use '...' for a gap");
    const stray = /[^\p{L}\p{N}\s'’&.,/-]/u.exec(text);
    if (stray) fail(`'${stray[0]}' is not pattern syntax: patterns match words, and use ( | ) [ ] * ... = @`, pos + stray.index);
    const words = tokenize(text);
    if (words.length === 0 && text.trim()) fail(`'${text.trim()}' has no words: patterns match words, not punctuation`);
    pos += text.length;
    return words.map((t) => wordFragment(t.word, t.stem));
  };

  const parseSequence = (): Fragment => {
    const items: Fragment[] = [];
    while (pos < pattern.length && !'|)]'.includes(pattern[pos]!)) items.push(...parseAtom());
    return items.length === 0 ? { kind: 'seq', items } : sequenceOf(items);
  };

  if (!pattern.trim()) fail('empty pattern', 0);
  const fragment = parseAlternatives(undefined);
  if (pos < pattern.length) fail(`unexpected '${pattern[pos]}'`);
  if (nullable(fragment)) fail('pattern can match without any word', 0);
  if (spanOf(fragment) > MAX_SPAN) fail(`pattern can span more than ${MAX_SPAN} words: split it into shorter phrases`, 0);
  return fragment;
}

/** Compiles a list of patterns into one matcher; errors carry the index of the bad pattern. */
export function compilePhrases(patterns: readonly string[], resolve: SetResolver, index?: PhraseIndex): PhraseSet {
  const fragments = patterns.map((p, i) => {
    try {
      return compilePattern(p, resolve);
    } catch (err) {
      if (err instanceof PatternError) throw Object.assign(err, { patternIndex: i });
      throw err;
    }
  });
  return new PhraseSet(alternativesOf(fragments), index);
}
