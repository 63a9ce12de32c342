import { closeSync, fstatSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError } from './fs-error.js';

/** A file could not be written: reported as one line naming the path and the reason, exit code 2. */
export class WriteFailure extends Error {
  constructor(
    readonly target: string,
    readonly reason: string,
  ) {
    super(`cannot write ${target}: ${reason}`);
    this.name = 'WriteFailure';
  }
}

/**
 * A file written all or nothing: the text goes to a temporary file beside the target, renamed over it
 * on `commit()`, so an interrupted or failed run leaves the previous file (or none), never a truncated
 * one. A target that exists and is not a regular file (/dev/null, /dev/stdout, a pipe from `>(…)`) is
 * written directly: renaming over it would replace the device or pipe.
 */
export class AtomicFile {
  private fd: number | undefined;
  private readonly temp: string | undefined;

  /** `shown` is the path as the user wrote it, for messages. */
  constructor(
    readonly path: string,
    readonly shown: string = path,
  ) {
    const existing = statOrUndefined(path, shown);
    if (existing?.isDirectory()) throw new WriteFailure(shown, 'is a directory');
    const direct = existing !== undefined && !existing.isFile();
    try {
      if (!direct) makeDirectories(dirname(path));
      this.temp = direct ? undefined : join(dirname(path), `.${basename(path)}.${process.pid}.${uniqueSuffix()}.tmp`);
      this.fd = openSync(this.temp ?? path, direct ? 'w' : 'wx', 0o666);
      if (direct && fstatSync(this.fd).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    } catch (err) {
      this.discard();
      throw err instanceof WriteFailure ? err : new WriteFailure(shown, describeFsError(err));
    }
  }

  write(text: string): void {
    if (this.fd === undefined) throw new WriteFailure(this.shown, 'the file is already closed');
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let done = 0; done < bytes.length;) done += writeSync(this.fd, bytes, done, bytes.length - done);
    } catch (err) {
      this.discard();
      throw new WriteFailure(this.shown, describeFsError(err));
    }
  }

  /** Puts the finished file in place of the target. */
  commit(): void {
    if (this.fd === undefined) throw new WriteFailure(this.shown, 'the file is already closed');
    try {
      closeSync(this.fd);
      this.fd = undefined;
      if (this.temp) renameSync(this.temp, this.path);
    } catch (err) {
      this.discard();
      throw new WriteFailure(this.shown, describeFsError(err));
    }
  }

  /** Abandons the file: the target keeps what it had. Safe to call more than once. */
  discard(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // Closing a file being abandoned cannot fail in a way that matters.
      }
      this.fd = undefined;
    }
    if (this.temp) {
      try {
        unlinkSync(this.temp);
      } catch {
        // Never created, or already gone.
      }
    }
  }
}

/** Writes a whole file atomically (see AtomicFile). */
export function writeFileAtomic(path: string, text: string, shown: string = path): void {
  const file = new AtomicFile(path, shown);
  file.write(text);
  file.commit();
}

function statOrUndefined(path: string, shown: string) {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new WriteFailure(shown, describeFsError(err));
  }
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdir never returns for a path under /proc, where
 * creating a directory fails with ENOENT however often it is retried.
 */
function makeDirectories(dir: string): void {
  try {
    if (statSync(dir).isDirectory()) return;
    throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const parent = dirname(dir);
  if (parent !== dir) makeDirectories(parent);
  try {
    mkdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

let counter = 0;
const uniqueSuffix = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
