import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_RULES_DIR, bundledPackFiles } from '../rules/load.js';
import { didYouMean } from '../util/did-you-mean.js';
import { UsageError } from './io.js';

/**
 * Pack files named on the command line: a bundled pack's name, a pack file (.yaml or .yml), or a
 * directory of pack files. The bundled packs are always loaded too, for their shared phrase sets.
 */
export function packFilesFor(targets: readonly string[]): { files: string[]; selected?: string[] } {
  if (targets.length === 0) return { files: bundledPackFiles() };
  const bundled = bundledPackFiles();
  const files = new Set(bundled);
  const selected: string[] = [];
  for (const t of targets) {
    const named = [join(BUNDLED_RULES_DIR, `${t}.yaml`), join(BUNDLED_RULES_DIR, `${t}.yml`)].find(existsSync);
    const paths = named ? [named] : existsSync(t) && statSync(t).isDirectory() ? readdirSync(t).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(t, f)) : [t];
    for (const p of paths) {
      if (!existsSync(p)) {
        const names = bundled.map((f) => f.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, ''));
        throw new UsageError(`unknown pack '${t}'${didYouMean(t, names)}: not a bundled pack (${names.join(', ')}), a pack file or a directory of packs`);
      }
      files.add(p);
      selected.push(p.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, ''));
    }
  }
  return { files: [...files], selected };
}
