// Runs one callcoach command in this process, output to /dev/null, and reports its wall time and
// peak memory (the process's max RSS: the main thread and every worker thread) as JSON on stderr.
import { createReadStream, createWriteStream } from 'node:fs';
import { run } from '../dist/bundle/cli.js';

const [stdinFile, ...args] = process.argv.slice(2);
const stdout = createWriteStream('/dev/null');
const started = performance.now();
const code = await run(args, {
  stdout,
  stderr: process.stderr,
  stdin: stdinFile === '-' ? process.stdin : createReadStream(stdinFile),
  env: { ...process.env, CI: '1' },
});
await new Promise((resolve) => stdout.end(resolve));
process.stderr.write(`${JSON.stringify({ code, wallMs: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS })}\n`);
