import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { colors } from '../report/color.js';
import { REPORTERS } from '../report/index.js';
import { collectResults, type Results } from '../results/collect.js';
import type { FileResult, RuleMetadata } from '../results/model.js';
import { EXIT } from '../run/gates.js';
import type { CliIO } from './io.js';
import { openSinks, type OutputSpec } from './outputs.js';

/**
 * `callcoach merge`: the JSON results of several runs (shards) as one report, with the summary
 * recomputed and the packs and rules the runs recorded, so every format lists what one run would.
 */
export async function mergeCommand(
  files: readonly string[],
  options: { outputs: OutputSpec[]; groupBy?: 'agent'; csvBom?: boolean; cwd: string },
  io: CliIO,
): Promise<number> {
  const all: FileResult[] = [];
  const packs = new Set<string>();
  const rules = new Map<string, RuleMetadata>();
  for (const file of files) {
    try {
      const doc = JSON.parse(await readFile(resolve(options.cwd, file), 'utf8')) as Partial<Results>;
      if (doc.tool?.name !== 'callcoach' || !Array.isArray(doc.files))
        throw new Error('not callcoach JSON results (run check with --format json)');
      if (!doc.run)
        throw new Error(
          'these results do not record the packs and rules that made them (an older callcoach wrote them); check again to merge',
        );
      all.push(...doc.files);
      for (const p of doc.run.packs) packs.add(p);
      for (const r of doc.run.rules) if (!rules.has(r.id)) rules.set(r.id, r);
    } catch (err) {
      io.stderr.write(`callcoach: cannot merge ${file}: ${(err as Error).message}\n`);
      return EXIT.error;
    }
  }
  const run = { packs: [...packs], rules: [...rules.values()] };
  const merged = collectResults(all, run, { groupByAgent: options.groupBy === 'agent' });
  const context = {
    rules: run.rules,
    packs: run.packs,
    color: colors({ isTTY: Boolean(io.stdout.isTTY), env: io.env }),
    csvBom: options.csvBom ?? false,
  };
  const sinks = openSinks(options.outputs, options.cwd, io.stdout);
  try {
    for (const [i, o] of options.outputs.entries()) {
      const reporter = REPORTERS[o.format]!(context);
      await sinks[i]!.write(reporter.head() + merged.files.map((f) => reporter.file(f)).join('') + reporter.tail(merged.summary));
      await sinks[i]!.close();
    }
  } catch (err) {
    for (const s of sinks) s.discard();
    throw err;
  }
  return merged.summary.errors > 0 ? EXIT.error : EXIT.ok;
}
