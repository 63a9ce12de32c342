import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where packs are found by name, and how a name maps to a file: shared by --packs, `test`, `rules` and the config.

export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

export function bundledPackFiles(dir = BUNDLED_RULES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** A pack's name is its file name without the extension. */
export const packNameOf = (file: string) => basename(file).replace(/\.ya?ml$/, '');

/** A relative or absolute path, or a YAML file name, as opposed to a bare pack or package name. */
export const isPath = (s: string) => /^(\.{1,2}[\\/]|\/|[A-Za-z]:[\\/])/.test(s) || /\.ya?ml$/.test(s);

/** The bundled pack with this name, if there is one. */
export function bundledPack(name: string): string | undefined {
  return isPath(name) ? undefined : [join(BUNDLED_RULES_DIR, `${name}.yaml`), join(BUNDLED_RULES_DIR, `${name}.yml`)].find(existsSync);
}

/**
 * The packs in a directory: those its package.json lists ("callcoach": {"packs": [...]}), or every YAML
 * file in it but roles sidecars and the file names in `skip` (the caller knows which are configs).
 */
export function packsIn(dir: string, skip: readonly string[] = []): string[] {
  const manifest = join(dir, 'package.json');
  const listed = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { callcoach?: { packs?: string[] } }).callcoach?.packs
    : undefined;
  if (listed) return listed.map((p) => resolve(dir, p));
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && !skip.includes(f) && !/\.roles\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}
