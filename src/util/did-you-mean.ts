import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';

/** The closest candidate to a mistyped name, when one is close enough to be the likely intent. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = DamerauLevenshteinDistance(input.toLowerCase(), c.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

/** " (did you mean 'x'?)" or nothing. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const best = closest(input, candidates);
  return best ? ` (did you mean '${best}'?)` : '';
}
