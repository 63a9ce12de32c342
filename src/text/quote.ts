import { viewOf } from './view.js';

const MAX = 90;

/**
 * A short excerpt of a text around tokens `first`…`last` of its view, trimmed to their sentence where
 * possible; the start of the text when no range is given.
 */
export function quoteOf(owner: { text: string }, first?: number, last?: number): string {
  const text = owner.text.replace(/\s+/g, ' ').trim();
  if (first === undefined || last === undefined || last < first) return clip(text, 0);
  const view = viewOf(owner);
  const from = view.tokens[first]?.start ?? 0;
  const to = view.tokens[last]?.end ?? from;
  const sentenceStart = Math.max(0, ...['. ', '? ', '! '].map((p) => owner.text.lastIndexOf(p, from - 1) + 2).filter((i) => i > 1));
  const start = from - sentenceStart > MAX / 2 ? from : sentenceStart;
  return clip(owner.text.slice(start).replace(/\s+/g, ' ').trim(), Math.max(0, to - start), start > 0);
}

function clip(text: string, mustReach: number, cutBefore = false): string {
  const prefix = cutBefore ? '…' : '';
  if (text.length <= MAX) return prefix + text;
  const end = Math.max(MAX, Math.min(text.length, mustReach + 10));
  const cut = text.lastIndexOf(' ', end);
  return `${prefix}${text.slice(0, cut > mustReach ? cut : end)}…`;
}
