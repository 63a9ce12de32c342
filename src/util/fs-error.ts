/** A file-system error in words ("permission denied"), without the stack or the syscall's jargon. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const known: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EROFS: 'read-only file system',
    EFBIG: 'file too large',
    ELOOP: 'too many levels of symbolic links',
    ENAMETOOLONG: 'file name too long',
    EEXIST: 'already exists',
    EIO: 'input/output error',
    EPIPE: 'the reader closed the pipe',
    EMFILE: 'too many open files',
  };
  if (code && known[code]) return known[code];
  const message = err instanceof Error ? err.message : String(err);
  // Node's messages look like "ECODE: words, syscall 'path'": keep the words.
  return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}
