import { viewOf } from '../text/view.js';
import type { Hit } from './types.js';

const MAX = 90;

/** A short excerpt of the turn around what the rule matched, trimmed to its sentence where possible. */
export function quoteOf(hit: Hit): string {
  const text = hit.turn.text.replace(/\s+/g, ' ').trim();
  if (hit.first === undefined || hit.last === undefined || hit.last < hit.first) return clip(text, 0);
  const view = viewOf(hit.turn);
  const from = view.tokens[hit.first]?.start ?? 0;
  const to = view.tokens[hit.last]?.end ?? from;
  const sentenceStart = Math.max(0, ...['. ', '? ', '! '].map((p) => hit.turn.text.lastIndexOf(p, from - 1) + 2).filter((i) => i > 1));
  const start = from - sentenceStart > MAX / 2 ? from : sentenceStart;
  return clip(hit.turn.text.slice(start).replace(/\s+/g, ' ').trim(), Math.max(0, to - start), start > 0);
}

function clip(text: string, mustReach: number, cutBefore = false): string {
  const prefix = cutBefore ? '…' : '';
  if (text.length <= MAX) return prefix + text;
  const end = Math.max(MAX, Math.min(text.length, mustReach + 10));
  const cut = text.lastIndexOf(' ', end);
  return `${prefix}${text.slice(0, cut > mustReach ? cut : end)}…`;
}
