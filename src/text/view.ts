import { floorIndex } from '../util/floor-index.js';
import type { Token } from './tokenize.js';
import { tokenize } from './tokenize.js';

/**
 * A text ready for matching: its tokens and the "stem line" (" stem/word stem/word … ") that compiled
 * phrase patterns run over as one regular expression per phrase set. Each token carries its stem,
 * for inflection-insensitive matching, and its lower-case word, for the rare exact match
 * ("pended" must not match "pending", which shares its stem).
 */
export interface TextView {
  text: string;
  tokens: Token[];
  line: string;
  /** Offset in `line` where each token's stem starts. */
  starts: number[];
  /** Sentence number of each token, so an exception can void a match in its own sentence only. */
  sentences: number[];
}

const SENTENCE_END = /[.?!;]/;

export function textView(text: string): TextView {
  const tokens = tokenize(text);
  const starts: number[] = [];
  const sentences: number[] = [];
  let line = ' ';
  let sentence = 0;
  let previousEnd = 0;
  for (const t of tokens) {
    if (SENTENCE_END.test(text.slice(previousEnd, t.start))) sentence++;
    previousEnd = t.end;
    starts.push(line.length);
    sentences.push(sentence);
    line += `${t.stem}/${t.word} `;
  }
  return { text, tokens, line, starts, sentences };
}

/** Index of the token whose stem covers `offset` in the stem line. */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Regex source matching one token by stem. */
export function stemSource(stem: string): string {
  return `${escape(stem)}/\\S* `;
}

/** Regex source matching one token by its exact lower-case word. */
export function wordSource(word: string): string {
  return `[^ /]+/${escape(word)} `;
}

/** Regex source matching any one token. */
export const ANY_TOKEN = '\\S+ ';

export function tokenAt(view: TextView, offset: number): number {
  return floorIndex(view.starts, offset);
}

const views = new WeakMap<object, TextView>();

/** The view of a turn (or any object with text), computed once however many rules look at it. */
export function viewOf(owner: { text: string }): TextView {
  let view = views.get(owner);
  if (!view || view.text !== owner.text) {
    view = textView(owner.text);
    views.set(owner, view);
  }
  return view;
}
