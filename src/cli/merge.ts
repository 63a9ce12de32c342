import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { colors } from '../report/color.js';
import { REPORTERS, showsTranscript } from '../report/index.js';
import { collectResults, type Results } from '../results/collect.js';
import type { FileResult, RuleMetadata } from '../results/model.js';
import { EXIT } from '../run/gates.js';
import { bundledPackFiles, loadPacks } from '../rules/load.js';
import type { PackDetail } from '../report/reporter.js';
import type { CliIO } from './io.js';
import { fileSink, type OutputSpec, sinkOf } from './outputs.js';

/**
 * `callcoach merge`: the JSON results of several runs (shards) as one report, with the summary
 * recomputed and the packs and rules the runs recorded, so every format lists what one run would.
 */
export async function mergeCommand(
  files: readonly string[],
  options: { outputs: OutputSpec[]; groupBy?: 'agent'; cwd: string },
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
  const html = options.outputs.some((o) => showsTranscript(o.format));
  if (html && all.some((f) => f.conversation && !f.transcript))
    io.stderr.write(
      'callcoach: some results carry no transcript text (check them with --transcript); the HTML report lists their findings by turn instead\n',
    );
  const merged = collectResults(all, run, { groupByAgent: options.groupBy === 'agent' });
  const context = {
    rules: run.rules,
    packs: run.packs,
    color: colors({ isTTY: Boolean(io.stdout.isTTY), env: io.env }),
    ...(html && { packDetails: bundledPackDetails(run.packs) }),
  };
  for (const o of options.outputs) {
    const reporter = REPORTERS[o.format]!(context);
    const sink = o.file ? fileSink(resolve(options.cwd, o.file)) : sinkOf(io.stdout);
    await sink.write(reporter.head() + merged.files.map((f) => reporter.file(f)).join('') + reporter.tail(merged.summary));
    await sink.close();
  }
  return merged.summary.errors > 0 ? EXIT.error : EXIT.ok;
}

/** What the bundled packs among these are about (results record pack names only; a custom pack's text is not known here). */
function bundledPackDetails(names: readonly string[]): PackDetail[] {
  const wanted = new Set(names);
  return loadPacks(bundledPackFiles())
    .packs.filter((p) => wanted.has(p.name))
    .map(({ name, description, source }) => ({ name, description, source }));
}
