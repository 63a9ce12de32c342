import { stem } from './stem.js';

export interface Token {
  /** The surface form as written, case kept ("ACH", "T&Cs"); shared by the words a contraction expands to. */
  raw: string;
  /** The lower-case word (one word of an expanded contraction), or `#phone` / `#email`. */
  word: string;
  /** The matching key: the word's Porter stem; numbers, `#phone` and `#email` stay as they are. */
  stem: string;
  /** Character offsets of `raw` in the source text. */
  start: number;
  end: number;
}

export const PHONE = '#phone';
export const EMAIL = '#email';

// Order matters: an e-mail or phone number is one token, not a run of words and digits.
const TOKEN = new RegExp(
  [
    // The e-mail is tried only where a run of address characters starts, and its parts are bounded (RFC
    // 5321's lengths), so a long run without an address costs linear time, not a rescan at every token.
    String.raw`(?<email>(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?![\w-]))`,
    String.raw`(?<phone>(?<![\p{L}\d-])(?:\+?\d{1,2}[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])?\d{3}[\s.-]\d{4}(?![\d-]))`,
    String.raw`(?<word>[\p{L}\p{N}]+(?:['’&.][\p{L}\p{N}]+)*)`,
  ].join('|'),
  'gu',
);

// Contractions expand to full words so "there's nothing I can do" and "there is nothing I can do" match alike.
const NOT_FORMS: Record<string, string[]> = {
  "can't": ['can', 'not'],
  "won't": ['will', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
};
const SUFFIXES: Record<string, string> = { "n't": 'not', "'m": 'am', "'re": 'are', "'ve": 'have', "'ll": 'will', "'d": 'would' };
const IS_BEFORE_S = new Set([
  'it',
  'that',
  'there',
  'here',
  'what',
  'who',
  'where',
  'he',
  'she',
  'how',
  'when',
  'why',
  'everything',
  'nothing',
  'something',
  'someone',
  'this',
]);

function expand(lower: string): string[] {
  const word = lower.replace(/’/g, "'");
  if (!word.includes("'")) return [word];
  const whole = NOT_FORMS[word];
  if (whole) return whole;
  if (word === "let's") return ['let', 'us'];
  for (const [suffix, full] of Object.entries(SUFFIXES)) {
    if (word.endsWith(suffix) && word.length > suffix.length) return [word.slice(0, -suffix.length), full];
  }
  if (word.endsWith("'s")) {
    const head = word.slice(0, -2);
    return IS_BEFORE_S.has(head) ? [head, 'is'] : [head];
  }
  return [word.replace(/'/g, '')];
}

/** Splits text into matchable tokens; hyphens and other punctuation separate words. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index!;
    const end = start + raw.length;
    const groups = m.groups!;
    if (groups.email) tokens.push({ raw, word: EMAIL, stem: EMAIL, start, end });
    else if (groups.phone) tokens.push({ raw, word: PHONE, stem: PHONE, start, end });
    else {
      // "p.m." and "i.e." lose their inner dots; "11.2" keeps its decimal point.
      const lower = /\p{L}/u.test(raw) ? raw.toLowerCase().replace(/\./g, '') : raw;
      for (const word of expand(lower)) tokens.push({ raw, word, stem: stem(word), start, end });
    }
  }
  return tokens;
}
