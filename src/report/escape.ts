// Reports carry text that came from transcripts (quotes, speaker labels, ids, paths, error messages),
// which an attacker controls. Each output format makes it inert in its own way.

// C0 and C1 controls (ESC starts terminal sequences: screen clears, OSC 8 links, window titles), DEL,
// and the bidirectional overrides and isolates that reorder what a reader sees.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print on a terminal: every control character shown as a visible escape (`\x1b`), on one line. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Every string in a plain value (a result, a summary) passed through `clean`; numbers and the shape kept. */
export function mapStrings<T>(value: T, clean: (s: string) => string): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, clean)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, clean);
    return out as T;
  }
  return value;
}

// XML 1.0 allows tab, LF, CR and the characters from U+0020 on, except surrogates that do not pair and U+FFFE/U+FFFF.
const XML_ILLEGAL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for XML content and attributes: markup escaped, characters XML cannot hold replaced by U+FFFD. */
export function xmlText(text: string): string {
  return text
    .replace(XML_ILLEGAL, '\ufffd')
    .replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/**
 * A CSV cell that a spreadsheet will not run: OWASP's rule for CSV injection, a cell starting with
 * `=`, `+`, `-`, `@`, tab or CR gets a leading `'`.
 */
export function csvSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Markdown text that renders as itself: no HTML, headings, emphasis, links, images, tables or @mentions. */
export function markdownText(text: string): string {
  return terminalSafe(text)
    .replace(/[\\`*_{}[\]()<>#+\-.!|~@&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(\d+)\./, '$1$2\\.');
}

/** A Markdown code span that holds any text: a fence longer than any run of backticks inside, pipes escaped for tables. */
export function markdownCode(text: string): string {
  const clean = terminalSafe(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
