import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Ignore } from 'ignore';
import { comparePaths } from '../results/model.js';
import type { LocatedError } from '../transcript/errors.js';
import { JSONL, READERS } from '../transcript/read.js';

export const STDIN = '-';
const IGNORE_FILE = '.callcoachignore';

const EXTENSIONS = new Set([...READERS.flatMap((r) => r.extensions), `.${JSONL}`]);
const ALWAYS_IGNORED = ['node_modules/', '.git/'];

type Input = { path: string; error?: undefined } | { path: string; error: LocatedError };

/** Which paths to leave out: `.callcoachignore` in the working directory (gitignore syntax) and --ignore patterns. */
export async function ignoreRules(cwd: string, patterns: readonly string[]): Promise<Ignore> {
  const { default: ignore } = await import('ignore');
  const rules = ignore()
    .add(ALWAYS_IGNORED)
    .add([...patterns]);
  try {
    rules.add(await readFile(join(cwd, IGNORE_FILE), 'utf8'));
  } catch {
    // No ignore file: nothing more to leave out.
  }
  return rules;
}

/**
 * Expands files, directories (recursively, transcript extensions only) and glob patterns, drops
 * ignored paths, and sorts the rest so every run visits them in the same order. Missing paths are
 * errors; stdin (`-`) stays where it was given.
 */
export async function expandInputs(paths: readonly string[], cwd: string, rules: Ignore): Promise<Input[]> {
  const found = new Map<string, Input>();
  const ignored = (p: string) => {
    const rel = isAbsolute(p) ? relative(cwd, p) : p;
    return rel !== '' && !rel.startsWith('..') && rules.ignores(rel.replace(/\\/g, '/'));
  };
  for (const path of paths) {
    if (path === STDIN) {
      found.set(STDIN, { path: STDIN });
      continue;
    }
    const info = await stat(resolve(cwd, path)).catch(() => undefined);
    if (info?.isDirectory()) for (const f of await walk(path, cwd, ignored)) found.set(f, { path: f });
    else if (info) found.set(path, { path });
    else if (/[*?[\]{}!]/.test(path)) {
      const { glob } = await import('tinyglobby');
      for (const f of await glob(path, { cwd, onlyFiles: true, dot: false })) if (!ignored(f)) found.set(f, { path: f });
    } else found.set(path, { path, error: { message: 'no such file or directory' } });
  }
  return [...found.values()].sort((a, b) => comparePaths(a.path, b.path));
}

/** Transcript files below `dir` (as given, relative to `cwd`), by the paths the report will show. */
async function walk(dir: string, cwd: string, ignored: (p: string) => boolean): Promise<string[]> {
  const entries = await readdir(resolve(cwd, dir), { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.name.startsWith('.') || ignored(e.isDirectory() ? `${full}/` : full)) continue;
    if (e.isDirectory()) files.push(...(await walk(full, cwd, ignored)));
    else if (e.isFile() && EXTENSIONS.has(extname(e.name).toLowerCase())) files.push(full);
  }
  return files;
}
