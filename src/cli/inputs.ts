import { access, readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { LocatedError } from '../transcript/errors.js';
import type { AssignableRole } from '../transcript/model.js';
import { JSONL, READERS } from '../transcript/read.js';
import type { Source } from '../transcript/readers/reader.js';
import { parseRolesSidecar, sidecarPaths } from '../transcript/sidecar.js';

export const STDIN = '-';
export const STDIN_PATH = '<stdin>';

const EXTENSIONS = new Set([...READERS.flatMap((r) => r.extensions), `.${JSONL}`]);
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export type Input = { path: string; error?: undefined } | { path: string; error: LocatedError };

/** Expands the command-line paths: files as given, directories recursively (transcript extensions only), sorted. */
export async function expandInputs(paths: readonly string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const path of paths) {
    if (path === STDIN) {
      out.push({ path: STDIN });
      continue;
    }
    try {
      const info = await stat(path);
      if (info.isDirectory()) out.push(...(await walk(path)).map((p) => ({ path: p })));
      else out.push({ path });
    } catch (err) {
      out.push({ path, error: { message: describe(err) } });
    }
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) files.push(...(await walk(full)));
    else if (e.isFile() && EXTENSIONS.has(extname(e.name).toLowerCase())) files.push(full);
  }
  return files;
}

export async function loadSource(path: string, stdin: () => Promise<string>): Promise<Source | LocatedError> {
  if (path === STDIN) return { path: STDIN_PATH, text: await stdin() };
  try {
    return { path, text: await readFile(path, 'utf8') };
  } catch (err) {
    return { message: describe(err) };
  }
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot read: ${(err as Error).message}`;
}

/** The roles sidecar next to a transcript, if there is one; a malformed sidecar is an error for that transcript. */
export async function loadSidecarRoles(path: string): Promise<Map<string, AssignableRole> | LocatedError | undefined> {
  if (path === STDIN) return undefined;
  for (const candidate of sidecarPaths(path)) {
    try {
      await access(candidate);
    } catch {
      continue;
    }
    const parsed = parseRolesSidecar(await readFile(candidate, 'utf8'));
    return parsed instanceof Map ? parsed : { ...parsed, message: `${candidate}: ${parsed.message}` };
  }
  return undefined;
}
