import { BUILTIN_SETS } from './builtin-sets.js';
import type { PhraseSet } from './phrase-index.js';
import { compilePhrases } from './phrase-pattern.js';
import type { TextView } from './view.js';

/**
 * Listener noises and one-word acknowledgements: speech that does not take the floor. Fillers ("uh",
 * "um") are not here: they start a turn (Amazon counts an "Uh" over the customer as an interruption).
 */
export const DEFAULT_BACKCHANNELS = [
  'mm',
  'mm-hm',
  'mhm',
  'mm-hmm',
  'hmm',
  'uh-huh',
  'uh huh',
  'aha',
  'right',
  'okay',
  'ok',
  'yeah',
  'yes',
  'yep',
  'yup',
  'sure',
  'i see',
  'got it',
  'alright',
  'all right',
  'understood',
  'exactly',
  'true',
  'indeed',
  'of course',
  'go on',
  'sure thing',
  'totally',
  'oh',
  'ah',
  'ooh',
  'wow',
  'oh no',
  'oh dear',
  'oh wow',
  'gotcha',
  'cool',
  'perfect',
  'great',
  'lovely',
  'nice',
];

// By content, not by array: every rule's options carry their own copy of the same (default) lexicon.
const matchers = new Map<string, PhraseSet>();

/** A matcher for a backchannel lexicon (compiled once per list), for `isBackchannel`. Entries match as whole phrases. */
export function backchannelMatcher(lexicon: readonly string[]): PhraseSet {
  const key = lexicon.join('\n');
  let matcher = matchers.get(key);
  if (!matcher) {
    // Entries are plain words: strip anything that would read as pattern syntax.
    const entries = lexicon.map((e) => e.replace(/[^\p{L}\p{N}\s'’-]/gu, ' ')).filter((e) => e.trim());
    matcher = compilePhrases(entries, (name) => BUILTIN_SETS[name]);
    if (matchers.size >= 1000) matchers.clear();
    matchers.set(key, matcher);
  }
  return matcher;
}

/** True when the text is nothing but backchannels ("Mm-hm.", "Right, okay."). */
export function isBackchannel(view: TextView, lexicon: PhraseSet): boolean {
  if (view.tokens.length === 0) return false;
  let covered = 0;
  for (const m of lexicon.matches(view)) {
    if (m.first !== covered) return false;
    covered = m.last + 1;
  }
  return covered === view.tokens.length;
}
