import { firstSets, type Fragment, longest, NO_MATCHES, NONE, nullable, type PhraseMatch, type WordSet } from './phrase.js';
import { NUMBER, ORDINAL, type TextView } from './view.js';

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

const NO_SETS: readonly WordSet[] = [];
const MANY_FOLLOWERS = 64;

/** A view's start bits: `bits` from `offset` on, for the lists joined so far, and each list's matches once asked. */
interface Starts {
  lists: number;
  bits: Int32Array;
  offset: number;
  found: (readonly PhraseMatch[] | undefined)[];
}

// 8 KB: the bits of some tens of turns. Small, because a view kept for its text (view.ts) keeps its block.
const SLAB = 1 << 11;

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

  private markStem(id: number, stem: string): void {
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
    // The index's lists started by exact words or numbers have no stems here: no lookup for them.
    const stem = this.byStem.size > 0 ? this.byStem.get(t.stem) : undefined;
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
  private readonly views = new WeakMap<TextView, Starts>();
  /** Where views' start bits are cut from: one allocation for thousands of turns, not one each. */
  private slab = new Int32Array(0);
  private used = 0;

  /** A list compiled to `fragment`, matched through this index. */
  set(fragment: Fragment): PhraseSet {
    return new PhraseSet(fragment, this);
  }

  /** The number of a list in this index, joining it on first use. */
  idOf(fragment: Fragment): number {
    return this.ids.get(fragment) ?? this.join(fragment);
  }

  /** Where list `id` (compiled to `fragment`) matches in the view: left to right, the longest match at each start, never overlapping. */
  matches(id: number, fragment: Fragment, view: TextView): readonly PhraseMatch[] {
    const starts = this.startsIn(view);
    // Views are shared by turns of the same text, and several rules ask for the same list: once each.
    return (starts.found[id] ??= this.find(id, fragment, view, starts));
  }

  /** False when list `id` can start nowhere in the view, so matches nowhere there (true: it may). */
  mayMatch(id: number, view: TextView): boolean {
    const { bits, offset } = this.startsIn(view);
    return (bits[offset + view.tokens.length * this.width + (id >> 5)]! & (1 << (id & 31))) !== 0;
  }

  private find(id: number, fragment: Fragment, view: TextView, { bits, offset }: Starts): readonly PhraseMatch[] {
    const { width } = this;
    const word = id >> 5;
    const bit = 1 << (id & 31);
    const n = view.tokens.length;
    // Most lists start nowhere in most turns: one shared answer, not an array each.
    if ((bits[offset + n * width + word]! & bit) === 0) return NO_MATCHES;
    const out: PhraseMatch[] = [];
    for (let at = 0; at < n; at++) {
      if ((bits[offset + at * width + word]! & bit) === 0) continue;
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
  private startsIn(view: TextView): Starts {
    const known = this.views.get(view);
    // A list that joined since: look again (lists join during the first conversations only).
    if (known?.lists === this.ids.size) return known;
    const { width } = this;
    const n = view.tokens.length;
    const size = (n + 1) * width;
    if (this.used + size > this.slab.length) {
      this.slab = new Int32Array(Math.max(SLAB, size));
      this.used = 0;
    }
    const bits = this.slab;
    const offset = this.used;
    this.used += size;
    for (let at = 0; at < n; at++) {
      const here = offset + at * width;
      this.plain.collect(view, at, bits, here);
      const entry = this.byStem.get(view.tokens[at]!.stem);
      if (entry) {
        orInto(bits, here, entry.any);
        entry.next.collect(view, at + 1, bits, here);
      }
      for (let w = 0; w < width; w++) bits[offset + n * width + w]! |= bits[here + w]!;
    }
    const starts = { lists: this.ids.size, bits, offset, found: [] };
    this.views.set(view, starts);
    return starts;
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

  matches(view: TextView): readonly PhraseMatch[] {
    if (this.id < 0) this.id = this.index.idOf(this.fragment);
    return this.index.matches(this.id, this.fragment, view);
  }

  /** False when the list matches nowhere in the view, told from its start bits alone. */
  mayMatch(view: TextView): boolean {
    if (this.id < 0) this.id = this.index.idOf(this.fragment);
    return this.index.mayMatch(this.id, view);
  }
}
