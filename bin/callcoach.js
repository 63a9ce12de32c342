#!/usr/bin/env node
import v8 from 'node:v8';

// Pack authors may write regular expressions. V8's linear-time engine takes over from any regex
// that backtracks excessively, so a catastrophic pattern cannot hang a batch. The flag must be set
// before any regex is compiled, hence before the program's modules load (and their workers start).
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
// The command line is one bundled file (see scripts/bundle.mjs): one module to load, not a graph.
const { run } = await import('../dist/bundle/cli.js');

// A reader that stops early (`callcoach check … | head`) is not an error: stop quietly, as Unix tools do.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// The only place that touches the process's exit status. exitCode (not exit()) lets piped output drain.
run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`callcoach: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
