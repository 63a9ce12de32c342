import { tokenize } from './tokenize.js';
import type { TextView } from './view.js';

/**
 * Phrase patterns: words match by stem, so case, punctuation and inflection do not matter
 * ("transferring you" matches `transfer you`). Operators:
 *   (a|b c)   alternatives        [a b]  optional words
 *   *         exactly one word     ...    a gap of up to three words
 *   =word     this exact word, not its inflections ("=pended" does not match "pending")
 *   @name     a named phrase set (the pack's own `sets`, or a built-in such as @number, @weekday)
 *
 * Patterns compile to a small tree matched token by token. Each node knows the keys its first
 * token can have (see TextView.keys), so alternatives are tried only where they can start.
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

/** A compiled pattern (or part of one). */
export type Fragment =
  | { kind: 'word'; keys: ReadonlySet<string> }
  | { kind: 'any' }
  | { kind: 'gap'; max: number }
  | { kind: 'seq'; items: readonly Fragment[] }
  | { kind: 'alt'; options: readonly Fragment[] }
  | { kind: 'opt'; item: Fragment };

/** The fragment of a named set, or undefined when no such set exists. */
export type SetResolver = (name: string) => Fragment | undefined;

export interface PhraseMatch {
  /** Indices of the first and last matched tokens. */
  first: number;
  last: number;
}

const GAP = 3;

export function nullable(f: Fragment): boolean {
  switch (f.kind) {
    case 'word':
    case 'any':
      return false;
    case 'gap':
    case 'opt':
      return true;
    case 'seq':
      return f.items.every(nullable);
    case 'alt':
      return f.options.some(nullable);
  }
}

const firstCache = new WeakMap<Fragment, ReadonlySet<string> | null>();

/** Keys one of which the first matched token must have; null when any token can start a match. */
export function firstKeys(f: Fragment): ReadonlySet<string> | null {
  if (firstCache.has(f)) return firstCache.get(f)!;
  let out: Set<string> | null;
  switch (f.kind) {
    case 'word':
      out = new Set(f.keys);
      break;
    case 'any':
    case 'gap':
      out = null;
      break;
    case 'opt':
      out = firstKeys(f.item) && new Set(firstKeys(f.item));
      break;
    case 'seq': {
      out = new Set();
      for (const item of f.items) {
        const keys = firstKeys(item);
        if (!keys) {
          out = null;
          break;
        }
        keys.forEach((k) => out!.add(k));
        if (!nullable(item)) break;
      }
      break;
    }
    case 'alt': {
      out = new Set();
      for (const o of f.options) {
        const keys = firstKeys(o);
        if (!keys) {
          out = null;
          break;
        }
        keys.forEach((k) => out!.add(k));
      }
    }
  }
  firstCache.set(f, out);
  return out;
}

const admits = (keys: ReadonlySet<string> | null, view: TextView, at: number) => keys === null || (at < view.tokens.length && view.keys[at]!.some((k) => keys.has(k)));

/** Options indexed by the keys they can start with, so only the few that fit a token are tried. */
interface Dispatch {
  byKey: Map<string, number[]>;
  /** Options that can start anywhere or match nothing: always tried. */
  always: number[];
}

const dispatchCache = new WeakMap<readonly Fragment[], Dispatch>();

function dispatchOf(options: readonly Fragment[]): Dispatch {
  let d = dispatchCache.get(options);
  if (!d) {
    d = { byKey: new Map(), always: [] };
    options.forEach((o, i) => {
      const keys = firstKeys(o);
      if (!keys || nullable(o)) d!.always.push(i);
      else for (const k of keys) d!.byKey.set(k, [...(d!.byKey.get(k) ?? []), i]);
    });
    dispatchCache.set(options, d);
  }
  return d;
}

/** Indices of the options worth trying at token `at`, in option order. */
function candidates(options: readonly Fragment[], view: TextView, at: number): number[] {
  const d = dispatchOf(options);
  const picked = new Set(d.always);
  if (at < view.tokens.length) for (const k of view.keys[at]!) for (const i of d.byKey.get(k) ?? []) picked.add(i);
  return [...picked].sort((a, b) => a - b);
}

/** Every token index where a match of `f` starting at `at` can end (exclusive). */
function ends(f: Fragment, view: TextView, at: number): number[] {
  const n = view.tokens.length;
  switch (f.kind) {
    case 'word':
      return at < n && view.keys[at]!.some((k) => f.keys.has(k)) ? [at + 1] : [];
    case 'any':
      return at < n ? [at + 1] : [];
    case 'gap': {
      const out: number[] = [];
      for (let k = 0; k <= f.max && at + k <= n; k++) out.push(at + k);
      return out;
    }
    case 'opt':
      return [at, ...ends(f.item, view, at)];
    case 'alt': {
      const out: number[] = [];
      for (const i of candidates(f.options, view, at)) out.push(...ends(f.options[i]!, view, at));
      return out;
    }
    case 'seq': {
      let positions = [at];
      for (const item of f.items) {
        const next = new Set<number>();
        for (const p of positions) for (const e of ends(item, view, p)) next.add(e);
        if (next.size === 0) return [];
        positions = [...next];
      }
      return positions;
    }
  }
}

/** Where `f` matches in the view: left to right, longest at each start, never overlapping. */
function scan(f: Fragment, view: TextView): PhraseMatch[] {
  const keys = firstKeys(f);
  const out: PhraseMatch[] = [];
  for (let at = 0; at < view.tokens.length; at++) {
    if (!admits(keys, view, at)) continue;
    const end = Math.max(at, ...ends(f, view, at));
    if (end > at) {
      out.push({ first: at, last: end - 1 });
      at = end - 1;
    }
  }
  return out;
}

export class PhraseSet {
  constructor(readonly fragment: Fragment) {}

  matches(view: TextView): PhraseMatch[] {
    return scan(this.fragment, view);
  }
}

/** Several phrase lists matched together; each match says which list (its index) it came from. */
export class TaggedPhrases {
  constructor(private readonly fragments: readonly Fragment[]) {}

  matches(view: TextView): (PhraseMatch & { tag: number })[] {
    const out: (PhraseMatch & { tag: number })[] = [];
    const free = new Map<number, number>();
    for (let at = 0; at < view.tokens.length; at++) {
      for (const tag of candidates(this.fragments, view, at)) {
        if ((free.get(tag) ?? 0) > at) continue;
        const end = Math.max(at, ...ends(this.fragments[tag]!, view, at));
        if (end === at) continue;
        out.push({ first: at, last: end - 1, tag });
        free.set(tag, end);
      }
    }
    return out;
  }
}

/** Alternatives of fragments. Single words merge into one word node (one set lookup, not many). */
export function alternativesOf(parts: readonly Fragment[]): Fragment {
  const words = parts.filter((p): p is Extract<Fragment, { kind: 'word' }> => p.kind === 'word');
  const others = parts.filter((p) => p.kind !== 'word');
  const merged: Fragment[] = words.length > 0 ? [{ kind: 'word', keys: new Set(words.flatMap((w) => [...w.keys])) }] : [];
  const options = [...merged, ...others];
  return options.length === 1 ? options[0]! : { kind: 'alt', options };
}

function sequenceOf(items: readonly Fragment[]): Fragment {
  return items.length === 1 ? items[0]! : { kind: 'seq', items };
}

/** A single word matched by stem. */
export function stemFragment(stem: string): Fragment {
  return { kind: 'word', keys: new Set([`s:${stem}`]) };
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
      return [{ kind: 'word', keys: new Set([`w:${words[0]!.word}`]) }];
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
    return words.map((t) => stemFragment(t.stem));
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
  return fragment;
}

/** Compiles a list of patterns into one matcher; errors carry the index of the bad pattern. */
export function compilePhrases(patterns: readonly string[], resolve: SetResolver): PhraseSet {
  const fragments = patterns.map((p, i) => {
    try {
      return compilePattern(p, resolve);
    } catch (err) {
      if (err instanceof PatternError) throw Object.assign(err, { patternIndex: i });
      throw err;
    }
  });
  return new PhraseSet(alternativesOf(fragments));
}
