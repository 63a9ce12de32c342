import type { PackProblem } from '../rules/problems.js';

/**
 * A run that cannot start: a bad pack or config (each problem located in its file), an unknown pack
 * name, an unreadable baseline, or no inputs. The CLI prints it and exits 2; a library caller catches it.
 */
export class SetupError extends Error {
  constructor(
    message: string,
    readonly problems: readonly PackProblem[] = [],
  ) {
    super(message);
    this.name = 'SetupError';
  }
}
