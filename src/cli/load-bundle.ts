import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { run as Run } from './run.js';

const BUNDLE = fileURLToPath(new URL('../bundle/cli.cjs', import.meta.url));
/** V8's code cache for the bundle, written at build time after a warm-up run (see scripts/bundle.mjs). */
const CACHE = `${BUNDLE.slice(0, -'.cjs'.length)}.cache`;

export interface LoadedCli {
  run: typeof Run;
  /** Whether V8 took the code cache (false without one, or with one made by another Node or other flags). */
  cached: boolean;
  /** Writes the code cache: the bundle's functions as compiled so far, for the next start to reuse. */
  saveCache(): void;
}

/**
 * The command line, loaded from its bundle (one file, scripts/bundle.mjs) with V8's code cache, so a
 * start does not parse and compile again what the build's warm-up run compiled: a one-file check
 * spends most of its time compiling code that runs once. A cache from another Node version or other
 * V8 flags is rejected by V8 and the bundle compiles as usual.
 */
export function loadCli(): LoadedCli {
  // Pack authors may write regular expressions. V8's linear-time engine takes over from any regex
  // that backtracks excessively, so a catastrophic pattern cannot hang a batch; `l`-flagged regexes
  // run on it always (text/safe-regex.ts). The flags must be set before any regex is compiled, and
  // before the bundle is: V8 accepts a code cache only under the flags it was made with.
  v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  v8.setFlagsFromString('--enable-experimental-regexp-engine');
  // V8 compiles a regex to machine code at its second use. chrono's time-unit patterns ("3 days from
  // now") take about 100 ms to compile, and a run asks chrono a handful of times (9 times in the 6,652
  // STAR dialogues): ten uses in the interpreter first, which costs the hot regexes nothing measurable.
  v8.setFlagsFromString('--regexp-tier-up-ticks=10');
  // TurboFan inlines up to 920 bytes of bytecode into each function it optimizes, and the rule
  // engine's many small closures make its compile jobs large. Alone, the compiler runs on the idle
  // core; with workers, every thread compiles the same code while both cores check, and the compiler
  // took a second and a half of CPU a 10k-conversation run could not spare. At 150 bytes, --jobs 2
  // is 10-17 % faster and --jobs 1 within 3 % either way (the commit has the measurements).
  v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    cachedData = undefined;
  }
  // No import() in the bundle (scripts/bundle.mjs): a script compiled from a code cache has no callback for it.
  const script = new vm.Script(Module.wrap(readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE, cachedData });
  const module = { exports: {} as { run: typeof Run } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return {
    run: module.exports.run,
    cached: cachedData !== undefined && !script.cachedDataRejected,
    saveCache: () => writeFileSync(CACHE, script.createCachedData()),
  };
}
