import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

// Porter stemming is slow (about 1 MB/s) and call transcripts reuse a small vocabulary, so every stem is memoized.
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** How many stems are kept (for tests, as formsKept). */
export const stemsKept = (): number => cache.size;

/**
 * British spellings are folded to American ones before stemming so "apologise" and "apologize",
 * "colour" and "color", "centre" and "center" share a stem. Pattern and text go through the same fold.
 */
function foldSpelling(word: string): string {
  return word
    .replace(/([a-z]{3,})is(e|es|ed|ing|ation|ations)$/, '$1iz$2')
    .replace(/([a-z]{3,})our(s|ed|ing|able)?$/, '$1or$2')
    .replace(/([a-z]{2,}[^aeiou])tre(s)?$/, '$1ter$2');
}

// No English word is longer; the spelling fold and the stemmer's suffix rules rescan a word at each
// position, so a crafted 100 KB "word" would cost quadratic time. Longer runs of letters match as written.
const MAX_STEMMED = 40;

export function stem(word: string): string {
  let hit = cache.get(word);
  if (hit === undefined) {
    // Only words are stemmed, and kept: numbers and codes ("66227018", "sv214") stand for themselves.
    if (word.length > MAX_STEMMED || !/^[a-z]+$/.test(word)) return word;
    hit = PorterStemmer.stem(foldSpelling(word));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, hit);
  }
  return hit;
}

const bases = new Map<string, string>();

/**
 * A word without its inflection ("policies" → "policy", "booked" → "book", "transferring" → "transfer",
 * "hoping" → "hop"): enough to tell an inflection of a word from another word Porter gives the same
 * stem ("exceptions" is not "except"). Bases that differ only by a final "e" count as one (see sameBase).
 */
export function inflectionBase(word: string): string {
  let hit = bases.get(word);
  if (hit === undefined) {
    hit = strip(foldSpelling(word.replace(/'s$/, '')));
    if (bases.size >= CACHE_LIMIT) bases.clear();
    bases.set(word, hit);
  }
  return hit;
}

function strip(w: string): string {
  const m = w.length > 4 ? /^(.+?)(ies|ied|ing|ed|es|s)$/.exec(w) : null;
  if (!m || m[1]!.length < 3 || (m[2] === 's' && /(ss|us|is)$/.test(w))) return w.replace(/e$/, '');
  const [, root, suffix] = m;
  if (suffix === 'ies' || suffix === 'ied') return `${root}y`;
  // Doubled consonants ("transferring", "stopped") and a dropped "e" ("hoping", "charges") come back alike.
  const undoubled = /([b-df-hj-np-tv-z])\1$/.test(root!) && !/(ll|ss|zz|ff)$/.test(root!) ? root!.slice(0, -1) : root!;
  return undoubled.replace(/e$/, '');
}

/** Two inflection bases of one word: equal, or one the other plus a letter or two ("us" / "used"). */
export function sameFamily(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && long.length - short.length <= 2;
}
