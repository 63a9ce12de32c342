import { createRequire } from 'node:module';

// Only a mistake needs a suggestion, and natural's distances load underscore: required on first use.
const require = createRequire(import.meta.url);
type Distance = typeof import('natural/lib/natural/distance/levenshtein_distance.js').DamerauLevenshteinDistance;
let distance: Distance | undefined;
const damerauLevenshtein = (a: string, b: string) =>
  (distance ??= (require('natural/lib/natural/distance/levenshtein_distance.js') as { DamerauLevenshteinDistance: Distance })
    .DamerauLevenshteinDistance)(a, b);

/** The closest candidate to a mistyped name, when one is close enough to be the likely intent. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = damerauLevenshtein(input.toLowerCase(), c.toLowerCase());
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
