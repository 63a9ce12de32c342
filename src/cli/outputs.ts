import { resolve as resolvePath } from 'node:path';
import { colors } from '../report/color.js';
import { OUTPUT_FORMATS, REPORTERS } from '../report/index.js';
import type { ReportContext, Reporter } from '../report/reporter.js';
import { AtomicFile, WriteFailure } from '../util/atomic-file.js';
import { describeFsError } from '../util/fs-error.js';
import { type CliIO, UsageError, type Writable } from './io.js';

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

/** Where a report goes. Writes throw WriteFailure; `discard` abandons a report that will not be finished. */
export interface Sink {
  write(text: string): Promise<void>;
  /** Finishes the report (a file takes the place of the previous one only now). */
  close(): Promise<void>;
  discard(): void;
}

/**
 * Writes to a stream with backpressure (waits for it to drain, so a long batch never piles output up in
 * memory). A reader that closes the pipe early (`| head`) is not a failure: the rest is dropped and the
 * run goes on, so its exit code still says what it found. Any other write error is a WriteFailure.
 */
export function streamSink(stream: Writable, name = 'stdout'): Sink {
  let closed = false;
  let failure: Error | undefined;
  const fail = (err: Error) => {
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') closed = true;
    else failure ??= err;
  };
  stream.on?.('error', fail);
  const check = () => {
    if (failure) throw new WriteFailure(name, describeFsError(failure));
  };
  return {
    write: async (text) => {
      check();
      if (!text || closed) return;
      let full: boolean;
      try {
        full = stream.write(text) === false;
      } catch (err) {
        fail(err as Error);
        return check();
      }
      if (full && stream.once)
        await new Promise<void>((resolve) => {
          // Whichever comes first ends the wait; the other two listeners go, or they pile up on a long run.
          const done = () => {
            for (const event of ['drain', 'error', 'close'] as const) stream.off?.(event, done);
            resolve();
          };
          stream.once!('drain', done);
          stream.once!('error', done);
          stream.once!('close', done);
        });
      check();
    },
    // Errors from the last writes arrive as events on a later turn of the loop.
    close: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      check();
    },
    discard: () => undefined,
  };
}

/** A report file, written beside the target and renamed into place when the report is complete. */
export function fileSink(path: string, shown: string = path): Sink {
  const file = new AtomicFile(path, shown);
  return {
    write: async (text) => {
      if (text) file.write(text);
    },
    close: async () => file.commit(),
    discard: () => file.discard(),
  };
}

/** Every output's sink; when one cannot be opened, those already open are abandoned and the failure thrown. */
export function openSinks(outputs: readonly OutputSpec[], cwd: string, stdout: Writable): Sink[] {
  const sinks: Sink[] = [];
  try {
    for (const o of outputs) sinks.push(o.file ? fileSink(resolvePath(cwd, o.file), o.file) : streamSink(stdout));
  } catch (err) {
    for (const s of sinks) s.discard();
    throw err;
  }
  return sinks;
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
  const sinks = openSinks(specs, cwd, io.stdout);
  return specs.map((o, i) => ({
    ...(o.file && { file: o.file }),
    reporter: REPORTERS[o.format]!({ ...context, color: colors({ isTTY: !o.file && Boolean(io.stdout.isTTY), env: io.env }) }),
    sink: sinks[i]!,
  }));
}
