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
