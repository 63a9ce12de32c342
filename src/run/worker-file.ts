/**
 * The worker threads' entry file, beside this module. The CLI's bundle swaps this module for one that
 * names its own bundled worker (scripts/bundle.mjs), so a parallel run starts no module graph per thread.
 */
export const WORKER_FILE = new URL('./worker.js', import.meta.url).href;
