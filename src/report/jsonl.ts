import type { Reporter } from './reporter.js';

/** One line per conversation, nothing else: safe to split, stream and concatenate (GNU parallel, Spark, Hadoop). */
export function jsonlReporter(): Reporter {
  return { head: () => '', file: (result) => `${JSON.stringify(result)}\n`, tail: () => '' };
}
