import { blankMarks, cleanText, type Mark } from './clean.js';
import { type TextSignals, signalsOf } from './signals.js';
import type { Token } from './tokenize.js';
import { tokenize } from './tokenize.js';

export const NUMBER = 1;
export const ORDINAL = 2;

/** The token a link, a redaction tag or a masked swear becomes: one word-like token rules can name (@url…). */
export const URL_TOKEN = '#url';
export const REDACTED_TOKEN = '#redacted';
export const MASKED_TOKEN = '#masked';
const MARK_TOKENS: Partial<Record<Mark['kind'], string>> = { url: URL_TOKEN, redacted: REDACTED_TOKEN, masked: MASKED_TOKEN };

/**
 * A text ready for matching: its tokens (stem for inflection-insensitive matches, word for exact ones),
 * read from the cleaned text (entities decoded; mentions and sign-offs are not words), and its signals.
 */
export interface TextView {
  /** The cleaned text, the same length as the original (offsets point into both). */
  text: string;
  tokens: Token[];
  /** Per token: NUMBER, ORDINAL ("14th") or 0, for the @number and @ordinal sets. */
  numerals: Uint8Array;
  /** Sentence number of each token, so an exception can void a match in its own sentence only. */
  sentences: number[];
  signals: TextSignals;
}

/** Whether the text between two tokens ends a sentence (scanned in place: this runs between every two tokens). */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 63 || c === 33 || c === 59) return true; // . ? ! ;
  }
  return false;
}

export function textView(raw: string): TextView {
  const { text, marks } = cleanText(raw);
  const words = blankMarks(text, marks);
  const tokens = tokenize(words);
  const special = marks.filter((m) => MARK_TOKENS[m.kind] !== undefined);
  if (special.length > 0) {
    for (const m of special) {
      const word = MARK_TOKENS[m.kind]!;
      tokens.push({ raw: text.slice(m.start, m.end), word, stem: word, start: m.start, end: m.end });
    }
    tokens.sort((a, b) => a.start - b.start);
  }
  const numerals = new Uint8Array(tokens.length);
  const sentences: number[] = [];
  let sentence = 0;
  let previousEnd = 0;
  tokens.forEach((t, i) => {
    if (endsSentence(words, previousEnd, t.start)) sentence++;
    previousEnd = t.end;
    sentences.push(sentence);
    const first = t.word.charCodeAt(0);
    if (first >= 48 && first <= 57) numerals[i] = /^\d+(?:st|nd|rd|th)$/.test(t.word) ? ORDINAL : NUMBER;
  });
  // Most turns are never asked how they are written: their signals are read on first use.
  let signals: TextSignals | undefined;
  return {
    text,
    tokens,
    numerals,
    sentences,
    get signals() {
      return (signals ??= signalsOf(text, tokens, marks));
    },
  };
}

// With the text it was made from: a turn whose text changed gets a new view.
const views = new WeakMap<object, { source: string; view: TextView }>();

/**
 * Views by text, shared by every turn that says the same thing: scripted lines, greetings and
 * backchannels recur across a batch ("Thank you for calling…", "okay"; half the turns of the STAR
 * dialogues repeat one seen before), and a view and everything matched in it depend on its text
 * alone. Least recently used texts leave first, so memory stays bounded however long the run. 512
 * texts find a third of STAR's turns (1,024: 40 %, for 6 MB more in each thread that checks).
 */
const byText = new Map<string, TextView>();
export const TEXTS_KEPT = 512;

function sharedView(text: string): TextView {
  const known = byText.get(text);
  if (known !== undefined) {
    byText.delete(text);
    byText.set(text, known);
    return known;
  }
  const view = textView(text);
  if (byText.size >= TEXTS_KEPT) byText.delete(byText.keys().next().value!);
  byText.set(text, view);
  return view;
}

/** The view of a turn (or any object with text), computed once however many rules look at it. */
export function viewOf(owner: { text: string }): TextView {
  const known = views.get(owner);
  if (known !== undefined && known.source === owner.text) return known.view;
  const view = sharedView(owner.text);
  views.set(owner, { source: owner.text, view });
  return view;
}

/**
 * `compute`, answered once per view: a view is shared by every turn of its text, so a question that
 * depends on the text alone (a rule's terms, its regex matches, whether a time is said) is worked out
 * once per text, not once per turn.
 */
export function perView<T extends NonNullable<unknown>>(compute: (view: TextView) => T): (view: TextView) => T {
  const answers = new WeakMap<TextView, T>();
  return (view) => {
    let answer = answers.get(view);
    if (answer === undefined) answers.set(view, (answer = compute(view)));
    return answer;
  };
}
