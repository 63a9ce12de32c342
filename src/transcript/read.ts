import type { LocatedError } from './errors.js';
import { NOT_A_TRANSCRIPT, ReadError } from './errors.js';
import { transcriptExtension } from './extension.js';
import type { Conversation } from './model.js';
import { assemblyAiReader } from './readers/assemblyai.js';
import { awsPcaReader } from './readers/aws-pca.js';
import { awsTcaReader } from './readers/aws-tca.js';
import { awsTranscribeReader } from './readers/aws-transcribe.js';
import { bedrockReader } from './readers/bedrock.js';
import { callcoachJsonReader, conversationFromValue } from './readers/callcoach-json.js';
import { contactLensReader } from './readers/contact-lens.js';
import { deepgramReader } from './readers/deepgram.js';
import { genesysReader } from './readers/genesys.js';
import { googleCcaiReader } from './readers/google-ccai.js';
import { parseJson, parseJsonValue } from './readers/json.js';
import type { Reader, Source } from './readers/reader.js';
import { revAiReader } from './readers/revai.js';
import { srtReader } from './readers/srt.js';
import { textReader } from './readers/text.js';
import { vttReader } from './readers/vtt.js';
import { whisperReader } from './readers/whisper.js';

/**
 * Most specific first: content sniffing takes the first reader whose test passes (Contact Lens before
 * Call Analytics, Transcribe before Deepgram and AssemblyAI, whose keys overlap).
 */
export const READERS: readonly Reader[] = [
  vttReader,
  srtReader,
  contactLensReader,
  awsPcaReader,
  awsTcaReader,
  genesysReader,
  googleCcaiReader,
  bedrockReader,
  awsTranscribeReader,
  deepgramReader,
  assemblyAiReader,
  revAiReader,
  whisperReader,
  callcoachJsonReader,
  textReader,
];

/** JSON Lines: one conversation (callcoach's JSON form) per line. */
export const JSONL = 'jsonl';

export const FORMATS: readonly string[] = [...READERS.map((r) => r.format), JSONL];

export type ReadResult = { path: string; /** A record's line in its stream (stdin). */ line?: number } & (
  { conversation: Conversation; error?: undefined } | { conversation?: undefined; error: LocatedError }
);

// Vendors put long summaries before the keys that identify them.
const SNIFF_BYTES = 65_536;

/** Reads one transcript: picks a reader by `format`, else by extension and content; never throws. */
export function readTranscript(source: Source, format?: string): ReadResult {
  return guarded(source.path, () => chooseReader(source, format).read(source));
}

/** Reads every conversation in a file: one, or one per line of a JSON Lines file. */
export function readTranscripts(source: Source, format?: string): ReadResult[] {
  const jsonl = format === JSONL || (format === undefined && transcriptExtension(source.path) === '.jsonl');
  if (!jsonl) return [readTranscript(source, format)];
  const results: ReadResult[] = [];
  source.text.split(/\r?\n/).forEach((text, i) => {
    if (text.trim()) results.push(readJsonlLine(source.path, text, i + 1));
  });
  return results.length > 0
    ? results
    : [{ path: source.path, error: { message: 'no conversations: the JSON Lines file is empty', line: 1, column: 1 } }];
}

/** One line of a JSON Lines file, reported as `path:line`. */
function readJsonlLine(path: string, text: string, line: number): ReadResult {
  return readRecord(`${path}:${line}`, text, line);
}

/**
 * One conversation record of a stream. Nothing in the result depends on where the record sat in the
 * stream, so a stream split into chunks (GNU parallel --pipe, Spark, Hadoop) gives the same output.
 */
export function readRecord(path: string, text: string, line = 1): ReadResult {
  const source = { path, text };
  const read = guarded(path, () => conversationFromValue(source, parseJsonLine(text, 1), () => 1, JSONL));
  // An error points at its line of the stream; findings stay relative to the record (line 1), so a
  // stream split into chunks (GNU parallel, Spark) gives the same results as the whole stream.
  return read.error?.line !== undefined ? { path, error: { ...read.error, line } } : read;
}

function parseJsonLine(text: string, line: number): unknown {
  try {
    return parseJsonValue(text);
  } catch (err) {
    if (err instanceof ReadError) throw new ReadError(err.message, line, err.column);
    throw err;
  }
}

function guarded(path: string, read: () => Conversation): ReadResult {
  try {
    return { path, conversation: read() };
  } catch (err) {
    if (err instanceof ReadError) return { path, error: err.toLocated() };
    return { path, error: { message: `could not read transcript: ${err instanceof Error ? err.message : String(err)}` } };
  }
}

/** What a JSON document no reader takes seems to be, for the message. */
function notATranscript(value: unknown): string {
  const doc = value as { tool?: unknown; baselineVersion?: unknown; schemaVersion?: unknown } | null;
  if (doc && typeof doc === 'object' && doc.tool && (doc.tool === 'callcoach' || (doc.tool as { name?: unknown }).name === 'callcoach'))
    return `not a transcript: this is a callcoach ${doc.baselineVersion !== undefined ? 'baseline' : 'results file'}`;
  return 'not a transcript: unrecognized JSON';
}

function chooseReader(source: Source, format: string | undefined): Reader {
  if (format) {
    const forced = READERS.find((r) => r.format === format);
    if (!forced) throw new ReadError(`unknown format '${format}'; expected one of ${FORMATS.join(', ')}`);
    return forced;
  }
  const head = source.text.slice(0, SNIFF_BYTES);
  const ext = transcriptExtension(source.path);
  const byExtension = READERS.filter((r) => r.extensions.includes(ext));
  const sniffed = (byExtension.length > 0 ? byExtension : READERS).find((r) => r.sniff(head));
  if (sniffed) return sniffed;
  // JSON saved under another extension (".txt" exports) still goes to the JSON readers.
  if (ext !== '.json' && /^\uFEFF?\s*(?:\{|\[\s*[{["\]])/.test(head))
    return chooseReader({ ...source, path: `${source.path}.json` }, undefined);
  if (ext === '.json') {
    const { value } = parseJson(source.text); // a syntax error is the more useful message
    throw new ReadError(
      `${notATranscript(value)}: expected one of ${byExtension.map((r) => r.format).join(', ')} (or force one with --input-format)`,
      1,
      1,
      NOT_A_TRANSCRIPT,
    );
  }
  // The extension decides; the reader explains what is wrong with the content.
  if (byExtension.length === 1) return byExtension[0]!;
  throw new ReadError(
    `unrecognized transcript format: expected ${FORMATS.join(', ')} (e.g. 'Agent: Hello' lines, a WEBVTT header or Amazon Transcribe JSON)`,
    1,
    1,
  );
}
