import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

// Porter stemming is slow (about 1 MB/s) and call transcripts reuse a small vocabulary, so every stem is memoized.
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

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
    hit = word.length <= MAX_STEMMED && /^[a-z]+$/.test(word) ? PorterStemmer.stem(foldSpelling(word)) : word;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, hit);
  }
  return hit;
}
