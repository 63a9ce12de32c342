import type { Reporter } from './reporter.js';

/**
 * One line per conversation, nothing else: safe to split, stream and concatenate (GNU parallel, Spark,
 * Hadoop). A record's line in the stream is left out, so a stream split into chunks gives the same bytes.
 */
export function jsonlReporter(): Reporter {
  return {
    head: () => '',
    file: ({ line: _line, ...result }) => `${JSON.stringify(result)}\n`,
    tail: () => '',
  };
}
