import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SEVERITIES, type Severity } from '../rules/types.js';
import { parseRoleMap } from '../transcript/assign-roles.js';
import type { AssignableRole } from '../transcript/model.js';
import { FORMATS } from '../transcript/read.js';
import { VERSION } from '../version.js';
import { checkCommand, EXIT, OUTPUT_FORMATS, type OutputFormat } from './check.js';
import type { CliIO } from './io.js';

/**
 * The command line. Returns the exit code instead of exiting, so it can be embedded and tested;
 * only bin/callcoach.js hands the code to the process.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('callcoach')
    .description('Review customer-service call transcripts against coaching rule packs and score each call on seven steps.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('check')
    .description('check transcripts (files, directories, or - for stdin) and print a scorecard per conversation')
    .argument('<paths...>', 'transcript files or directories; - reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('stylish'))
    .option('--packs <names>', 'comma-separated packs to run (default: all bundled packs)', (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(SEVERITIES).default('error'))
    .addOption(new Option('--input-format <format>', 'read every input as this format instead of detecting it').choices(FORMATS))
    .option('--roles <map>', 'speaker roles, e.g. spk_0=agent,spk_1=customer (wins over sidecars and inference)', (v: string) => {
      try {
        return parseRoleMap(v);
      } catch (err) {
        throw new InvalidArgumentError((err as Error).message);
      }
    })
    .action(async (paths: string[], opts: { format: OutputFormat; packs?: string[]; failOn: Severity; inputFormat?: string; roles?: Map<string, AssignableRole> }) => {
      code = await checkCommand(paths, opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.error;
    throw err;
  }
  return code;
}
