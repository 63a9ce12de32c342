/**
 * Parses `mm:ss` or `hh:mm:ss` (minutes may be one digit, hours up to three), each with an optional
 * `.mmm` or `,mmm` fraction, to milliseconds. Returns undefined when the text is not such a timestamp.
 */
export function parseClock(text: string): number | undefined {
  const m = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!m) return undefined;
  const [, h, min, s, frac] = m;
  if (Number(s) >= 60 || (h !== undefined && Number(min) >= 60)) return undefined;
  const ms = frac ? Number(frac.padEnd(3, '0')) : 0;
  return ((Number(h ?? 0) * 60 + Number(min)) * 60 + Number(s)) * 1000 + ms;
}

/** `02:03` or `1:02:03` for reports (whole seconds; hours only when needed). */
export function formatClock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
