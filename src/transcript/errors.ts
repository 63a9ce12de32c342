/** A problem in an input file, located so the user can jump to it. Errors are values, never thrown at the user. */
export interface LocatedError {
  message: string;
  line?: number;
  column?: number;
  /** Set when the file is valid JSON that no reader recognizes: a directory walk skips such files. */
  code?: typeof NOT_A_TRANSCRIPT;
}

export const NOT_A_TRANSCRIPT = 'not-a-transcript';

/** Thrown inside a reader to abort it; the reader boundary turns it into a LocatedError. */
export class ReadError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
    readonly code?: typeof NOT_A_TRANSCRIPT,
  ) {
    super(message);
    this.name = 'ReadError';
  }

  toLocated(): LocatedError {
    return {
      message: this.message,
      ...(this.line !== undefined && { line: this.line }),
      ...(this.column !== undefined && { column: this.column }),
      ...(this.code !== undefined && { code: this.code }),
    };
  }
}

/** Line starts, for mapping many offsets to positions without rescanning the text. */
export function positionsOf(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
