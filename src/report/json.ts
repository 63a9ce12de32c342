import { TOOL, type Results } from '../results.js';
import type { Reporter } from './reporter.js';

/** One JSON document, files in order, summary last: the same bytes as JSON.stringify of the whole result. */
export function jsonReporter(): Reporter {
  let first = true;
  return {
    head: () => `{"tool":${JSON.stringify(TOOL)},"schemaVersion":1,"files":[`,
    file: (result) => {
      const text = `${first ? '' : ','}${JSON.stringify(result)}`;
      first = false;
      return text;
    },
    tail: (summary) => `],"summary":${JSON.stringify(summary)}}\n`,
  };
}

/** The whole result as one JSON string (for embedding). */
export function formatJson(results: Results): string {
  const r = jsonReporter();
  return r.head() + results.files.map((f) => r.file(f)).join('') + r.tail(results.summary);
}
