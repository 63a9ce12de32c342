import type { Mark } from './clean.js';
import type { Token } from './tokenize.js';

/**
 * How a turn is written, beyond its words: the intensity people put in text ("HELP!!", 😭, a masked
 * swear) and what it points at (links, mentions). Rules read these as signals, never as words.
 */
export interface TextSignals {
  /** Words written in capitals (two letters or more, acronyms of up to 4 letters not counted). */
  capsWords: number;
  /** Most of the turn, or a run of three or more words, in capitals. */
  shouting: boolean;
  /** The longest run of "!" (with "?" mixed in: "?!?!"). */
  exclamations: number;
  /** Emoji of distress, anger or despair (😭 😡 🤬 🙄 🤦 🥺 …). */
  distressEmoji: number;
  /** Emoji of any kind. */
  emoji: number;
  /** A swear word masked by the writer or the platform ("****", "f***"). */
  maskedSwear: boolean;
  /** Links in the turn. */
  links: number;
  /** Mentions (@handles) in the turn. */
  mentions: number;
  /** A closing sign-off ("^SK", "-Steven"), kept out of the words. */
  signoff: string | null;
  /** Letters stretched for emphasis ("sooo", "pleeease"). */
  stretched: boolean;
}

// Faces and gestures of distress, anger, exasperation or despair.
const DISTRESS =
  /[\u{1F620}-\u{1F62B}\u{1F62D}\u{1F630}\u{1F631}\u{1F633}\u{1F616}\u{1F61E}\u{1F61F}\u{1F614}\u{1F615}\u{1F641}\u{2639}\u{1F644}\u{1F92C}\u{1F926}\u{1F937}\u{1F97A}\u{1F974}\u{1F494}\u{1F635}\u{1F92F}\u{1F912}\u{1F915}\u{1F922}\u{1F92E}\u{1F480}\u{1F625}\u{1F613}\u{1F629}\u{1F62B}]/gu;
const EMOJI = /\p{Extended_Pictographic}/gu;
// What a stretched vowel needs, found without the word-bound search (rare: most turns have none).
const TRIPLE_VOWEL = /([aeiou])\1\1/i;

export function signalsOf(text: string, tokens: readonly Token[], marks: readonly Mark[]): TextSignals {
  const words = tokens.filter((t) => /\p{L}{2,}/u.test(t.raw));
  // Acronyms ("PS4", "SMS") are capitals without shouting; a long capital word or several in a row are not acronyms.
  let capsWords = 0;
  let capsTotal = 0;
  let run = 0;
  let longestRun = 0;
  for (const t of words) {
    const caps = t.raw === t.raw.toUpperCase() && /\p{Lu}{2,}/u.test(t.raw);
    if (caps) capsTotal++;
    if (caps && (t.raw.length > 4 || words.length <= 2)) capsWords++;
    run = caps ? run + 1 : 0;
    longestRun = Math.max(longestRun, run);
  }
  const capsShare = words.length > 0 ? capsTotal / words.length : 0;
  const bangs = text.match(/[!?]*![!?]*/g) ?? [];
  const signoff = marks.find((m) => m.kind === 'signoff');
  return {
    capsWords,
    shouting: (words.length >= 3 && capsShare > 0.6) || longestRun >= 3,
    exclamations: Math.max(0, ...bangs.map((b) => b.length)),
    distressEmoji: text.match(DISTRESS)?.length ?? 0,
    emoji: text.match(EMOJI)?.length ?? 0,
    maskedSwear: marks.some((m) => m.kind === 'masked'),
    links: marks.filter((m) => m.kind === 'url').length,
    mentions: marks.filter((m) => m.kind === 'handle').length,
    signoff: signoff ? text.slice(signoff.start, signoff.end).trim() : null,
    stretched: /(\p{L})\1{3,}/u.test(text) || (TRIPLE_VOWEL.test(text) && /\b\p{L}*([aeiou])\1{2,}\p{L}*\b/iu.test(text)),
  };
}
