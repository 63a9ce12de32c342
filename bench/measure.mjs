// Runs one callcoach command in this process, output to this process's stdout (as bin/callcoach.js
// does; the bench sends it to /dev/null), and reports its wall time, its CPU time and peak memory (the
// process's: the main thread and every worker thread) as JSON on stderr.
import { createReadStream } from 'node:fs';
import { loadCli } from '../dist/cli/load-bundle.js';

const { run } = loadCli();

const [stdinFile, ...args] = process.argv.slice(2);
const started = performance.now();
const cpu = process.cpuUsage();
const code = await run(args, {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: stdinFile === '-' ? process.stdin : createReadStream(stdinFile),
  env: { ...process.env, CI: '1' },
  // As bin/callcoach.js runs it: the command line always passes a signal (for SIGINT and SIGTERM).
  signal: new AbortController().signal,
});
const { user, system } = process.cpuUsage(cpu);
const wallMs = performance.now() - started;
process.stderr.write(`${JSON.stringify({ code, wallMs, cpuMs: (user + system) / 1000, maxRssKb: process.resourceUsage().maxRSS })}\n`);
