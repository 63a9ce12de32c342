import { inflectionBase, sameFamily } from './stem.js';
import { NUMBER, ORDINAL, type TextView } from './view.js';

/**
 * Compiled phrase patterns (see phrase-pattern.ts) and how they match: a small tree matched token by
 * token, words by stem. Each node knows the words its first token can be, so alternatives are tried
 * only where they can start, and a match's possible ends are one bit mask, so matching allocates nothing.
 */

/**
 * Which tokens a word node accepts: by stem, by exact word, or any number / ordinal ("14th"). A word
 * written inflected or derived ("exceptions", "remediation") accepts its stem only in the same word
 * family (its inflections), so Porter's merges ("except", "remedy") do not reach it: `families` maps
 * such a stem to the inflection bases allowed.
 */
export interface WordSet {
  stems: ReadonlySet<string>;
  words: ReadonlySet<string>;
  numbers: boolean;
  ordinals: boolean;
  families?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Set when the node takes exactly this one stem and nothing else (most words of most patterns): one comparison. */
  only?: string;
}

/** A compiled pattern (or part of one). */
export type Fragment =
  | { kind: 'word'; accepts: WordSet }
  | { kind: 'any' }
  | { kind: 'gap'; max: number }
  | { kind: 'seq'; items: readonly Fragment[] }
  | { kind: 'alt'; options: readonly Fragment[]; dispatch?: Dispatch }
  | { kind: 'opt'; item: Fragment };

export interface PhraseMatch {
  /** Indices of the first and last matched tokens. */
  first: number;
  last: number;
}

/** No match: one shared, frozen answer for the most common case, not an empty array per question. */
export const NO_MATCHES: readonly PhraseMatch[] = Object.freeze([]);

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

function unionOf(sets: readonly WordSet[]): WordSet {
  // Added in place: a run computes the first words of every compiled list, some of thousands of words.
  const stems = new Set<string>();
  const words = new Set<string>();
  for (const s of sets) {
    for (const stem of s.stems) stems.add(stem);
    for (const word of s.words) words.add(word);
  }
  return {
    stems,
    ...(sets.some((s) => s.families) && { families: mergeFamilies(sets) }),
    words,
    numbers: sets.some((s) => s.numbers),
    ordinals: sets.some((s) => s.ordinals),
  };
}

const firstCache = new WeakMap<Fragment, WordSet | null>();

/** The tokens a match can start with; null when any token can start one. */
function firstWords(f: Fragment): WordSet | null {
  if (firstCache.has(f)) return firstCache.get(f)!;
  const sets: WordSet[] = [];
  const out = firstSets(f, sets) ? (sets.length === 1 ? sets[0]! : unionOf(sets)) : null;
  firstCache.set(f, out);
  return out;
}

/** Adds the word sets a match of `f` can start with (firstWords, before they are merged); false when any token can start one. */
export function firstSets(f: Fragment, out: WordSet[]): boolean {
  switch (f.kind) {
    case 'word':
      out.push(f.accepts);
      return true;
    case 'any':
    case 'gap':
      return false;
    case 'opt':
      return firstSets(f.item, out);
    case 'alt':
      return f.options.every((o) => firstSets(o, out));
    case 'seq':
      // The first item's words, and the next item's too while the ones before can match nothing.
      for (const item of f.items) {
        if (!firstSets(item, out)) return false;
        if (!nullable(item)) return true;
      }
      return true;
  }
}

function mergeFamilies(sets: readonly WordSet[]): Map<string, ReadonlySet<string>> {
  const merged = new Map<string, Set<string>>();
  for (const s of sets) for (const [stem, bases] of s.families ?? []) merged.set(stem, new Set([...(merged.get(stem) ?? []), ...bases]));
  return merged;
}

function inFamily(set: WordSet, stem: string, word: string): boolean {
  const bases = set.families?.get(stem);
  if (!bases) return false;
  const base = inflectionBase(word);
  for (const b of bases) if (sameFamily(b, base)) return true;
  return false;
}

function accepts(set: WordSet, view: TextView, at: number): boolean {
  const t = view.tokens[at];
  if (!t) return false;
  if (set.only !== undefined) return t.stem === set.only;
  return (
    set.stems.has(t.stem) ||
    inFamily(set, t.stem, t.word) ||
    set.words.has(t.word) ||
    (set.numbers && view.numerals[at] === NUMBER) ||
    (set.ordinals && view.numerals[at] === ORDINAL)
  );
}

/** Options indexed by the tokens they can start with, so only the few that fit a token are tried. */
interface Dispatch {
  byStem: Map<string, number[]>;
  byWord: Map<string, number[]>;
  numbers: number[];
  ordinals: number[];
  /** Options that can start anywhere or match nothing: always tried. */
  always: number[];
}

function dispatchOf(options: readonly Fragment[]): Dispatch {
  const d: Dispatch = { byStem: new Map(), byWord: new Map(), numbers: [], ordinals: [], always: [] };
  const add = (map: Map<string, number[]>, key: string, i: number) => map.set(key, [...(map.get(key) ?? []), i]);
  options.forEach((o, i) => {
    const first = firstWords(o);
    if (!first || nullable(o)) return void d.always.push(i);
    first.stems.forEach((k) => add(d.byStem, k, i));
    first.families?.forEach((_, k) => add(d.byStem, k, i));
    first.words.forEach((k) => add(d.byWord, k, i));
    if (first.numbers) d.numbers.push(i);
    if (first.ordinals) d.ordinals.push(i);
  });
  return d;
}

/**
 * The lists of options worth trying at token `at` (an option may come twice; harmless). Empty lists
 * stand for none, so callers loop without a callback: this runs for most tokens of every turn.
 */
function candidatesAt(d: Dispatch, view: TextView, at: number, out: (readonly number[])[]): (readonly number[])[] {
  out[0] = d.always;
  const t = view.tokens[at];
  out[1] = (t && d.byStem.get(t.stem)) || NO_OPTIONS;
  out[2] = (t && d.byWord.get(t.word)) || NO_OPTIONS;
  out[3] = t && view.numerals[at] === NUMBER ? d.numbers : NO_OPTIONS;
  out[4] = t && view.numerals[at] === ORDINAL ? d.ordinals : NO_OPTIONS;
  return out;
}

const NO_OPTIONS: readonly number[] = [];

/**
 * Where a match of `f` starting at token `at` can end, as a bit mask: bit j set when it can end at
 * `at + j` (exclusive). A pattern spans at most MAX_SPAN tokens, so every end fits in one 32-bit int,
 * and matching allocates nothing.
 */
function reach(f: Fragment, view: TextView, at: number): number {
  switch (f.kind) {
    case 'word':
      return accepts(f.accepts, view, at) ? 2 : 0;
    case 'any':
      return at < view.tokens.length ? 2 : 0;
    case 'gap': {
      const widest = Math.min(f.max, view.tokens.length - at);
      return widest < 0 ? 0 : (2 << widest) - 1;
    }
    case 'opt':
      return 1 | reach(f.item, view, at);
    case 'alt':
      return reachAlternatives(f, view, at);
    case 'seq':
      return reachSequence(f.items, view, at);
  }
}

function reachSequence(items: readonly Fragment[], view: TextView, at: number): number {
  let ends = 1;
  for (const item of items) {
    let next = 0;
    // Runs of plain words with one end so far (most of every pattern) just move that end along.
    if (item.kind === 'word' && (ends & (ends - 1)) === 0) {
      const j = 31 - Math.clz32(ends);
      next = accepts(item.accepts, view, at + j) ? ends << 1 : 0;
    } else {
      for (let rest = ends; rest !== 0; rest &= rest - 1) {
        const j = 31 - Math.clz32(rest & -rest);
        next |= reach(item, view, at + j) << j;
      }
    }
    if (next === 0) return 0;
    ends = next;
  }
  return ends;
}

/** Up to this many alternatives are all tried: an index of their first words would cost more to build than it saves. */
const DISPATCH_ABOVE = 4;

function reachAlternatives(f: Extract<Fragment, { kind: 'alt' }>, view: TextView, at: number): number {
  if (f.options.length <= DISPATCH_ABOVE) {
    let ends = 0;
    for (const option of f.options) ends |= reach(option, view, at);
    return ends;
  }
  const d = (f.dispatch ??= dispatchOf(f.options));
  let ends = reachSome(f.options, d.always, view, at);
  const t = view.tokens[at];
  if (!t) return ends;
  const byStem = d.byStem.get(t.stem);
  if (byStem) ends |= reachSome(f.options, byStem, view, at);
  const byWord = d.byWord.get(t.word);
  if (byWord) ends |= reachSome(f.options, byWord, view, at);
  if (view.numerals[at] === NUMBER) ends |= reachSome(f.options, d.numbers, view, at);
  if (view.numerals[at] === ORDINAL) ends |= reachSome(f.options, d.ordinals, view, at);
  return ends;
}

function reachSome(options: readonly Fragment[], which: readonly number[], view: TextView, at: number): number {
  let ends = 0;
  for (let i = 0; i < which.length; i++) ends |= reach(options[which[i]!]!, view, at);
  return ends;
}

/** The longest match of `f` starting at `at`, as its end (exclusive); `at` when none. */
export function longest(f: Fragment, view: TextView, at: number): number {
  const ends = reach(f, view, at);
  return ends === 0 ? at : at + 31 - Math.clz32(ends);
}

/** Several phrase lists matched together; each match says which list (its index) it came from. */
export class TaggedPhrases {
  private readonly dispatch: Dispatch;

  constructor(private readonly fragments: readonly Fragment[]) {
    this.dispatch = dispatchOf(fragments);
  }

  matches(view: TextView): (PhraseMatch & { tag: number })[] {
    const out: (PhraseMatch & { tag: number })[] = [];
    const free = new Map<number, number>();
    const lists: (readonly number[])[] = [];
    for (let at = 0; at < view.tokens.length; at++) {
      for (const list of candidatesAt(this.dispatch, view, at, lists))
        for (const tag of list) {
          if ((free.get(tag) ?? 0) > at) continue;
          const end = longest(this.fragments[tag]!, view, at);
          if (end === at) continue;
          out.push({ first: at, last: end - 1, tag });
          free.set(tag, end);
        }
    }
    return out;
  }
}

/**
 * Alternatives of fragments. Single words merge into one word node (one set lookup, not many), and
 * sequences that start with the same word share it ("i am sorry | i apologize" becomes "i (am sorry |
 * apologize)"), so the lists compile to a trie: a token that starts many patterns is tested once, and
 * each next word once per branch. Only the longest end of a match counts, and sharing keeps every end.
 */
export function alternativesOf(parts: readonly Fragment[]): Fragment {
  const words = parts.filter((p): p is Extract<Fragment, { kind: 'word' }> => p.kind === 'word');
  const others = sharePrefixes(parts.filter((p) => p.kind !== 'word'));
  const merged: Fragment[] = words.length > 0 ? [{ kind: 'word', accepts: unionOf(words.map((w) => w.accepts)) }] : [];
  const options = [...merged, ...others];
  return options.length === 1 ? options[0]! : { kind: 'alt', options };
}

/** Sequences grouped by an equal first word, each group one sequence: that word, then its rests' alternatives. */
function sharePrefixes(parts: readonly Fragment[]): Fragment[] {
  const groups = new Map<string, Extract<Fragment, { kind: 'seq' }>[]>();
  const out: (Fragment | string)[] = [];
  for (const p of parts) {
    const head = p.kind === 'seq' ? p.items[0] : undefined;
    if (p.kind !== 'seq' || head?.kind !== 'word') {
      out.push(p);
      continue;
    }
    const key = wordSetKey(head.accepts);
    const group = groups.get(key);
    if (group) group.push(p);
    else {
      groups.set(key, [p]);
      out.push(key);
    }
  }
  return out.map((o) => {
    if (typeof o !== 'string') return o;
    const group = groups.get(o)!;
    if (group.length === 1) return group[0]!;
    const rests = group.map((g) => sequenceOf(g.items.slice(1)));
    return { kind: 'seq', items: [group[0]!.items[0]!, alternativesOf(rests)] };
  });
}

function wordSetKey(set: WordSet): string {
  const sorted = (values: Iterable<string>) => [...values].sort().join('\u0001');
  const families = [...(set.families ?? [])].map(([stem, bases]) => `${stem}\u0003${sorted(bases)}`);
  return [sorted(set.stems), sorted(set.words), set.numbers, set.ordinals, sorted(families)].join('\u0002');
}

export function sequenceOf(items: readonly Fragment[]): Fragment {
  return items.length === 1 ? items[0]! : { kind: 'seq', items };
}

export const NONE: ReadonlySet<string> = new Set();

/** A single word matched by stem. */
export function stemFragment(stem: string): Fragment {
  return { kind: 'word', accepts: { stems: new Set([stem]), words: NONE, numbers: false, ordinals: false, only: stem } };
}

/** Any number, or any ordinal ("14th"), as a word node. */
export function numeralFragment(which: 'numbers' | 'ordinals'): Fragment {
  return { kind: 'word', accepts: { stems: NONE, words: NONE, numbers: which === 'numbers', ordinals: which === 'ordinals' } };
}
