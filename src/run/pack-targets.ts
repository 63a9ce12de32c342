import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { CONFIG_NAMES } from '../config/find.js';
import { bundledPack, bundledPackFiles, packNameOf, packsIn } from '../rules/pack-files.js';
import { didYouMean } from '../util/did-you-mean.js';
import { SetupError } from './errors.js';

/**
 * Pack files named by a user: a bundled pack's name, a pack file (.yaml or .yml), or a directory of
 * pack files, relative to `cwd`. The bundled packs are always loaded too, for their shared phrase sets.
 */
export function packFilesFor(targets: readonly string[], cwd = process.cwd()): { files: string[]; selected?: string[] } {
  if (targets.length === 0) return { files: bundledPackFiles() };
  const bundled = bundledPackFiles();
  const files = new Set(bundled);
  const selected: string[] = [];
  for (const t of targets) {
    const named = bundledPack(t);
    const local = isAbsolute(t) ? t : relative(process.cwd(), resolve(cwd, t)) || '.';
    const paths = named ? [named] : existsSync(local) && statSync(local).isDirectory() ? packsIn(local, CONFIG_NAMES) : [local];
    for (const p of paths) {
      if (!existsSync(p)) {
        const names = bundled.map(packNameOf);
        throw new SetupError(
          `unknown pack '${t}'${didYouMean(t, names)}: not a bundled pack (${names.join(', ')}), a pack file or a directory of packs`,
        );
      }
      files.add(p);
      selected.push(packNameOf(p));
    }
  }
  return { files: [...files], selected };
}
