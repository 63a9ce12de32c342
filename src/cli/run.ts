import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, type Gates, parseLimit } from '../run/gates.js';
import { parseExtensions } from '../run/inputs.js';
import { CORES, INLINE_BELOW } from '../run/jobs.js';
import { parseShard } from '../run/shard.js';
import { SEVERITIES } from '../rules/types.js';
import { parseRoleMap } from '../transcript/assign-roles.js';
import { DEFAULT_LIMITS } from '../transcript/limits.js';
import { FORMATS } from '../transcript/read.js';
import { VERSION } from '../version.js';
import { checkCommand } from './check.js';
import { type CliIO, UsageError } from './io.js';
import { parseOutputs } from './outputs.js';
import { reportInternalError, reportSetupError } from './setup-error.js';
import { SetupError } from '../run/errors.js';
import { WriteFailure } from '../util/atomic-file.js';

/** Turns a parser's thrown message into commander's usage error (exit 2 with the message). */
const parsed =
  <T>(parse: (v: string) => T) =>
  (v: string): T => {
    try {
      return parse(v);
    } catch (err) {
      throw new InvalidArgumentError((err as Error).message);
    }
  };
const collect = (v: string, previous: string[] = []) => [...previous, v];
const count = (name: string, min: number) =>
  parsed((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}`);
    return n;
  });
const score = parsed((v) => {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new Error(`--fail-under takes a score from 0 to 100, not '${v}'`);
  return n;
});

/** The exit-code gates, the same on `check` and `merge` (so the merge step of a sharded CI can be the gate). */
function withGateOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (default: error)').choices(SEVERITIES),
    )
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', count('--max-warnings', 0))
    .option('--fail-under <score>', 'exit 1 when any conversation scores below this (0–100)', score)
    .option(
      '--max-unjudged <n|n%>',
      'exit 1 when more conversations than this (a count, or a share such as 10%) could not be judged (roles undecided, too short, empty)',
      parsed(parseLimit),
    );
}

const gatesOf = (opts: Partial<Gates>): Partial<Gates> => ({
  ...(opts.failOn && { failOn: opts.failOn }),
  ...(opts.maxWarnings !== undefined && { maxWarnings: opts.maxWarnings }),
  ...(opts.failUnder !== undefined && { failUnder: opts.failUnder }),
  ...(opts.maxUnjudged !== undefined && { maxUnjudged: opts.maxUnjudged }),
});

const formatOption = () =>
  new Option(
    '-f, --format <spec>',
    'output format, optionally to a file: stylish, json, jsonl, junit, sarif, github, csv, markdown, html; e.g. -f stylish -f json:out/results.json',
  ).argParser(collect);

// Only `check` is loaded up front: the other commands (and the YAML writer they use) load when run,
// so the common case starts fast.

/**
 * The command line. Returns the exit code instead of exiting, so it can be embedded and tested;
 * only bin/callcoach.js hands the code to the process.
 */
export async function run(argv: readonly string[], io: CliIO, cwd = process.cwd()): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('callcoach')
    .description('Review customer-service call transcripts against coaching rule packs and score each call on seven steps.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .option('--debug', 'print the stack trace of an internal error');
  const csvBom = () => new Option('--csv-bom', 'start CSV output with a UTF-8 byte order mark (for spreadsheet programs)').default(false);

  withGateOptions(program.command('check'))
    .description('check transcripts (files, directories, globs, or - for stdin) and print a scorecard per conversation')
    .argument('[paths...]', 'transcript files, directories or globs; - reads stdin')
    .addOption(formatOption())
    .option(
      '--packs <names>',
      "comma-separated packs to run: bundled names, pack files or directories (default: the config's, or every bundled pack)",
      (v: string) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
    )
    .option('-c, --config <file>', 'use this config file (default: callcoach.config.yaml here or in a directory above)')
    .option('--no-config', 'use no config file')
    .addOption(
      new Option('--min-severity <severity>', 'show only findings at or above this severity (gates still see everything)')
        .choices(SEVERITIES)
        .default('info'),
    )
    .addOption(new Option('--input-format <format>', 'read every input as this format instead of detecting it').choices(FORMATS))
    .option('--roles <map>', 'speaker roles, e.g. spk_0=agent,spk_1=customer (wins over sidecars and inference)', parsed(parseRoleMap))
    .addOption(
      new Option('--stdin-format <kind>', 'what - reads: one transcript, a list of paths, or JSON Lines conversations (streamed)')
        .choices(['transcript', 'paths', 'jsonl'])
        .default('transcript'),
    )
    .option(
      '--ignore <pattern>',
      'leave out paths matching this gitignore-style pattern (repeatable; .callcoachignore is read too)',
      collect,
      [],
    )
    .option(
      '--ext <list>',
      'extensions a directory walk takes, comma-separated (default: txt,vtt,srt,json,jsonl; each also gzipped)',
      parsed(parseExtensions),
    )
    .option(
      '-j, --jobs <n>',
      `threads that check: the main thread and n-1 workers; 1: the main thread alone (default: the main thread alone for fewer than ${INLINE_BELOW} inputs, else one thread per core: ${CORES} here)`,
      count('--jobs', 1),
    )
    .option('--shard <i/n>', 'check only the i-th of n deterministic parts of the inputs', parsed(parseShard))
    .addOption(new Option('--group-by <what>', 'add a per-agent table to the summary').choices(['agent']))
    .option(
      '--agent-from-path <regex>',
      "take the agent's name from the path (first capture group) when the transcript has none",
      parsed((v) => (new RegExp(v), v)),
    )
    .option('--baseline <file>', 'fail only on findings that are not in this baseline; report the fixed ones')
    .option('--write-baseline', 'record the current findings in the --baseline file', false)
    .option('--prune-baseline', 'drop fixed findings from the --baseline file', false)
    .option(
      '--max-input-mb <n>',
      `refuse inputs (files, stdin, records of a stream) larger than this, unread (default: ${DEFAULT_LIMITS.inputBytes / 1024 / 1024})`,
      count('--max-input-mb', 1),
    )
    .option(
      '--max-turn-chars <n>',
      `check only the first n characters of a longer turn, with a notice (default: ${DEFAULT_LIMITS.turnChars})`,
      count('--max-turn-chars', 1),
    )
    .option('--max-turns <n>', `refuse conversations with more turns (default: ${DEFAULT_LIMITS.turns})`, count('--max-turns', 1))
    .addOption(csvBom())
    .option(
      '--redact',
      "mask card numbers, account-like digit runs, e-mail addresses, phone numbers, postcodes and speakers' names in every output",
    )
    .option('--quote-chars <n>', 'cut every quote to at most n characters', count('--quote-chars', 1))
    .option(
      '--transcript',
      "carry each conversation's turns in the results (JSON, JSON Lines), so merge can make an HTML report; on with -f html",
      false,
    )
    .option('--no-progress', 'no progress bar (it only shows on a terminal, never in CI)')
    .action(async (paths: string[], opts) => {
      const outputs = parseOutputs(opts.format ?? ['stylish']);
      if ((opts.writeBaseline || opts.pruneBaseline) && !opts.baseline)
        throw new UsageError('--write-baseline and --prune-baseline need --baseline <file>');
      const {
        failOn: _o,
        maxWarnings: _w,
        failUnder: _u,
        maxUnjudged: _j,
        format: _f,
        inputFormat,
        maxInputMb,
        maxTurnChars,
        maxTurns,
        redact,
        quoteChars,
        ...rest
      } = opts;
      const privacy = { ...(redact && { redact: true }), ...(quoteChars !== undefined && { quoteChars }) };
      const limits = {
        ...(maxInputMb !== undefined && { inputBytes: maxInputMb * 1024 * 1024 }),
        ...(maxTurnChars !== undefined && { turnChars: maxTurnChars }),
        ...(maxTurns !== undefined && { turns: maxTurns }),
      };
      const gates = gatesOf(opts);
      code = await checkCommand(
        paths,
        { ...rest, ...(inputFormat && { inputFormat }), gates, limits, privacy, outputs, ignore: opts.ignore ?? [], cwd },
        io,
      );
    });

  withGateOptions(program.command('merge'))
    .description('combine the JSON results of several runs (e.g. shards) into one report with a correct summary')
    .argument('<results...>', 'results files written with --format json')
    .addOption(formatOption())
    .addOption(new Option('--group-by <what>', 'add a per-agent table to the summary').choices(['agent']))
    .option(
      '-c, --config <file>',
      "take the gates' defaults from this config (default: callcoach.config.yaml here or in a directory above)",
    )
    .option('--no-config', 'use no config file')
    .addOption(csvBom())
    .action(async (files: string[], opts) => {
      code = await (
        await import('./merge.js')
      ).mergeCommand(
        files,
        {
          outputs: parseOutputs(opts.format ?? ['json']),
          ...(opts.groupBy && { groupBy: opts.groupBy }),
          gates: gatesOf(opts),
          config: opts.config,
          csvBom: opts.csvBom,
          cwd,
        },
        io,
      );
    });

  program
    .command('test')
    .description("run the rules' tests: examples (tests:) in bundled packs, or in the packs named")
    .argument('[packs...]', 'bundled pack names, pack files or directories of packs')
    .action(async (targets: string[]) => {
      code = await (await import('./test.js')).testCommand(targets, cwd, io);
    });

  program
    .command('rules')
    .description('list every rule: id, step, severity, what it finds, pack and principle')
    .argument('[packs...]', 'bundled pack names, pack files or directories of packs')
    .action(async (targets: string[]) => {
      code = (await import('./rules.js')).rulesCommand(targets, cwd, io);
    });

  program
    .command('explain')
    .description('what a rule checks, why, what to say instead, and its examples')
    .argument('<rule>', 'a rule id, e.g. cold-transfers/blind-transfer')
    .option('--pack <file...>', 'also load these pack files (for custom rules)')
    .action(async (id: string, opts: { pack?: string[] }) => {
      code = (await import('./rules.js')).explainCommand(id, opts.pack ?? [], cwd, io);
    });

  program
    .command('print-config')
    .description('the configuration that applies to a transcript, and where each value came from')
    .argument('<file>', 'a transcript path')
    .option('-c, --config <file>', 'use this config file (default: callcoach.config.yaml here or in a directory above)')
    .option('--no-config', 'use no config file')
    .action(async (file: string, opts: { config?: string | false }) => {
      code = (await import('./print-config.js')).printConfigCommand(file, opts.config, cwd, io);
    });

  program
    .command('init')
    .description('write a commented starter callcoach.config.yaml in this directory')
    .action(async () => {
      code = (await import('./init.js')).initCommand(cwd, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.error;
    if (err instanceof UsageError) {
      io.stderr.write(`callcoach: ${err.message}\n`);
      return EXIT.error;
    }
    if (err instanceof WriteFailure) {
      io.stderr.write(`callcoach: ${err.message}\n`);
      return EXIT.error;
    }
    if (err instanceof SetupError) return reportSetupError(err, io);
    return reportInternalError(err, io, argv.includes('--debug') || Boolean(io.env.CALLCOACH_DEBUG));
  }
  return code;
}
