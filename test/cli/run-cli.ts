import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from '../../dist/cli/run.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/callcoach.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface CliOptions {
  input?: string;
  env?: Record<string, string>;
  cwd?: string;
}

/** The environment a user's shell would give, without the test runner's colour settings unless asked. */
function environment(options: CliOptions): Record<string, string> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), ...options.env };
  if (!options.env || !('NO_COLOR' in options.env)) delete env.NO_COLOR;
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  return env;
}

/**
 * The command line in this process, through the same `run(argv, io, cwd)` the executable calls (no TTY),
 * from the project root unless told otherwise.
 */
export async function cli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const input = Buffer.from(options.input ?? '');
  const io = {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    stdin: (async function* () {
      if (input.length > 0) yield input;
    })(),
    env: environment(options),
  };
  const code = await run(args, io, options.cwd ?? ROOT);
  return { code, stdout, stderr };
}

/** Runs the built executable the way a user would, as its own process: for what only a process shows. */
export function spawnCli(args: string[], options: CliOptions = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: environment(options),
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
