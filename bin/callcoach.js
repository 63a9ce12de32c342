#!/usr/bin/env node
// The command line is one bundled file, compiled with V8's code cache (see dist/cli/load-bundle.js):
// one module to load, most of it compiled already.
const { loadCli } = await import('../dist/cli/load-bundle.js');
const { run } = loadCli();

// A reader that stops early (`callcoach check … | head`) is not an error: the rest of the output is
// dropped and the run finishes, so the exit code still says what it found. Other write errors on
// stdout (a full disk) make the run fail; `check` reports them itself, other commands here.
let stdoutError;
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') stdoutError ??= err;
});

// SIGINT and SIGTERM stop the run cleanly: unfinished report files are abandoned, the previous ones
// stay. A second signal ends the process at once (the handlers are installed once).
const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => interrupt.abort(signal));

// The only place that touches the process's exit status. exitCode (not exit()) lets piped output drain.
run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: interrupt.signal,
}).then(
  (code) => {
    if (stdoutError && code < 2) {
      process.stderr.write(`callcoach: cannot write stdout: ${stdoutError.message}\n`);
      code = 2;
    }
    // An interrupted run may leave workers busy with the input the signal cut short: do not wait for them.
    if (interrupt.signal.aborted) process.exit(code);
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`callcoach: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.argv.includes('--debug') && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 2;
  },
);
