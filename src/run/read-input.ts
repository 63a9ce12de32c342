import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { LocatedError } from '../transcript/errors.js';
import { type Limits, tooLarge } from '../transcript/limits.js';
import { describeFsError } from '../util/fs-error.js';

/** What a path is, in words, when it is not a regular file. */
export function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * A regular file's text, or why it cannot be had. Only regular files are read: the file is opened
 * without blocking (a FIFO with no writer would wait forever) and its size checked against the limit
 * before a byte is read, so a 1 GB file is refused at once.
 */
export function readInputFile(file: string, limits: Limits): { text: string } | { error: LocatedError } {
  const read = readInputBytes(file, limits);
  return 'error' in read ? read : { text: read.bytes.toString('utf8') };
}

/** A regular file's bytes (for decoding: gzip, UTF-16…), under the same rules as readInputFile. */
export function readInputBytes(file: string, limits: Limits): { bytes: Buffer } | { error: LocatedError } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { error: { message: describeFsError(err) } };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { error: { message: `${kindOf(info)}: only regular files are read` } };
    if (info.size > limits.inputBytes) return { error: tooLarge(info.size, limits) };
    const bytes = Buffer.alloc(info.size);
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(fd, bytes, done, bytes.length - done, done);
      if (n === 0) break;
      done += n;
    }
    return { bytes: bytes.subarray(0, done) };
  } catch (err) {
    return { error: { message: describeFsError(err) } };
  } finally {
    closeSync(fd);
  }
}
