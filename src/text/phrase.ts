import { inflectionBase, sameFamily } from './stem.js';
import { tokenize } from './tokenize.js';
import { NUMBER, ORDINAL, type TextView } from './view.js';

/**
 * Phrase patterns: words match by stem, so case, punctuation and inflection do not matter
 * ("transferring you" matches `transfer you`). Operators:
 *   (a|b c)   alternatives        [a b]  optional words
 *   *         exactly one word     ...    a gap of up to three words
 *   =word     this exact word, not its inflections ("=pended" does not match "pending")
 *   @name     a named phrase set (the pack's own `sets`, or a built-in such as @number, @weekday)
 *
 * Patterns compile to a small tree matched token by token. Each node knows the words its first
 * token can be, so alternatives are tried only where they can start.
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

/**
 * Which tokens a word node accepts: by stem, by exact word, or any number / ordinal ("14th"). A word
 * written inflected or derived ("exceptions", "remediation") accepts its stem only in the same word
 * family (its inflections), so Porter's merges ("except", "remedy") do not reach it: `families` maps
 * such a stem to the inflection bases allowed.
 */
interface WordSet {
  stems: ReadonlySet<string>;
  words: ReadonlySet<string>;
  numbers: boolean;
  ordinals: boolean;
  families?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A compiled pattern (or part of one). */
export type Fragment =
  | { kind: 'word'; accepts: WordSet }
  | { kind: 'any' }
  | { kind: 'gap'; max: number }
  | { kind: 'seq'; items: readonly Fragment[] }
  | { kind: 'alt'; options: readonly Fragment[]; dispatch?: Dispatch }
  | { kind: 'opt'; item: Fragment };

/** The fragment of a named set, or undefined when no such set exists. */
type SetResolver = (name: string) => Fragment | undefined;

export interface PhraseMatch {
  /** Indices of the first and last matched tokens. */
  first: number;
  last: number;
}

const GAP = 3;

function nullable(f: Fragment): boolean {
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
  let out: WordSet | null;
  switch (f.kind) {
    case 'word':
      out = f.accepts;
      break;
    case 'any':
    case 'gap':
      out = null;
      break;
    case 'opt':
      out = firstWords(f.item);
      break;
    case 'seq': {
      // The first item's words, and the next item's too while the ones before can match nothing.
      const parts: (WordSet | null)[] = [];
      for (const item of f.items) {
        parts.push(firstWords(item));
        if (!nullable(item)) break;
      }
      out = parts.every((p) => p !== null) ? unionOf(parts as WordSet[]) : null;
      break;
    }
    case 'alt': {
      const parts = f.options.map(firstWords);
      out = parts.every((p) => p !== null) ? unionOf(parts as WordSet[]) : null;
    }
  }
  firstCache.set(f, out);
  return out;
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
function longest(f: Fragment, view: TextView, at: number): number {
  const ends = reach(f, view, at);
  return ends === 0 ? at : at + 31 - Math.clz32(ends);
}

/** The most tokens one pattern can span, so the ends of a match fit in a 32-bit mask (see reach). */
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

/** Told how matches of a list can start: by a first stem (and what can come second), or by another first token. */
interface StartSink {
  /** A first token of this stem, followed by a token of one of `second` (an empty list: by any token, or none). */
  stem(stem: string, second: readonly WordSet[]): void;
  /** A first token accepted by exact word, number or ordinal; null: any token. */
  other(words: WordSet | null): void;
}

/**
 * How a match of `f`, followed by the fragments `rest`, can start, for a first token taken by stem
 * with what can come second: "the" starts "the team will send you" and "the" alone starts nothing,
 * so a turn's "the" is worth an attempt only before "team". Nothing is merged: the sink marks bits.
 */
function startsOf(f: Fragment, rest: readonly Fragment[], sink: StartSink): void {
  switch (f.kind) {
    case 'word': {
      const second = followers(rest);
      f.accepts.stems.forEach((stem) => sink.stem(stem, second));
      f.accepts.families?.forEach((_, stem) => sink.stem(stem, second));
      const { words, numbers, ordinals } = f.accepts;
      if (words.size > 0 || numbers || ordinals) sink.other({ stems: NONE, words, numbers, ordinals });
      return;
    }
    case 'any':
    case 'gap':
      return sink.other(null);
    case 'opt':
      startsOf(f.item, rest, sink);
      return startsOfSequence(rest, sink);
    case 'alt':
      for (const o of f.options) startsOf(o, rest, sink);
      return;
    case 'seq':
      return startsOfSequence([...f.items, ...rest], sink);
  }
}

function startsOfSequence(items: readonly Fragment[], sink: StartSink): void {
  for (let i = 0; i < items.length; i++) {
    startsOf(items[i]!, items.slice(i + 1), sink);
    if (!nullable(items[i]!)) return;
  }
}

/** The word sets a token right after a first token must be in, for the rest of a match; empty when any token will do, or none is needed. */
function followers(rest: readonly Fragment[]): readonly WordSet[] {
  const sets: WordSet[] = [];
  for (const item of rest) {
    if (!firstSets(item, sets)) return NO_SETS;
    if (!nullable(item)) return sets;
  }
  // The rest can match nothing: the match can end at its first token.
  return NO_SETS;
}

/** Adds the word sets a match of `f` can start with (as firstWords, without merging them); false when any token can start one. */
function firstSets(f: Fragment, out: WordSet[]): boolean {
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
      for (const item of f.items) {
        if (!firstSets(item, out)) return false;
        if (!nullable(item)) return true;
      }
      return true;
  }
}

const NO_SETS: readonly WordSet[] = [];
const MANY_FOLLOWERS = 64;

/** Bit sets of lists by word (a bit per list, `width` ints each). */
class WordBits {
  readonly byStem = new Map<string, Int32Array>();
  readonly byWord = new Map<string, Int32Array>();
  numbers: Int32Array;
  ordinals: Int32Array;
  /** Lists that take any token here. */
  always: Int32Array;

  constructor(private width: number) {
    this.numbers = new Int32Array(width);
    this.ordinals = new Int32Array(width);
    this.always = new Int32Array(width);
  }

  /** Marks list `id` for these words (null: for any token). */
  add(id: number, words: WordSet | null): void {
    if (!words) return mark(this.always, id);
    words.stems.forEach((stem) => this.markStem(id, stem));
    words.families?.forEach((_, stem) => this.markStem(id, stem));
    words.words.forEach((word) => mark(bitsFor(this.byWord, word, this.width), id));
    if (words.numbers) mark(this.numbers, id);
    if (words.ordinals) mark(this.ordinals, id);
  }

  markStem(id: number, stem: string): void {
    mark(bitsFor(this.byStem, stem, this.width), id);
  }

  widen(width: number): void {
    for (const map of [this.byStem, this.byWord]) for (const [key, set] of map) map.set(key, widened(set, width));
    this.numbers = widened(this.numbers, width);
    this.ordinals = widened(this.ordinals, width);
    this.always = widened(this.always, width);
    this.width = width;
  }

  /** ORs into `out` (at `to`) the lists token `at` is marked for; a token past the end takes only `always`. */
  collect(view: TextView, at: number, out: Int32Array, to: number): void {
    orInto(out, to, this.always);
    const t = view.tokens[at];
    if (!t) return;
    const stem = this.byStem.get(t.stem);
    if (stem) orInto(out, to, stem);
    const word = this.byWord.get(t.word);
    if (word) orInto(out, to, word);
    if (view.numerals[at] === NUMBER) orInto(out, to, this.numbers);
    if (view.numerals[at] === ORDINAL) orInto(out, to, this.ordinals);
  }
}

const mark = (set: Int32Array, id: number) => void (set[id >> 5]! |= 1 << (id & 31));

function bitsFor(map: Map<string, Int32Array>, key: string, width: number): Int32Array {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Int32Array(width)));
  return set;
}

function widened(set: Int32Array, width: number): Int32Array {
  const wider = new Int32Array(width);
  wider.set(set);
  return wider;
}

function orInto(out: Int32Array, to: number, set: Int32Array): void {
  for (let w = 0; w < set.length; w++) out[to + w]! |= set[w]!;
}

/**
 * The phrase lists of one run (every pack's), indexed by how their matches can start: a turn is
 * looked up once, a token (and the one after it) at a time, to find where every list can start (a
 * bit per list), and a list is tried only there, or not at all when it cannot start anywhere in the
 * turn. A list joins on its first use, so lists only ever read as fragments cost nothing.
 */
export class PhraseIndex {
  private readonly ids = new Map<Fragment, number>();
  // Room for 64 lists before the bit sets grow (the bundled packs use about 50).
  private width = 2;
  /** Lists a token starts whatever follows it: by exact word, number, or any token. */
  private readonly plain = new WordBits(this.width);
  /** By first stem: the lists it starts whatever follows (`any`), and those it starts before given words (`next`). */
  private readonly byStem = new Map<string, { any: Int32Array; next: WordBits }>();
  private readonly views = new WeakMap<TextView, { lists: number; bits: Int32Array }>();

  /** A list compiled to `fragment`, matched through this index. */
  set(fragment: Fragment): PhraseSet {
    return new PhraseSet(fragment, this);
  }

  /** The number of a list in this index, joining it on first use. */
  idOf(fragment: Fragment): number {
    return this.ids.get(fragment) ?? this.join(fragment);
  }

  /** Where list `id` (compiled to `fragment`) matches in the view: left to right, the longest match at each start, never overlapping. */
  matches(id: number, fragment: Fragment, view: TextView): PhraseMatch[] {
    const bits = this.startsIn(view);
    const { width } = this;
    const word = id >> 5;
    const bit = 1 << (id & 31);
    const out: PhraseMatch[] = [];
    const n = view.tokens.length;
    if ((bits[n * width + word]! & bit) === 0) return out;
    for (let at = 0; at < n; at++) {
      if ((bits[at * width + word]! & bit) === 0) continue;
      const end = longest(fragment, view, at);
      if (end > at) {
        out.push({ first: at, last: end - 1 });
        at = end - 1;
      }
    }
    return out;
  }

  private join(fragment: Fragment): number {
    const id = this.ids.size;
    this.ids.set(fragment, id);
    if (id >= this.width * 32) {
      this.width *= 2;
      this.plain.widen(this.width);
      for (const entry of this.byStem.values()) {
        entry.any = widened(entry.any, this.width);
        entry.next.widen(this.width);
      }
    }
    startsOf(fragment, [], {
      stem: (stem, second) => {
        let entry = this.byStem.get(stem);
        if (!entry) this.byStem.set(stem, (entry = { any: new Int32Array(this.width), next: new WordBits(this.width) }));
        // Hundreds of words can follow (a set after a set): the filter would cost more to build than it saves.
        if (second.length === 0 || second.reduce((n, w) => n + w.stems.size + w.words.size, 0) > MANY_FOLLOWERS) mark(entry.any, id);
        else for (const words of second) entry.next.add(id, words);
      },
      other: (words) => this.plain.add(id, words),
    });
    return id;
  }

  /** Per token, the lists that can start there (`width` ints each), then their union over the turn. */
  private startsIn(view: TextView): Int32Array {
    const known = this.views.get(view);
    // A list that joined since: look again (lists join during the first conversations only).
    if (known?.lists === this.ids.size) return known.bits;
    const { width } = this;
    const n = view.tokens.length;
    const bits = new Int32Array((n + 1) * width);
    for (let at = 0; at < n; at++) {
      const here = at * width;
      this.plain.collect(view, at, bits, here);
      const entry = this.byStem.get(view.tokens[at]!.stem);
      if (entry) {
        orInto(bits, here, entry.any);
        entry.next.collect(view, at + 1, bits, here);
      }
      for (let w = 0; w < width; w++) bits[n * width + w]! |= bits[here + w]!;
    }
    this.views.set(view, { lists: this.ids.size, bits });
    return bits;
  }
}

export class PhraseSet {
  private readonly index: PhraseIndex;
  private id = -1;

  /** Without an index the list is matched on its own. */
  constructor(
    readonly fragment: Fragment,
    index?: PhraseIndex,
  ) {
    this.index = index ?? new PhraseIndex();
  }

  matches(view: TextView): PhraseMatch[] {
    if (this.id < 0) this.id = this.index.idOf(this.fragment);
    return this.index.matches(this.id, this.fragment, view);
  }
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

function sequenceOf(items: readonly Fragment[]): Fragment {
  return items.length === 1 ? items[0]! : { kind: 'seq', items };
}

const NONE: ReadonlySet<string> = new Set();

/** A single word matched by stem. */
export function stemFragment(stem: string): Fragment {
  return { kind: 'word', accepts: { stems: new Set([stem]), words: NONE, numbers: false, ordinals: false } };
}

/** A word of a pattern: by stem when written as its stem ("transfer"), else within its word family ("exceptions"). */
function wordFragment(word: string, stem: string): Fragment {
  if (word === stem || !/^[a-z]+$/.test(word)) return stemFragment(stem);
  return {
    kind: 'word',
    accepts: { stems: NONE, words: NONE, numbers: false, ordinals: false, families: new Map([[stem, new Set([inflectionBase(word)])]]) },
  };
}

/** Any number, or any ordinal ("14th"), as a word node. */
export function numeralFragment(which: 'numbers' | 'ordinals'): Fragment {
  return { kind: 'word', accepts: { stems: NONE, words: NONE, numbers: which === 'numbers', ordinals: which === 'ordinals' } };
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

/**
 * A fragment as compact JSON, for the build-time snapshot of compiled bundled packs: a word of one
 * stem (most of every list) is that stem, a sequence is an array, other nodes are objects keyed by
 * their kind, and a word node leaves out what it does not use. A start reads thousands of them.
 */
export type FragmentJson =
  string | FragmentJson[] | { alt: FragmentJson[] } | { opt: FragmentJson } | { any: 1 } | { gap: number } | WordJson;

interface WordJson {
  stems?: string[];
  words?: string[];
  numbers?: 1;
  ordinals?: 1;
  families?: [string, string[]][];
}

export function fragmentToJson(f: Fragment): FragmentJson {
  switch (f.kind) {
    case 'word': {
      const { stems, words, numbers, ordinals, families } = f.accepts;
      if (stems.size === 1 && words.size === 0 && !numbers && !ordinals && !families) return [...stems][0]!;
      return {
        ...(stems.size > 0 && { stems: [...stems] }),
        ...(words.size > 0 && { words: [...words] }),
        ...(numbers && { numbers: 1 }),
        ...(ordinals && { ordinals: 1 }),
        ...(families && { families: [...families].map(([stem, bases]): [string, string[]] => [stem, [...bases]]) }),
      };
    }
    case 'seq':
      return f.items.map(fragmentToJson);
    case 'alt':
      return { alt: f.options.map(fragmentToJson) };
    case 'opt':
      return { opt: fragmentToJson(f.item) };
    case 'any':
      return { any: 1 };
    case 'gap':
      return { gap: f.max };
  }
}

// Most word nodes have no exact words and many no stems: they share one empty set.
const setOf = (values: readonly string[] | undefined): ReadonlySet<string> => (values?.length ? new Set(values) : NONE);

export function fragmentFromJson(j: FragmentJson): Fragment {
  if (typeof j === 'string') return { kind: 'word', accepts: { stems: new Set([j]), words: NONE, numbers: false, ordinals: false } };
  if (Array.isArray(j)) return { kind: 'seq', items: j.map(fragmentFromJson) };
  if ('alt' in j) return { kind: 'alt', options: j.alt.map(fragmentFromJson) };
  if ('opt' in j) return { kind: 'opt', item: fragmentFromJson(j.opt) };
  if ('any' in j) return { kind: 'any' };
  if ('gap' in j) return { kind: 'gap', max: j.gap };
  return {
    kind: 'word',
    accepts: {
      stems: setOf(j.stems),
      words: setOf(j.words),
      numbers: j.numbers === 1,
      ordinals: j.ordinals === 1,
      ...(j.families && { families: new Map(j.families.map(([stem, bases]) => [stem, new Set(bases)])) }),
    },
  };
}
