import { existsSync, statSync } from 'node:fs';
import { bundledPack, bundledPackFiles, packNameOf, packsIn } from '../rules/pack-files.js';
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
    const named = bundledPack(t);
    const paths = named ? [named] : existsSync(t) && statSync(t).isDirectory() ? packsIn(t) : [t];
    for (const p of paths) {
      if (!existsSync(p)) {
        const names = bundled.map(packNameOf);
        throw new UsageError(`unknown pack '${t}'${didYouMean(t, names)}: not a bundled pack (${names.join(', ')}), a pack file or a directory of packs`);
      }
      files.add(p);
      selected.push(packNameOf(p));
    }
  }
  return { files: [...files], selected };
}
