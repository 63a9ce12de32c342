/** A problem in a pack file, located for the user. */
export interface PackProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Thrown while loading one pack; collected per file so every bad pack is reported. */
export class PackLoadError extends Error {
  constructor(readonly problem: PackProblem) {
    super(problem.message);
  }
}

/**
 * True for a PackLoadError, also one thrown by a separately loaded copy of this module (validation is
 * required lazily, and test runners may load it apart from the importing module), where instanceof fails.
 */
export function isPackLoadError(err: unknown): err is PackLoadError {
  return err instanceof Error && 'problem' in err && typeof (err as PackLoadError).problem?.file === 'string';
}
