import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Ignore } from 'ignore';
import { comparePaths } from '../results/model.js';
import type { LocatedError } from '../transcript/errors.js';

export const STDIN = '-';
const IGNORE_FILE = '.callcoachignore';

/** What a directory walk takes by default (the README's list); each may also be gzipped. Files named explicitly are read whatever they are called. */
export const DEFAULT_EXTENSIONS: readonly string[] = ['.txt', '.vtt', '.srt', '.json', '.jsonl'];
const ALWAYS_IGNORED = ['node_modules/', '.git/'];

/**
 * Files that sit beside transcripts in real corpora and are never one: documentation, licences,
 * package and tool files, callcoach's own sidecars, configs and baselines. A walk leaves them out.
 */
const NOT_TRANSCRIPTS =
  /^(?:(?:readme|source|sources|license|licence|copying|notice|changelog|changes|authors|contributing)(?:\.[^.]+)?|package(?:-lock)?\.json|npm-shrinkwrap\.json|tsconfig\.json|.*\.schema\.json|.*\.roles\.ya?ml|.*\.callcoach\.ya?ml|callcoach\.config\.ya?ml)$/i;

/** `walked`: found by a directory walk or a glob (not named), so a file that is not a transcript is skipped, not an error. */
type Input = { path: string; walked?: boolean; error?: undefined } | { path: string; walked?: undefined; error: LocatedError };

/** Whether a walk takes this file name: a listed extension (optionally `.gz`), and not a known non-transcript. */
export function walkable(name: string, extensions: readonly string[] = DEFAULT_EXTENSIONS): boolean {
  const lower = name.toLowerCase();
  const base = lower.endsWith('.gz') ? lower.slice(0, -3) : lower;
  return extensions.some((e) => base.endsWith(e.toLowerCase())) && !NOT_TRANSCRIPTS.test(base);
}

/** `--ext txt,.vtt`: extensions with their dot, lower case. */
export function parseExtensions(list: string): string[] {
  const exts = list
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)
    .map((e) => (e.startsWith('.') ? e : `.${e}`));
  if (exts.length === 0) throw new Error('expected a comma-separated list of extensions, e.g. txt,vtt,json');
  return exts;
}

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
export async function expandInputs(
  paths: readonly string[],
  cwd: string,
  rules: Ignore,
  extensions: readonly string[] = DEFAULT_EXTENSIONS,
): Promise<Input[]> {
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
    if (info?.isDirectory()) for (const f of await walk(path, cwd, ignored, extensions)) found.set(f, { path: f, walked: true });
    else if (info) found.set(path, { path });
    else if (/[*?[\]{}!]/.test(path)) {
      const { glob } = await import('tinyglobby');
      for (const f of await glob(path, { cwd, onlyFiles: true, dot: false })) if (!ignored(f)) found.set(f, { path: f, walked: true });
    } else found.set(path, { path, error: { message: 'no such file or directory' } });
  }
  return [...found.values()].sort((a, b) => comparePaths(a.path, b.path));
}

/** Transcript files below `dir` (as given, relative to `cwd`), by the paths the report will show. */
async function walk(dir: string, cwd: string, ignored: (p: string) => boolean, extensions: readonly string[]): Promise<string[]> {
  const entries = await readdir(resolve(cwd, dir), { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.name.startsWith('.') || ignored(e.isDirectory() ? `${full}/` : full)) continue;
    if (e.isDirectory()) files.push(...(await walk(full, cwd, ignored, extensions)));
    else if (e.isFile() && walkable(e.name, extensions)) files.push(full);
  }
  return files;
}
