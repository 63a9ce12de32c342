import { createRequire } from 'node:module';
import { perView, type TextView } from './view.js';

/**
 * Signals a rule can ask of a turn, by name (`signals: [shouting, exclaiming]` in a turn match):
 * how it is written, and what a phrase list cannot see (a time expression in any of its forms).
 */
export const TURN_SIGNALS = ['shouting', 'exclaiming', 'exclamation', 'distress-emoji', 'masked-swear', 'link', 'time'] as const;
export type TurnSignal = (typeof TURN_SIGNALS)[number];

// chrono-node parses time expressions ("at 3pm", "by Friday", "May 5th", "in two days"); loaded only
// when a rule asks for the `time` signal.
const require = createRequire(import.meta.url);
type Chrono = { parse(text: string): { text: string; index: number }[] };
let chrono: Chrono | undefined;

// What chrono reads as a date but is no time to wait for: "now", "today" on its own.
const NOT_A_TIME = /^(?:now|right now|today|tonight|this time|the moment|at the moment|recently|currently)$/i;

// A time to wait for is said with a look ahead ("will", "by", "next"); "opened Monday" is history.
const FUTURE =
  /\b(?:will|'ll|’ll|shall|going to|expect|expected|should|by|within|until|till|before|no later|next|coming|upcoming|due|scheduled|booked|arrive|arrives)\b/i;

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('.', at - 1), text.lastIndexOf('?', at - 1), text.lastIndexOf('!', at - 1)) + 1;
  const ends = ['.', '?', '!'].map((p) => text.indexOf(p, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length);
}

// Without a look ahead and a digit or a calendar word, chrono can find nothing worth counting: skip it.
const MAYBE_TIME =
  /\d|\b(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)(?:day)?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\b|\b(?:today|tomorrow|tonight|noon|midnight|morning|afternoon|evening|weekend|week|month|year|hours?|minutes?|days?|fortnight)\b/i;

const saysATime = perView((view): boolean => {
  if (!(FUTURE.test(view.text) && MAYBE_TIME.test(view.text))) return false;
  chrono ??= (require('chrono-node') as { en: Chrono }).en;
  return chrono.parse(view.text).some((r) => !NOT_A_TIME.test(r.text.trim()) && FUTURE.test(sentenceAround(view.text, r.index)));
});

export function hasSignal(view: TextView, signal: TurnSignal): boolean {
  // A time is read from the words: the written signals (computed on first use) are not needed for it.
  if (signal === 'time') return saysATime(view);
  const s = view.signals;
  switch (signal) {
    case 'shouting':
      return s.shouting;
    case 'exclaiming':
      return s.exclamations >= 2 && !/\?[!?]*!|![!?]*\?/.test(view.text);
    case 'exclamation':
      return s.exclamations >= 1 && !/\?[!?]*!|![!?]*\?/.test(view.text);
    case 'distress-emoji':
      return s.distressEmoji > 0;
    case 'masked-swear':
      return s.maskedSwear;
    case 'link':
      return s.links > 0;
  }
}
