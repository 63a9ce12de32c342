import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { colors } from '../report/color.js';
import { OUTPUT_FORMATS, REPORTERS } from '../report/index.js';
import type { ReportContext, Reporter } from '../report/reporter.js';
import { type CliIO, UsageError } from './io.js';

export interface OutputSpec {
  format: string;
  /** Undefined: stdout. */
  file?: string;
}

/** `-f stylish -f json:out/results.json`: formats, each to stdout or a file; at most one to stdout. */
export function parseOutputs(specs: readonly string[]): OutputSpec[] {
  const outputs = specs.map((spec) => {
    const [format, ...rest] = spec.split(':');
    const file = rest.join(':');
    if (!OUTPUT_FORMATS.includes(format!)) throw new UsageError(`unknown format '${format}'; expected one of ${OUTPUT_FORMATS.join(', ')}`);
    return { format: format!, ...(file && { file }) };
  });
  if (outputs.filter((o) => !o.file).length > 1)
    throw new UsageError('only one format can write to stdout; send the others to files, e.g. -f json:results.json');
  return outputs;
}

interface Sink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

type Writable = { write(chunk: string): boolean | unknown; once?(event: 'drain', cb: () => void): unknown };

/** Writes with backpressure: waits for the stream to drain, so a long batch never piles output up in memory. */
export function sinkOf(stream: Writable, close: () => Promise<void> = async () => undefined): Sink {
  return {
    write: (text) =>
      new Promise((resolve) => {
        if (!text) return resolve();
        if (stream.write(text) === false && stream.once) stream.once('drain', resolve);
        else resolve();
      }),
    close,
  };
}

export function fileSink(path: string): Sink {
  mkdirSync(dirname(path), { recursive: true });
  const stream: WriteStream = createWriteStream(path);
  return sinkOf(stream, () => new Promise((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve()))));
}

/**
 * Each output's reporter and sink. Colour follows each output's own destination: stdout on a terminal
 * gets it, a file never does (unless FORCE_COLOR asks), so `-f stylish:report.txt` holds plain text.
 */
export function openOutputs(
  specs: readonly OutputSpec[],
  context: Omit<ReportContext, 'color'>,
  io: Pick<CliIO, 'stdout' | 'env'>,
  cwd: string,
): { file?: string; reporter: Reporter; sink: Sink }[] {
  return specs.map((o) => ({
    ...(o.file && { file: o.file }),
    reporter: REPORTERS[o.format]!({ ...context, color: colors({ isTTY: !o.file && Boolean(io.stdout.isTTY), env: io.env }) }),
    sink: o.file ? fileSink(resolve(cwd, o.file)) : sinkOf(io.stdout),
  }));
}
