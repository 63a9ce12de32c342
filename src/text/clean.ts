import { decodeHTML } from 'entities';

/** A stretch of a turn that is not words: a link, a mention, a sign-off, a redaction tag, a masked swear. */
export interface Mark {
  kind: 'url' | 'handle' | 'signoff' | 'redacted' | 'masked';
  start: number;
  end: number;
}

/**
 * A turn's text as rules should read it, kept the same length as what was written so every offset
 * (quotes, regex matches) still points into the original: HTML entities decoded and padded, smart
 * quotes and invisible characters made plain; and the stretches that are not words, located.
 */
export interface CleanText {
  text: string;
  marks: Mark[];
}

// `&amp;` → `&` + 4 spaces: the decoded character, padded to the entity's length.
const ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/gi;
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u00ad]/g;
const QUOTES: Record<string, string> = { '‘': "'", '’': "'", '‚': "'", '“': '"', '”': '"', '„': '"', '\u00a0': ' ' };

// Links with or without a scheme ("http://…", "www.…", "help.site.com/page"); bounded, so linear.
const URL =
  /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"]{1,2000}|\b[a-z\d-]{1,63}(?:\.[a-z\d-]{1,63}){0,5}\.(?:com|org|net|io|co|gov|edu|ly|me|is|gl|info|biz|uk|de|fr|ca|au|tv|app|help|support)\/[^\s<>"]{0,2000}/gi;
// A mention: "@AppleSupport". Not an e-mail address (a word character before the @).
const HANDLE = /(?<![\w.@])@[A-Za-z\d_]{1,30}\b/g;
// A sign-off closing a reply: "^SK", "*TB", "/MN", "~Brianna", "-Steven", "- Kim", "^CharlesOpacki".
// Bare initials after the last sentence or link ("… see the link above. HRB") sign off too.
const SIGNOFF =
  /(?:^|\s)(?:[\^*~/]|[-–—](?=\s?[A-Z]))\s?[A-Z][A-Za-z]{0,24}(?:[ .][A-Z][A-Za-z]{0,24})?\.?\s*$|(?:^|\s)[~^]\s*$|(?:[.!?:]|\s{3})\s*[A-Z]{2,3}\s*$/;
// Redaction tags from PII scrubbers and exports: [PII], [REDACTED], <name>, {{account}}, [NAME_1], XXXX.
const REDACTED =
  /\[(?:pii|redacted|name|number|phone|email|address|account|card|ssn|dob|date|person|location)(?:_\d{1,3})?\]|<(?:name|number|phone|email|address|account|redacted|pii)>|\{\{\s?[a-z_]{1,30}\s?\}\}|\b[X]{4,}\b/gi;
const MAYBE_REDACTED = /[[<{]|xxxx/i;
// A swear word masked by the writer or the platform: "for **** sake", "f***", "s#!t".
const MASKED = /\b[a-z]\*{2,}[a-z]?\b|(?<![*\w])\*{3,}(?![*\w])/gi;

export function cleanText(raw: string): CleanText {
  // Each search runs only where the character it needs is present: most turns have no link, tag or mention.
  let text = raw.includes('&')
    ? raw.replace(ENTITY, (entity) => {
        const decoded = decodeHTML(entity);
        return decoded.length <= entity.length ? decoded.padEnd(entity.length, ' ') : entity;
      })
    : raw;
  text = text.replace(INVISIBLE, ' ').replace(/[‘’‚“”„\u00a0]/g, (c) => QUOTES[c]!);
  const marks: Mark[] = [];
  const claim = (kind: Mark['kind'], start: number, end: number) => {
    if (!marks.some((m) => start < m.end && m.start < end)) marks.push({ kind, start, end });
  };
  if (text.includes('.') || text.includes('/')) for (const m of text.matchAll(URL)) claim('url', m.index, m.index + trimUrl(m[0]).length);
  if (MAYBE_REDACTED.test(text)) for (const m of text.matchAll(REDACTED)) claim('redacted', m.index, m.index + m[0].length);
  if (text.includes('@')) for (const m of text.matchAll(HANDLE)) claim('handle', m.index, m.index + m[0].length);
  if (text.includes('*')) for (const m of text.matchAll(MASKED)) claim('masked', m.index, m.index + m[0].length);
  // A sign-off closes the words of a reply; links and mentions may still follow it.
  const signoff = SIGNOFF.exec(
    blankMarks(
      text,
      marks.slice().sort((a, b) => a.start - b.start),
    ),
  );
  if (signoff) {
    const start = signoff.index + signoff[0].search(/[^\s.!?:]/);
    claim('signoff', start, signoff.index + signoff[0].trimEnd().length);
  }
  marks.sort((a, b) => a.start - b.start);
  return { text, marks };
}

/** A link ends before the punctuation that closes its sentence or bracket. */
function trimUrl(url: string): string {
  return url.replace(/[.,;:!?)\]}'"]+$/, '');
}

/** The text with marked stretches blanked out, so tokenizing finds only words (offsets unchanged). */
export function blankMarks(text: string, marks: readonly Mark[]): string {
  if (marks.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of marks) {
    out += text.slice(at, m.start) + ' '.repeat(m.end - m.start);
    at = m.end;
  }
  return out + text.slice(at);
}
