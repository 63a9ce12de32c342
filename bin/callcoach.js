#!/usr/bin/env node
import { run } from '../dist/cli/run.js';

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
