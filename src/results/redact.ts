import type { FileResult } from './model.js';

/** What `--redact` and `--quote-chars` do to every result before any output sees it. */
export interface Privacy {
  /** Mask card numbers, account-like digit runs, e-mail addresses, phone numbers, postcodes and speakers' names. */
  redact?: boolean;
  /** Cut every quote to at most this many characters. */
  quoteChars?: number;
}

// Runs of digits with the spaces, dots and dashes people type between groups.
const DIGIT_RUN = /(?<![\p{L}\p{N}])\+?\d(?:[ .\-()]?\d){5,}(?![\p{L}\p{N}])/gu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// UK postcodes (SW1A 1AA) and US ZIP codes (90210, 90210-1234).
const POSTCODE = /\b(?:[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}|\d{5}(?:-\d{4})?)\b/g;

/** Luhn's checksum, which every payment card number passes. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function digitRun(run: string): string {
  const digits = run.replace(/\D/g, '');
  if (digits.length >= 13 && digits.length <= 19 && luhn(digits)) return '[card]';
  // Phone numbers are written in groups or with a country code; a bare run is an account or reference number.
  if (digits.length >= 7 && digits.length <= 15 && (/^\+/.test(run) || /[ .\-()]/.test(run))) return '[phone]';
  return '[number]';
}

/** Text with every listed kind of personal data masked; `names` are the speakers' names to mask. */
export function redactText(text: string, names: readonly RegExp[]): string {
  let out = text.replace(EMAIL, '[email]').replace(DIGIT_RUN, digitRun).replace(POSTCODE, '[postcode]');
  for (const name of names) out = out.replace(name, '[name]');
  return out;
}

// Role words and diarization labels (spk_0, SPEAKER_01, A) are not names.
const NOT_A_NAME =
  /^(?:agent|customer|caller|client|member|patient|rep|representative|advisor|adviser|operator|speaker|other|unknown|bot|system|assistant|user|spk.*|speaker.*|ch.*|[a-z])$|\d/i;

function namesIn(result: FileResult): RegExp[] {
  const labels = [...(result.conversation?.speakers.map((s) => s.label) ?? []), result.conversation?.agent ?? ''];
  const words = new Set(
    labels
      .flatMap((l) => l.split(/[\s_.-]+/))
      .filter((w) => w.length >= 2 && !NOT_A_NAME.test(w))
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  );
  return [...words].map((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w}(?![\\p{L}\\p{N}])`, 'giu'));
}

// Fields that are the report's own vocabulary or the input's identity (paths, ids from file names), never personal data.
const KEPT = new Set([
  'path',
  'format',
  'id',
  'rule',
  'pack',
  'severity',
  'kind',
  'status',
  'basis',
  'source',
  'title',
  'role',
  'by',
  'over',
  'message',
  'tip',
]);

function transform(value: unknown, key: string, text: (s: string, key: string) => string): unknown {
  if (typeof value === 'string') return KEPT.has(key) ? value : text(value, key);
  if (Array.isArray(value)) return value.map((v) => transform(v, key, text));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = transform(v, k, text);
    return out;
  }
  return value;
}

/** A result as `privacy` says it may be shown: quotes cut, personal data masked (errors' messages included). */
export function applyPrivacy(result: FileResult, privacy: Privacy): FileResult {
  if (!privacy.redact && privacy.quoteChars === undefined) return result;
  const names = privacy.redact ? namesIn(result) : [];
  const cut = (s: string) => (privacy.quoteChars !== undefined && s.length > privacy.quoteChars ? `${s.slice(0, privacy.quoteChars)}…` : s);
  const out = transform(result, '', (s, key) => {
    const shown = key === 'quote' ? cut(s) : s;
    return privacy.redact ? redactText(shown, names) : shown;
  }) as FileResult;
  // Error messages quote input too.
  if (privacy.redact) out.errors = out.errors.map((e) => ({ ...e, message: redactText(e.message, names) }));
  return out;
}
