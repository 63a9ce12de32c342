import { extname } from 'node:path';
import type { LocatedError } from './errors.js';
import { ReadError } from './errors.js';
import type { Conversation } from './model.js';
import { awsTcaReader } from './readers/aws-tca.js';
import { parseJson } from './readers/json.js';
import type { Reader, Source } from './readers/reader.js';
import { textReader } from './readers/text.js';
import { vttReader } from './readers/vtt.js';

/** Most specific first: content sniffing takes the first reader whose test passes. */
export const READERS: readonly Reader[] = [vttReader, awsTcaReader, textReader];

export const FORMATS: readonly string[] = READERS.map((r) => r.format);

export type ReadResult = { conversation: Conversation; error?: undefined } | { conversation?: undefined; error: LocatedError };

const SNIFF_BYTES = 4096;

/** Picks a reader by `format`, else by extension and content, and reads; never throws. */
export function readTranscript(source: Source, format?: string): ReadResult {
  try {
    return { conversation: chooseReader(source, format).read(source) };
  } catch (err) {
    if (err instanceof ReadError) return { error: err.toLocated() };
    return { error: { message: `could not read transcript: ${err instanceof Error ? err.message : String(err)}` } };
  }
}

function chooseReader(source: Source, format: string | undefined): Reader {
  if (format) {
    const forced = READERS.find((r) => r.format === format);
    if (!forced) throw new ReadError(`unknown format '${format}'; expected one of ${FORMATS.join(', ')}`);
    return forced;
  }
  const head = source.text.slice(0, SNIFF_BYTES);
  const ext = extname(source.path).toLowerCase();
  const byExtension = READERS.filter((r) => r.extensions.includes(ext));
  const sniffed = (byExtension.length > 0 ? byExtension : READERS).find((r) => r.sniff(head));
  if (sniffed) return sniffed;
  if (ext === '.json') {
    parseJson(source.text); // a syntax error is the more useful message
    throw new ReadError(`unrecognized JSON transcript: expected one of ${byExtension.map((r) => r.format).join(', ')}`, 1, 1);
  }
  // The extension decides; the reader explains what is wrong with the content.
  if (byExtension.length === 1) return byExtension[0]!;
  throw new ReadError(`unrecognized transcript format: expected ${FORMATS.join(', ')} (e.g. 'Agent: Hello' lines, a WEBVTT header or Amazon Transcribe JSON)`, 1, 1);
}
