import { readFile } from 'node:fs/promises';
import { colors } from '../report/color.js';
import { REPORTERS } from '../report/index.js';
import { collectResults, type FileResult, type Results } from '../results.js';
import { bundledPackFiles, loadPacks } from '../rules/load.js';
import { EXIT } from './check.js';
import type { CliIO } from './io.js';
import { fileSink, type OutputSpec, sinkOf } from './outputs.js';

/** `callcoach merge`: the JSON results of several shards as one report, with the summary recomputed. */
export async function mergeCommand(files: readonly string[], options: { outputs: OutputSpec[]; groupBy?: 'agent' }, io: CliIO): Promise<number> {
  const all: FileResult[] = [];
  for (const file of files) {
    try {
      const doc = JSON.parse(await readFile(file, 'utf8')) as Partial<Results>;
      if (doc.tool?.name !== 'callcoach' || !Array.isArray(doc.files)) throw new Error('not callcoach JSON results (run check with --format json)');
      all.push(...doc.files);
    } catch (err) {
      io.stderr.write(`callcoach: cannot merge ${file}: ${(err as Error).message}\n`);
      return EXIT.error;
    }
  }
  const merged = collectResults(all, { groupByAgent: options.groupBy === 'agent' });
  const { packs } = loadPacks(bundledPackFiles());
  const context = { rules: packs.flatMap((p) => p.rules), packs: packs.map((p) => p.name), color: colors({ isTTY: Boolean(io.stdout.isTTY), env: io.env }) };
  for (const o of options.outputs) {
    const reporter = REPORTERS[o.format]!(context);
    const sink = o.file ? fileSink(o.file) : sinkOf(io.stdout);
    await sink.write(reporter.head() + merged.files.map((f) => reporter.file(f)).join('') + reporter.tail(merged.summary));
    await sink.close();
  }
  return merged.summary.errors > 0 ? EXIT.error : EXIT.ok;
}
