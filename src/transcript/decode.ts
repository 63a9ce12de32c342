import { gunzipSync } from 'node:zlib';
import { transcriptExtension } from './extension.js';
import type { LocatedError } from './errors.js';

export type Decoded = { text: string; notice?: string; error?: undefined } | { error: LocatedError };

const EXPORT = 'export the transcript as text or JSON and check that file instead';

/** Formats people save calls in that are not transcripts callcoach can read, by their first bytes. */
function binaryKind(b: Buffer, path: string): string | undefined {
  const starts = (...bytes: number[]) => bytes.every((x, i) => b[i] === x);
  const ascii = (at: number, text: string) => b.subarray(at, at + text.length).toString('latin1') === text;
  const ext = transcriptExtension(path);
  if (ascii(0, '%PDF')) return 'a PDF document';
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    if (ext === '.docx') return 'a Word document (.docx)';
    if (ext === '.xlsx') return 'an Excel workbook (.xlsx)';
    if (ext === '.odt') return 'an OpenDocument text file (.odt)';
    return 'a zip archive (a Word or other Office document, or several files)';
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old-style Word or Office document (.doc)';
  if (ascii(0, '{\\rtf')) return 'an RTF document';
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'a WAV audio file';
  if (ascii(0, 'ID3') || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0)) return 'an MP3 audio file';
  if (ascii(0, 'OggS')) return 'an Ogg audio file';
  if (ascii(0, 'fLaC')) return 'a FLAC audio file';
  if (ascii(4, 'ftyp')) return 'an MP4/M4A audio or video file';
  if (starts(0x1a, 0x45, 0xdf, 0xa3)) return 'a WebM/Matroska audio or video file';
  return undefined;
}

/** UTF-16 without a byte order mark shows as a zero in every other byte of ASCII text. */
function utf16WithoutBom(b: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

const utf16 = (b: Buffer, order: 'utf-16le' | 'utf-16be') => new TextDecoder(order).decode(b);

/**
 * A transcript file's bytes as text: gzip is unpacked, UTF-8 and UTF-16 are told apart by their byte
 * order mark (or, without one, by the pattern of zero bytes), and text that is not valid UTF-8 is read
 * as Windows-1252 with a notice. Office documents, PDFs and audio get a message saying what to do.
 */
export function decodeTranscript(path: string, bytes: Buffer): Decoded {
  let b = bytes;
  if (b[0] === 0x1f && b[1] === 0x8b) {
    try {
      b = gunzipSync(b);
    } catch (err) {
      return { error: { message: `cannot unpack gzip: ${(err as Error).message}` } };
    }
  }
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: b.subarray(3).toString('utf8') };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: utf16(b.subarray(2), 'utf-16le') };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: utf16(b.subarray(2), 'utf-16be') };
  const kind = binaryKind(b, path);
  if (kind) return { error: { message: `this is ${kind}, not a transcript: ${EXPORT}` } };
  const order = utf16WithoutBom(b);
  if (order)
    return {
      text: utf16(b, order),
      notice: `read as ${order.toUpperCase()} (no byte order mark); save it as UTF-8 if the text looks wrong`,
    };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b) };
  } catch {
    // Not UTF-8: decide between other text and binary data.
  }
  if (b.subarray(0, 4096).includes(0)) return { error: { message: `this looks like a binary file, not a transcript: ${EXPORT}` } };
  return {
    text: new TextDecoder('windows-1252').decode(b),
    notice: 'not valid UTF-8: read as Windows-1252 (Western European); save it as UTF-8 if any characters look wrong',
  };
}
