import type { Results } from '../results.js';

/** Pure JSON, one document, nothing else on stdout. */
export function formatJson(results: Results): string {
  return `${JSON.stringify(results)}\n`;
}
