import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { collectResults, type Results } from '../results/collect.js';
import { comparePaths, type FileResult, type RuleMetadata } from '../results/model.js';
import { findConfig } from '../config/find.js';
import { isPackLoadError } from '../rules/problems.js';
import { resolveGates } from '../run/configured-gates.js';
import { SetupError } from '../run/errors.js';
import { EXIT, type Gates, withGates } from '../run/gates.js';
import type { BatchSummary } from '../results/summary.js';
import { reportGates, reportSkipped } from './gate-lines.js';
import { reportSetupError } from './setup-error.js';
import { showsTranscript } from '../report/index.js';
import { bundledPackFiles, loadPacks } from '../rules/load.js';
import type { PackDetail } from '../report/reporter.js';
import type { CliIO } from './io.js';
import { openOutputs, type OutputSpec } from './outputs.js';

/**
 * `callcoach merge`: the JSON results of several runs (shards) as one report, with the summary
 * recomputed and the packs and rules the runs recorded, so every format lists what one run would.
 */
export async function mergeCommand(
  files: readonly string[],
  options: { outputs: OutputSpec[]; groupBy?: 'agent'; gates?: Partial<Gates>; config?: string | false; csvBom?: boolean; cwd: string },
  io: CliIO,
): Promise<number> {
  let gates: Gates;
  try {
    // The same gates as check: the command line, then the config's (so the merge step of a sharded CI can be the gate).
    const file = options.config === false ? undefined : options.config ? resolve(options.cwd, options.config) : findConfig(options.cwd);
    const config = file ? (await import('../config/load.js')).loadConfig(file) : undefined;
    gates = resolveGates(config, options.gates);
  } catch (err) {
    return reportSetupError(isPackLoadError(err) ? new SetupError('invalid configuration', [err.problem]) : err, io);
  }
  const all: FileResult[] = [];
  let baseline: BatchSummary['baseline'];
  const skipped: NonNullable<BatchSummary['skipped']> = [];
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
      skipped.push(...(doc.summary?.skipped ?? []));
      const shard = doc.summary?.baseline;
      if (shard) baseline = { known: (baseline?.known ?? 0) + shard.known, fixed: [...(baseline?.fixed ?? []), ...shard.fixed] };
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
  const collected = collectResults(all, run, { groupByAgent: options.groupBy === 'agent' });
  // Each shard compared its own inputs with the baseline: their counts and fixed lists add up.
  const summary = withGates(
    {
      ...collected.summary,
      ...(baseline && { baseline }),
      ...(skipped.length > 0 && { skipped: skipped.sort((a, b) => comparePaths(a.path, b.path)) }),
    },
    gates,
  );
  const merged = { ...collected, summary };
  const outputs = openOutputs(
    options.outputs,
    { rules: run.rules, packs: run.packs, csvBom: options.csvBom ?? false, ...(html && { packDetails: bundledPackDetails(run.packs) }) },
    io,
    options.cwd,
  );
  try {
    for (const { reporter, sink } of outputs) {
      await sink.write(reporter.head() + merged.files.map((f) => reporter.file(f)).join('') + reporter.tail(merged.summary));
      await sink.close();
    }
  } catch (err) {
    // A report that cannot be finished leaves the previous one in place (WriteFailure is reported by the CLI).
    for (const o of outputs) o.sink.discard();
    throw err;
  }
  reportSkipped(summary, io);
  reportGates(summary, io);
  return summary.exit!.code;
}

/** What the bundled packs among these are about (results record pack names only; a custom pack's text is not known here). */
function bundledPackDetails(names: readonly string[]): PackDetail[] {
  const wanted = new Set(names);
  return loadPacks(bundledPackFiles())
    .packs.filter((p) => wanted.has(p.name))
    .map(({ name, description, source }) => ({ name, description, source }));
}
