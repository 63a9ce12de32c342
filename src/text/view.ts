import type { Token } from './tokenize.js';
import { tokenize } from './tokenize.js';

/** A text ready for matching: its tokens, with the keys phrase patterns look them up by. */
export interface TextView {
  text: string;
  tokens: Token[];
  /**
   * Per token: `s:<stem>` (inflection-insensitive), `w:<word>` (exact, so "pended" need not match
   * "pending", which shares its stem), `d:` for a number and `o:` for an ordinal such as "14th".
   */
  keys: string[][];
  /** Sentence number of each token, so an exception can void a match in its own sentence only. */
  sentences: number[];
}

const SENTENCE_END = /[.?!;]/;

export function textView(text: string): TextView {
  const tokens = tokenize(text);
  const keys: string[][] = [];
  const sentences: number[] = [];
  let sentence = 0;
  let previousEnd = 0;
  for (const t of tokens) {
    if (SENTENCE_END.test(text.slice(previousEnd, t.start))) sentence++;
    previousEnd = t.end;
    sentences.push(sentence);
    const k = [`s:${t.stem}`, `w:${t.word}`];
    if (/^\d/.test(t.word)) k.push(/^\d+(?:st|nd|rd|th)$/.test(t.word) ? 'o:' : 'd:');
    keys.push(k);
  }
  return { text, tokens, keys, sentences };
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
