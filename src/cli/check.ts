import { showsTranscript } from '../report/index.js';
import type { Reporter } from '../report/reporter.js';
import { type CheckerOptions, type CheckInputs, Checker, type CheckRun } from '../run/checker.js';
import { EXIT } from '../run/gates.js';
import { type Severity, severityRank } from '../rules/types.js';
import type { CliIO } from './io.js';
import { openOutputs, type OutputSpec, type Sink } from './outputs.js';
import { reportBaselineChange, reportGates, reportSkipped } from './gate-lines.js';
import { WriteFailure } from '../util/atomic-file.js';
import { Interrupted, untilInterrupted } from './interrupt.js';
import { progressBar } from './progress.js';
import { reportSetupError } from './setup-error.js';

export interface CheckCommandOptions extends Omit<CheckerOptions, 'baseline' | 'groupByAgent'> {
  outputs: OutputSpec[];
  minSeverity: Severity;
  stdinFormat: NonNullable<CheckInputs['stdinFormat']>;
  ignore: string[];
  ext?: string[];
  shard?: CheckInputs['shard'];
  groupBy?: 'agent';
  baseline?: string;
  writeBaseline: boolean;
  pruneBaseline: boolean;
  progress: boolean;
  csvBom: boolean;
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
      ext,
      shard,
      groupBy,
      baseline,
      writeBaseline,
      pruneBaseline,
      progress: _p,
      csvBom: _b,
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
      ...(ext && { extensions: ext }),
    });
    await run.start();
  } catch (err) {
    return reportSetupError(err, io);
  }

  const progress = progressBar(io.stderr, io.env, run.total, options.progress);
  const shown = severityRank(options.minSeverity);
  let sinks: Sink[] = [];
  try {
    const packDetails = run.checker.packs.map(({ name, description, source }) => ({ name, description, source }));
    const outputs = openOutputs(
      options.outputs,
      { rules: run.checker.rules, packs: run.checker.info.packs, packDetails, csvBom: options.csvBom },
      io,
      options.cwd,
    );
    sinks = outputs.map((o) => o.sink);
    // The bar and a report on the same terminal take turns: the bar's line is cleared before report text.
    const sharesTerminal = Boolean(io.stdout.isTTY) && outputs.some((o) => !o.file);
    const write = (text: (r: Reporter) => string) => {
      if (sharesTerminal) progress.clear();
      return Promise.all(outputs.map((o) => o.sink.write(text(o.reporter))));
    };
    await write((r) => r.head());
    for await (const file of untilInterrupted(run, io.signal)) {
      // The display filter is applied after the summary has counted everything, so gates see every finding.
      const display = file.findings.some((f) => severityRank(f.severity) < shown)
        ? { ...file, findings: file.findings.filter((f) => severityRank(f.severity) >= shown) }
        : file;
      await write((r) => r.file(display));
      progress.tick();
    }
    progress.done();
    const summary = run.summary();
    await write((r) => r.tail(summary));
    for (const s of sinks) await s.close();
    reportSkipped(summary, io);
    if (summary.files === 0) {
      io.stderr.write(`callcoach: no transcripts found in ${paths.join(', ') || 'stdin'}\n`);
      return EXIT.error;
    }
    const change = run.save();
    if (change) reportBaselineChange(change, io);
    reportGates(summary, io);
  } catch (err) {
    progress.done();
    for (const s of sinks) s.discard();
    if (err instanceof WriteFailure) {
      io.stderr.write(`callcoach: ${err.message}\n`);
      return EXIT.error;
    }
    if (err instanceof Interrupted) {
      io.stderr.write(`callcoach: ${err.message}; report files were not written (any previous ones are unchanged)\n`);
      return err.exitCode;
    }
    throw err;
  }
  return run.exitCode();
}
