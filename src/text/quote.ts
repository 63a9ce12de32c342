import { viewOf } from './view.js';

const MAX = 90;

/**
 * A short excerpt of a text around tokens `first`…`last` of its view, trimmed to their sentence where
 * possible; the start of the text when no range is given.
 */
export function quoteOf(owner: { text: string }, first?: number, last?: number): string {
  // The cleaned text: entities decoded ("&amp;" reads "&"), offsets the same as the original's.
  const view = viewOf(owner);
  const whole = view.text;
  if (first === undefined || last === undefined || last < first) return clip(whole.replace(/\s+/g, ' ').trim(), 0);
  const from = view.tokens[first]?.start ?? 0;
  const to = view.tokens[last]?.end ?? from;
  const sentenceStart = Math.max(0, ...['. ', '? ', '! '].map((p) => whole.lastIndexOf(p, from - 1) + 2).filter((i) => i > 1));
  const start = from - sentenceStart > MAX / 2 ? from : sentenceStart;
  return clip(whole.slice(start).replace(/\s+/g, ' ').trim(), Math.max(0, to - start), start > 0);
}

function clip(text: string, mustReach: number, cutBefore = false): string {
  const prefix = cutBefore ? '…' : '';
  if (text.length <= MAX) return prefix + text;
  const end = Math.max(MAX, Math.min(text.length, mustReach + 10));
  const cut = text.lastIndexOf(' ', end);
  return `${prefix}${text.slice(0, cut > mustReach ? cut : end)}…`;
}
