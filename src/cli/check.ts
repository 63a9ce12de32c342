import { colors } from '../report/color.js';
import { REPORTERS } from '../report/index.js';
import type { Reporter } from '../report/reporter.js';
import { type CheckerOptions, type CheckInputs, Checker, type CheckRun } from '../run/checker.js';
import { EXIT } from '../run/gates.js';
import { type Severity, severityRank } from '../rules/types.js';
import type { CliIO } from './io.js';
import { WriteFailure } from '../util/atomic-file.js';
import { Interrupted, untilInterrupted } from './interrupt.js';
import { openSinks, type OutputSpec, type Sink } from './outputs.js';
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
    run = Checker.open({ ...checker, groupByAgent: groupBy === 'agent', ...(baseline && { baseline: { file: baseline, mode } }) }).check({
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
  const context = { rules: run.checker.rules, packs: run.checker.info.packs, color, csvBom: options.csvBom };
  const reporters = options.outputs.map((o) => REPORTERS[o.format]!(context));
  let sinks: Sink[] = [];
  const write = (text: (r: Reporter) => string) => Promise.all(sinks.map((s, i) => s.write(text(reporters[i]!))));

  const progress = progressBar(io.stderr, io.env, run.total, options.progress);
  const shown = severityRank(options.minSeverity);
  try {
    sinks = openSinks(options.outputs, options.cwd, io.stdout);
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
    await write((r) => r.tail(run.summary()));
    for (const s of sinks) await s.close();
    if (run.summary().files === 0) {
      io.stderr.write(`callcoach: no transcripts found in ${paths.join(', ') || 'stdin'}\n`);
      return EXIT.error;
    }
    run.save();
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
