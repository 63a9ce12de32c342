import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findConfig } from '../config/find.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import { definedOnly } from '../util/defined.js';
import { describeFsError } from '../util/fs-error.js';
import { type FileResult, type RunInfo, runInfoOf } from '../results/model.js';
import { applyPrivacy, type Privacy } from '../results/redact.js';
import { type BatchSummary, SummaryBuilder } from '../results/summary.js';
import type { Pack } from '../rules/load.js';
import type { CompiledRule } from '../rules/types.js';
import { DEFAULT_LIMITS, type Limits, tooLarge } from '../transcript/limits.js';
import type { AssignableRole } from '../transcript/model.js';
import { type BaselineChange, type BaselineMode, BaselineTracker, formatBaseline, parseBaseline } from './baseline.js';
import { SetupError } from './errors.js';
import { BATCH, type Executor, executorFor } from './executor.js';
import { resolveGates } from './configured-gates.js';
import { exitCode, type Gates, withGates } from './gates.js';
import { CORES, jobsFor } from './jobs.js';
import { expandInputs, ignoreRules, STDIN } from './inputs.js';
import { linesOf, readAll, readUpTo } from './lines.js';
import { batches, mapOrdered } from './ordered.js';
import { packFilesFor } from './pack-targets.js';
import { prepare, type Prepared, type Setup } from './setup.js';
import { inShard, type Shard } from './shard.js';
import { isSkipped, type SkippedInput, type Task } from './task.js';

/** The number of cores: the threads a large batch or a stream gets when `jobs` is not given (the main thread and a worker per other core). */
export const DEFAULT_JOBS = CORES;

export interface CheckerOptions {
  /** Where relative paths start and the config is looked for (default: the process's working directory). */
  cwd?: string;
  /** A config file; false: none; omitted: the nearest callcoach.config.yaml. */
  config?: string | false;
  /** Packs to run: bundled names, pack files or directories (default: the config's, else every bundled pack). */
  packs?: readonly string[];
  /** Read every input as this format instead of detecting it. */
  inputFormat?: string;
  /** Speaker roles by label (matched case-insensitively); they win over sidecars, the config and the transcript. */
  roles?: ReadonlyMap<string, AssignableRole>;
  /** The agent's name from the path (first capture group) when the transcript has none. */
  agentFromPath?: string;
  /** Carry every turn's text on each result (what an HTML report, or a later `merge` into one, shows). */
  transcript?: boolean;
  /** Threads that check: the main thread and jobs - 1 workers (1: the main thread alone); omitted: the main thread alone for a small batch, else one thread per core. The results are the same whatever the number. */
  jobs?: number;
  /** Add the per-agent table to the summary. */
  groupByAgent?: boolean;
  /** Gates set here win over the config's. */
  gates?: Partial<Gates>;
  /** Only findings not in this baseline file count; `write` and `prune` rewrite it on `save()`. */
  baseline?: { file: string; mode?: BaselineMode };
  /** Personal data masked and quotes cut in every result (`redact` also comes from the config). */
  privacy?: Privacy;
  /** Input size and turn limits; unset ones take DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
}

export interface CheckInputs {
  /** Files, directories and globs, relative to the checker's cwd; `-` is stdin. */
  paths: readonly string[];
  /** gitignore-style patterns to leave out (`.callcoachignore` in the cwd is read too). */
  ignore?: readonly string[];
  shard?: Shard;
  stdin?: AsyncIterable<string | Buffer>;
  /** What `-` holds: one transcript (default), a list of paths, or a stream of JSON Lines conversations. */
  stdinFormat?: 'transcript' | 'paths' | 'jsonl';
  /** What a directory walk takes (default: .txt, .vtt, .srt, .json, .jsonl, each optionally .gz). */
  extensions?: readonly string[];
}

/**
 * What `callcoach check` does, as a library: a config and packs loaded and compiled once, then any
 * number of runs over inputs. Opening throws SetupError for a bad config or pack, located in its file.
 */
export class Checker {
  readonly packs: readonly Pack[];
  /** The rules that run (before per-file overrides), for reports that list them. */
  readonly rules: readonly CompiledRule[];
  /** The gates: these options, then the config's, then the defaults. */
  readonly gates: Gates;
  /** Which packs and rules produce the results, for reports made later from them (`merge`). */
  readonly info: RunInfo;
  /** What every result is passed through before it is reported: these options, then the config's `redact`. */
  readonly privacy: Privacy;
  private readonly setup: Setup;
  private readonly prepared: Prepared;

  private constructor(
    private readonly options: CheckerOptions,
    readonly cwd: string,
  ) {
    const chosen = packFilesFor(options.packs ?? [], cwd);
    const configFile = options.config === false ? undefined : options.config !== undefined ? resolve(cwd, options.config) : findConfig(cwd);
    this.setup = {
      packFiles: chosen.files,
      ...(chosen.selected && { packs: chosen.selected }),
      ...(configFile && { configFile }),
      cwd,
      limits: { ...DEFAULT_LIMITS, ...definedOnly(options.limits ?? {}) },
      ...(options.inputFormat !== undefined && { format: options.inputFormat }),
      ...(options.roles && { roles: [...options.roles].map(([label, role]) => [label.toLowerCase(), role] as [string, AssignableRole]) }),
      ...(options.agentFromPath !== undefined && { agentFromPath: options.agentFromPath }),
      ...(options.transcript && { transcript: true }),
    };
    this.prepared = prepare(this.setup);
    if (this.prepared.problems.length > 0) throw new SetupError('invalid configuration or rule pack', this.prepared.problems);
    this.gates = resolveGates(this.prepared.config, options.gates);
    const { config } = this.prepared;
    this.privacy = {
      redact: options.privacy?.redact ?? config?.redact?.value ?? false,
      ...definedOnly({ quoteChars: options.privacy?.quoteChars }),
    };
    this.packs = this.prepared.packs;
    this.rules = this.prepared.rules;
    this.info = runInfoOf(
      this.packs.map((p) => p.name),
      this.rules,
    );
  }

  static open(options: CheckerOptions = {}): Checker {
    return new Checker(options, resolve(options.cwd ?? process.cwd()));
  }

  /** A run over these inputs: iterate it for the results, in input order, as they are ready. */
  check(inputs: CheckInputs): CheckRun {
    const spec = this.options.baseline;
    const tracker =
      spec &&
      new BaselineTracker(
        this.readBaseline(spec.file, spec.mode ?? 'compare'),
        spec.mode ?? 'compare',
        this.cwd,
        dirname(resolve(this.cwd, spec.file)),
        this.prepared.options.scoring,
      );
    return new CheckRun(this, inputs, this.prepared, this.setup, this.options, tracker);
  }

  /** The baseline as it stands; writing one that does not exist yet starts from nothing. */
  private readBaseline(file: string, mode: BaselineMode) {
    let text: string;
    try {
      text = readFileSync(resolve(this.cwd, file), 'utf8');
    } catch (err) {
      if (mode === 'write' && (err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw new SetupError(
        `cannot use baseline ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file (record one with --write-baseline)' : describeFsError(err)}`,
      );
    }
    try {
      return parseBaseline(text);
    } catch (err) {
      throw new SetupError(`cannot use baseline ${file}: ${(err as Error).message}`);
    }
  }
}

/** One pass over a set of inputs. Results stream in input order; the summary is ready when they end. */
export class CheckRun implements AsyncIterable<FileResult> {
  /** The number of inputs, once `start()` has found them (undefined for a stream). */
  total: number | undefined;
  private tasks: AsyncIterable<Task> | undefined;
  private readonly builder: SummaryBuilder;
  private built: BatchSummary | undefined;
  private iterated = false;
  /** Files a walk found that are not transcripts, in input order. */
  readonly skipped: SkippedInput[] = [];

  constructor(
    readonly checker: Checker,
    private readonly inputs: CheckInputs,
    private readonly prepared: Prepared,
    private readonly setup: Setup,
    private readonly options: CheckerOptions,
    /** With a baseline: what it knew, and what this run saw. */
    readonly baseline: BaselineTracker | undefined,
  ) {
    this.builder = new SummaryBuilder(options.groupByAgent);
  }

  get gates(): Gates {
    return this.checker.gates;
  }

  /** Finds the inputs (so `total` is known); iterating calls it when it has not been called. */
  async start(): Promise<void> {
    if (this.tasks) return;
    const found = await taskSource(this.inputs, this.checker.cwd, this.setup.limits!);
    this.tasks = found.stream;
    this.total = found.count;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<FileResult> {
    if (this.iterated) throw new Error('a check run can be iterated once');
    this.iterated = true;
    await this.start();
    const plan = jobsFor(this.options.jobs, this.total);
    const executor: Executor = await executorFor(plan, this.prepared, this.setup);
    try {
      // A few tasks per message to the workers: fewer, larger messages.
      const size = plan.workers > 0 ? BATCH : 1;
      const window = Math.max(8, (plan.workers + 1) * 8);
      for await (const results of mapOrdered(batches(this.tasks!, size), (b) => executor.run(b), window)) {
        for (const full of results) {
          if (isSkipped(full)) {
            this.skipped.push(full);
            continue;
          }
          // Privacy last: the baseline fingerprints the words as they were, so it holds whether or not a run redacts.
          const file = applyPrivacy(this.baseline ? this.baseline.filter(full) : full, this.checker.privacy);
          this.builder.add(file);
          yield file;
        }
      }
    } finally {
      await executor.close();
    }
    const summary = this.builder.build();
    if (this.baseline) summary.baseline = { known: this.baseline.known, fixed: this.baseline.fixed() };
    if (this.skipped.length > 0) summary.skipped = this.skipped.map(({ skipped, reason }) => ({ path: skipped, reason }));
    this.built = withGates(summary, this.gates);
  }

  /** What the run amounts to; available once every result has been read. */
  summary(): BatchSummary {
    if (!this.built) throw new Error('the summary is ready once every result of the run has been read');
    return this.built;
  }

  /** 0, 1 or 2, from the summary and the gates (see `exitCode`). */
  exitCode(): number {
    return exitCode(this.summary(), this.gates);
  }

  /**
   * With a baseline in `write` or `prune` mode: rewrites the baseline file for the inputs this run
   * checked (every other input's entries stay as they were, atomically; WriteFailure when it cannot)
   * and says what changed.
   */
  save(): BaselineChange | undefined {
    const spec = this.options.baseline;
    if (!spec || !this.baseline || spec.mode === undefined || spec.mode === 'compare') return undefined;
    this.summary();
    const next = this.baseline.updated();
    writeFileAtomic(resolve(this.checker.cwd, spec.file), formatBaseline(next), spec.file);
    return this.baseline.change(spec.file, next);
  }
}

/** `checkStream(inputs, options)`: open a checker and run it once; the results arrive as they are ready. */
export function checkStream(inputs: CheckInputs | readonly string[], options: CheckerOptions = {}): CheckRun {
  return Checker.open(options).check(isPathList(inputs) ? { paths: inputs } : inputs);
}

const isPathList = (inputs: CheckInputs | readonly string[]): inputs is readonly string[] => Array.isArray(inputs);

/** The work, as a stream, and its size when known (for progress and the choice of threads). */
async function taskSource(inputs: CheckInputs, cwd: string, limits: Limits): Promise<{ stream: AsyncIterable<Task>; count?: number }> {
  const { paths, stdin, stdinFormat = 'transcript' } = inputs;
  const fromStdin = paths.length === 0 || paths.includes(STDIN);
  if (fromStdin && !stdin)
    throw new SetupError(
      paths.length === 0 ? 'no paths given: pass files or directories, or - to read stdin' : 'stdin (-) was named but none was given',
    );
  if (fromStdin && stdinFormat === 'jsonl') return { stream: jsonlRecords(stdin!, limits) };
  let wanted = [...paths];
  if (fromStdin && stdinFormat === 'paths') {
    wanted = [
      ...wanted.filter((p) => p !== STDIN),
      ...(await readAll(stdin!))
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    ];
  } else if (paths.length === 0) throw new SetupError('no paths given: pass files or directories, or - to read stdin');
  const rules = await ignoreRules(cwd, inputs.ignore ?? []);
  const shard = inputs.shard;
  const found = (await expandInputs(wanted, cwd, rules, inputs.extensions)).filter(
    (i) => !shard || i.path === STDIN || inShard(i.path, shard),
  );
  async function* stream(): AsyncGenerator<Task> {
    for (const input of found) {
      if (input.error) yield { kind: 'missing', path: input.path, message: input.error.message };
      else if (input.path === STDIN) {
        const read = await readUpTo(stdin!, limits.inputBytes);
        yield 'text' in read
          ? { kind: 'text', path: '<stdin>', text: read.text }
          : { kind: 'missing', path: '<stdin>', message: tooLarge(read.bytes, limits).message };
      } else yield { kind: 'file', path: input.path, file: resolve(cwd, input.path), ...(input.walked && { walked: true }) };
    }
  }
  return { stream: stream(), count: found.length };
}

/** JSON Lines conversations, one task per record, in input order; each keeps its line in the stream. */
async function* jsonlRecords(stdin: AsyncIterable<string | Buffer>, limits: Limits): AsyncGenerator<Task> {
  let number = 0;
  for await (const line of linesOf(stdin, limits.inputBytes)) {
    number++;
    if (typeof line !== 'string')
      yield { kind: 'missing', path: '<stdin>', message: tooLarge(line.tooLong, limits, 'record').message, line: number };
    else if (line.trim()) yield { kind: 'record', path: '<stdin>', text: line, line: number };
  }
}
