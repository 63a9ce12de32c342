import { SetupError } from '../run/errors.js';
import { EXIT } from '../run/gates.js';
import type { CliIO } from './io.js';
import { formatProblem } from './problem.js';

/** Prints why a run could not start (each pack or config problem with its line), and gives exit code 2. */
export function reportSetupError(err: unknown, io: CliIO): number {
  if (!(err instanceof SetupError)) throw err;
  io.stderr.write(err.problems.length > 0 ? `${err.problems.map(formatProblem).join('\n')}\n` : `callcoach: ${err.message}\n`);
  return EXIT.error;
}

/**
 * A bug in callcoach, not a problem with the input: said so, with where to report it; the stack trace
 * only with --debug (or CALLCOACH_DEBUG), since it means nothing to the user and may quote their data.
 */
export function reportInternalError(err: unknown, io: CliIO, debug: boolean): number {
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(
    `callcoach: internal error: ${oneLine(message)}\n` +
      (debug && err instanceof Error && err.stack
        ? `${err.stack}\n`
        : 'This is a bug in callcoach, not a problem with your input: please report it with the command you ran (add --debug for the stack trace).\n'),
  );
  return EXIT.error;
}

const oneLine = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s).replace(/[\r\n]+/g, ' ');
