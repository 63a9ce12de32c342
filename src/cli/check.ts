import { availableParallelism } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { BaselineTracker, formatBaseline, parseBaseline } from '../baseline.js';
import { type Executor, inlineExecutor, poolExecutor } from '../batch/executor.js';
import { prepare, type Setup } from '../batch/setup.js';
import { findConfig } from '../config/find.js';
import { expandInputs, ignoreRules, STDIN } from '../batch/inputs.js';
import { batches, mapOrdered } from '../batch/ordered.js';
import { inShard, type Shard } from '../batch/shard.js';
import type { Task } from '../batch/task.js';
import { colors } from '../report/color.js';
import { REPORTERS } from '../report/index.js';
import type { Reporter } from '../report/reporter.js';
import type { FileResult } from '../results.js';
import { type Severity, severityRank } from '../rules/types.js';
import { SummaryBuilder } from '../summary.js';
import type { AssignableRole } from '../transcript/model.js';
import { type CliIO, readAll } from './io.js';
import { fileSink, type OutputSpec, sinkOf } from './outputs.js';
import { packFilesFor } from './packs.js';
import { formatProblem } from './problem.js';
import { progressBar } from './progress.js';

export interface CheckCommandOptions {
  outputs: OutputSpec[];
  packs?: string[];
  /** A config file; false: none (--no-config); undefined: the nearest callcoach.config.yaml. */
  config?: string | false;
  /** Undefined gates take the config's value, then the default (fail on errors). */
  failOn?: Severity;
  maxWarnings?: number;
  failUnder?: number;
  minSeverity: Severity;
  inputFormat?: string;
  roles?: Map<string, AssignableRole>;
  stdinFormat: 'transcript' | 'paths' | 'jsonl';
  ignore: string[];
  jobs: number;
  shard?: Shard;
  groupBy?: 'agent';
  agentFromPath?: string;
  baseline?: string;
  writeBaseline: boolean;
  pruneBaseline: boolean;
  progress: boolean;
  cwd: string;
}

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

export const DEFAULT_JOBS = availableParallelism();

/** `callcoach check`: streams every input through the rules into every output; returns the exit code. */
export async function checkCommand(paths: readonly string[], options: CheckCommandOptions, io: CliIO): Promise<number> {
  const chosen = packFilesFor(options.packs ?? []);
  const configFile = options.config === false ? undefined : (options.config ?? findConfig(options.cwd));
  const setup: Setup = {
    packFiles: chosen.files,
    ...(chosen.selected && { packs: chosen.selected }),
    ...(configFile && { configFile }),
    cwd: options.cwd,
    ...(options.inputFormat !== undefined && { format: options.inputFormat }),
    ...(options.roles && { roles: [...options.roles] }),
    ...(options.agentFromPath !== undefined && { agentFromPath: options.agentFromPath }),
  };
  const prepared = prepare(setup);
  if (prepared.problems.length > 0) return usage(io, prepared.problems.map(formatProblem).join('\n'));
  const { packs, rules, config } = prepared;

  // Fingerprinting costs time; only a run with --baseline does it.
  let baseline: BaselineTracker | undefined;
  try {
    if (options.baseline) baseline = new BaselineTracker(options.writeBaseline ? undefined : parseBaseline(await readFile(options.baseline, 'utf8')));
  } catch (err) {
    return usage(io, `cannot use baseline ${options.baseline}: ${(err as Error).message}`);
  }

  const tasks = await taskSource(paths, options, io);
  if ('error' in tasks) return usage(io, tasks.error);

  const parallel = options.jobs > 1 && (tasks.count === undefined || tasks.count > options.jobs);
  const executor: Executor = parallel ? await poolExecutor(options.jobs, setup) : inlineExecutor(prepared);

  const color = colors({ isTTY: Boolean(io.stdout.isTTY), env: io.env });
  const context = { rules, packs: packs.map((p) => p.name), color };
  const outputs = options.outputs.map((o) => ({ reporter: REPORTERS[o.format]!(context), sink: o.file ? fileSink(o.file) : sinkOf(io.stdout) }));
  const write = (text: (r: Reporter) => string) => Promise.all(outputs.map((o) => o.sink.write(text(o.reporter))));

  const summary = new SummaryBuilder(options.groupBy === 'agent');
  const gates = new Gates({
    failOn: options.failOn ?? config?.gates.failOn?.value ?? 'error',
    maxWarnings: options.maxWarnings ?? config?.gates.maxWarnings?.value,
    failUnder: options.failUnder ?? config?.gates.failUnder?.value,
  });
  const progress = progressBar(io.stderr, io.env, tasks.count);
  const shown = severityRank(options.minSeverity);
  await write((r) => r.head());
  try {
    // A few tasks per message to the workers: fewer, larger messages.
    const size = parallel ? 8 : 1;
    for await (const results of mapOrdered(batches(tasks.stream, size), (b) => executor.run(b), Math.max(4, options.jobs * 4))) {
      for (const full of results) {
        const file = baseline ? baseline.filter(full) : full;
        summary.add(file);
        gates.add(file);
        const display = file.findings.some((f) => severityRank(f.severity) < shown) ? { ...file, findings: file.findings.filter((f) => severityRank(f.severity) >= shown) } : file;
        await write((r) => r.file(display));
        progress.tick();
      }
    }
  } finally {
    await executor.close();
    progress.done();
  }
  const built = summary.build();
  if (baseline && !options.writeBaseline) built.baseline = { known: baseline.known, fixed: baseline.fixed().map(([, e]) => e) };
  await write((r) => r.tail(built));
  await Promise.all(outputs.map((o) => o.sink.close()));

  if (built.files === 0) return usage(io, `no transcripts found in ${paths.join(', ') || 'stdin'}`);
  if (baseline && (options.writeBaseline || options.pruneBaseline)) {
    await writeFile(options.baseline!, formatBaseline(options.writeBaseline ? baseline.seen : baseline.pruned()));
  }
  return gates.exitCode();
}

/** The work, as a stream, and its size when known (for the progress bar and the choice of threads). */
async function taskSource(paths: readonly string[], options: CheckCommandOptions, io: CliIO): Promise<{ stream: AsyncIterable<Task>; count?: number } | { error: string }> {
  const fromStdin = paths.length === 0 || paths.includes(STDIN);
  if (fromStdin && options.stdinFormat === 'jsonl') return { stream: jsonlLines(io.stdin) };
  let wanted = [...paths];
  if (fromStdin && options.stdinFormat === 'paths') {
    wanted = [...wanted.filter((p) => p !== STDIN), ...(await readAll(io.stdin)).split(/\r?\n/).map((l) => l.trim()).filter(Boolean)];
  } else if (paths.length === 0) return { error: 'no paths given: pass files or directories, or - to read stdin' };
  const inputs = (await expandInputs(wanted, options.cwd, await ignoreRules(options.cwd, options.ignore))).filter((i) => !options.shard || i.path === STDIN || inShard(i.path, options.shard));
  const text = () => readAll(io.stdin);
  async function* stream(): AsyncGenerator<Task> {
    for (const input of inputs) {
      if (input.error) yield { kind: 'missing', path: input.path, message: input.error.message };
      else if (input.path === STDIN) yield { kind: 'text', path: '<stdin>', text: await text() };
      else yield { kind: 'file', path: input.path };
    }
  }
  return { stream: stream(), count: inputs.length };
}

/** Streams JSON Lines conversations from stdin, one task per record, in input order. */
async function* jsonlLines(stdin: CliIO['stdin']): AsyncGenerator<Task> {
  let number = 0;
  // Each record keeps its line number, so a bad one can be found in the stream.
  for await (const line of linesOf(stdin)) if ((number++, line.trim())) yield { kind: 'record', path: '<stdin>', text: line, line: number };
}

/**
 * Lines of a stream, read only as fast as they are used: readline's iterator buffers ahead without
 * limit, which would hold a whole corpus in memory when checking is slower than reading.
 */
export async function* linesOf(stream: AsyncIterable<string | Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of stream) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let from = 0;
    for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', from)) {
      yield rest.slice(from, nl).replace(/\r$/, '');
      from = nl + 1;
    }
    rest = rest.slice(from);
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

/** The exit code, from everything the run saw (display filters do not hide anything from it). */
interface GateSettings {
  failOn: Severity;
  maxWarnings: number | undefined;
  failUnder: number | undefined;
}

class Gates {
  private errors = 0;
  private failing = 0;
  private warnings = 0;
  private belowMark = 0;

  constructor(private readonly options: GateSettings) {}

  add(file: FileResult): void {
    this.errors += file.errors.length;
    const threshold = severityRank(this.options.failOn);
    this.failing += file.findings.filter((f) => severityRank(f.severity) >= threshold).length;
    this.warnings += file.findings.filter((f) => f.severity === 'warning').length;
    const score = file.scorecard?.score;
    if (this.options.failUnder !== undefined && score !== undefined && score !== null && score < this.options.failUnder) this.belowMark++;
  }

  exitCode(): number {
    if (this.errors > 0) return EXIT.error;
    const tooManyWarnings = this.options.maxWarnings !== undefined && this.warnings > this.options.maxWarnings;
    return this.failing > 0 || tooManyWarnings || this.belowMark > 0 ? EXIT.findings : EXIT.ok;
  }
}

function usage(io: CliIO, message: string): number {
  io.stderr.write(`callcoach: ${message}\n`);
  return EXIT.error;
}
