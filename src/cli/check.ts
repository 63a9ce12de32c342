import { resolve } from 'node:path';
import { colors } from '../report/color.js';
import { REPORTERS, showsTranscript } from '../report/index.js';
import type { Reporter } from '../report/reporter.js';
import { type CheckerOptions, type CheckInputs, Checker, type CheckRun } from '../run/checker.js';
import { EXIT } from '../run/gates.js';
import { type Severity, severityRank } from '../rules/types.js';
import type { CliIO } from './io.js';
import { fileSink, type OutputSpec, sinkOf } from './outputs.js';
import { progressBar } from './progress.js';
import { reportSetupError } from './setup-error.js';

export interface CheckCommandOptions extends Omit<CheckerOptions, 'baseline' | 'groupByAgent'> {
  outputs: OutputSpec[];
  minSeverity: Severity;
  stdinFormat: NonNullable<CheckInputs['stdinFormat']>;
  ignore: string[];
  shard?: CheckInputs['shard'];
  groupBy?: 'agent';
  baseline?: string;
  writeBaseline: boolean;
  pruneBaseline: boolean;
  progress: boolean;
  cwd: string;
}

/** `callcoach check`: a Checker run streamed into every output; returns the exit code. */
export async function checkCommand(paths: readonly string[], options: CheckCommandOptions, io: CliIO): Promise<number> {
  let run: CheckRun;
  try {
    const {
      outputs: _o,
      minSeverity: _m,
      stdinFormat,
      ignore,
      shard,
      groupBy,
      baseline,
      writeBaseline,
      pruneBaseline,
      progress: _p,
      ...checker
    } = options;
    const mode = writeBaseline ? 'write' : pruneBaseline ? 'prune' : 'compare';
    const transcript = checker.transcript || options.outputs.some((o) => showsTranscript(o.format));
    run = Checker.open({
      ...checker,
      transcript,
      groupByAgent: groupBy === 'agent',
      ...(baseline && { baseline: { file: baseline, mode } }),
    }).check({
      paths,
      ignore,
      stdinFormat,
      stdin: io.stdin,
      ...(shard && { shard }),
    });
    await run.start();
  } catch (err) {
    return reportSetupError(err, io);
  }

  const color = colors({ isTTY: Boolean(io.stdout.isTTY), env: io.env });
  const packDetails = run.checker.packs.map(({ name, description, source }) => ({ name, description, source }));
  const context = { rules: run.checker.rules, packs: run.checker.info.packs, color, packDetails };
  const outputs = options.outputs.map((o) => ({
    reporter: REPORTERS[o.format]!(context),
    sink: o.file ? fileSink(resolve(options.cwd, o.file)) : sinkOf(io.stdout),
  }));
  const write = (text: (r: Reporter) => string) => Promise.all(outputs.map((o) => o.sink.write(text(o.reporter))));

  const progress = progressBar(io.stderr, io.env, run.total, options.progress);
  const shown = severityRank(options.minSeverity);
  await write((r) => r.head());
  try {
    for await (const file of run) {
      // The display filter is applied after the summary has counted everything, so gates see every finding.
      const display = file.findings.some((f) => severityRank(f.severity) < shown)
        ? { ...file, findings: file.findings.filter((f) => severityRank(f.severity) >= shown) }
        : file;
      await write((r) => r.file(display));
      progress.tick();
    }
  } finally {
    progress.done();
  }
  const summary = run.summary();
  await write((r) => r.tail(summary));
  await Promise.all(outputs.map((o) => o.sink.close()));

  if (summary.files === 0) {
    io.stderr.write(`callcoach: no transcripts found in ${paths.join(', ') || 'stdin'}\n`);
    return EXIT.error;
  }
  run.save();
  return run.exitCode();
}
