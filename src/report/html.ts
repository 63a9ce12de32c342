import { runInfoOf, TOOL } from '../results/model.js';
import { STEPS } from '../scorecard/steps.js';
import { reportApp } from './html/assets.js';
import { embedJson } from './html/embed.js';
import { rowOf } from './html/row.js';
import type { Reporter, ReportContext } from './reporter.js';

/**
 * One self-contained page for QA reviewers: the data is written once, as JSON blocks the browser
 * never executes (a compact row for the tables, then the whole result for the call view, per file, as
 * each file comes), and the app script and summary at the end. A strict CSP admits only that script
 * and style by hash, so the page can make no request and no transcript text can ever run.
 */
export function htmlReporter({ packs, rules, packDetails = [] }: Pick<ReportContext, 'packs' | 'rules' | 'packDetails'>): Reporter {
  const app = reportApp();
  let index = 0;
  return {
    head: () =>
      [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${app.csp}">`,
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<title>callcoach report</title>',
        `<style>${app.css}</style>`,
        '</head>',
        '<body>',
        '<div id="app"><p class="loading">Loading the report…</p></div>',
        '<noscript><p>This report is drawn by its own script; allow JavaScript for this file to see it.</p></noscript>',
        embedJson({ id: 'cc-run' }, { tool: TOOL, steps: STEPS, ...runInfoOf(packs, rules), packDetails }),
        '',
      ].join('\n'),
    file: (result) => {
      const i = index++;
      return `${embedJson({ className: 'cc-row' }, rowOf(result, i))}${embedJson({ id: `cc-file-${i}` }, result)}\n`;
    },
    tail: (summary) => `${embedJson({ id: 'cc-summary' }, summary)}\n<script>${app.js}</script>\n</body>\n</html>\n`,
  };
}
