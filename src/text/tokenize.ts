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

// Order matters: an e-mail or phone number is one token, not a run of words and digits. Groups 1 and
// 2 are the e-mail and the phone number (numbered, not named: named groups cost an object per match).
const TOKEN = new RegExp(
  [
    // The e-mail is tried only where a run of address characters starts, and its parts are bounded (RFC
    // 5321's lengths), so a long run without an address costs linear time, not a rescan at every token.
    String.raw`((?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?![\w-]))`,
    String.raw`((?<![\p{L}\d-])(?:\+?\d{1,2}[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])?\d{3}[\s.-]\d{4}(?![\d-]))`,
    String.raw`[\p{L}\p{N}]+(?:['’&.][\p{L}\p{N}]+)*`,
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

// Transcripts reuse a small vocabulary: each surface form ("Transferring", "can't") is read into its
// words and their stems once. Forms with digits are not kept: order numbers, phone numbers and codes
// rarely come twice, and a long stream would fill the table with them.
const forms = new Map<string, readonly (readonly [word: string, stem: string])[]>();
const FORMS_LIMIT = 200_000;

/** How many surface forms are kept (for tests: the table must not grow with the numbers a stream says). */
export const formsKept = (): number => forms.size;

function wordsOf(raw: string): readonly (readonly [string, string])[] {
  let hit = forms.get(raw);
  if (hit === undefined) {
    // "p.m." and "i.e." lose their inner dots; "11.2" keeps its decimal point.
    const lower = /\p{L}/u.test(raw) ? raw.toLowerCase().replace(/\./g, '') : raw;
    hit = expand(lower).map((word) => [word, stem(word)] as const);
    if (/\d/.test(raw)) return hit;
    if (forms.size >= FORMS_LIMIT) forms.clear();
    forms.set(raw, hit);
  }
  return hit;
}

/** Splits text into matchable tokens; hyphens and other punctuation separate words. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    if (m[1] !== undefined) tokens.push({ raw, word: EMAIL, stem: EMAIL, start, end });
    else if (m[2] !== undefined) tokens.push({ raw, word: PHONE, stem: PHONE, start, end });
    else for (const [word, stem] of wordsOf(raw)) tokens.push({ raw, word, stem, start, end });
  }
  return tokens;
}
