import type { Token } from './tokenize.js';
import { tokenize } from './tokenize.js';

export const NUMBER = 1;
export const ORDINAL = 2;

/** A text ready for matching: its tokens (stem for inflection-insensitive matches, word for exact ones). */
export interface TextView {
  text: string;
  tokens: Token[];
  /** Per token: NUMBER, ORDINAL ("14th") or 0, for the @number and @ordinal sets. */
  numerals: Uint8Array;
  /** Sentence number of each token, so an exception can void a match in its own sentence only. */
  sentences: number[];
}

const SENTENCE_END = /[.?!;]/;

export function textView(text: string): TextView {
  const tokens = tokenize(text);
  const numerals = new Uint8Array(tokens.length);
  const sentences: number[] = [];
  let sentence = 0;
  let previousEnd = 0;
  tokens.forEach((t, i) => {
    if (SENTENCE_END.test(text.slice(previousEnd, t.start))) sentence++;
    previousEnd = t.end;
    sentences.push(sentence);
    if (/^\d/.test(t.word)) numerals[i] = /^\d+(?:st|nd|rd|th)$/.test(t.word) ? ORDINAL : NUMBER;
  });
  return { text, tokens, numerals, sentences };
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
