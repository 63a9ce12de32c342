import type { Results } from '../results/collect.js';
import { runInfoOf, TOOL } from '../results/model.js';
import type { Reporter, ReportContext } from './reporter.js';

/**
 * One JSON document: the tool, the packs and rules that ran, the files in order, the summary last;
 * the same bytes as JSON.stringify of the whole result.
 */
export function jsonReporter({ packs, rules }: Pick<ReportContext, 'packs' | 'rules'>): Reporter {
  let first = true;
  return {
    head: () => `{"tool":${JSON.stringify(TOOL)},"schemaVersion":1,"run":${JSON.stringify(runInfoOf(packs, rules))},"files":[`,
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
  const r = jsonReporter(results.run);
  return r.head() + results.files.map((f) => r.file(f)).join('') + r.tail(results.summary);
}
