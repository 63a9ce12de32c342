import { placeOf } from '../results/model.js';
import { STEPS } from '../scorecard/steps.js';
import type { BatchSummary } from '../results/summary.js';
import type { Reporter } from './reporter.js';

const esc = (s: string) => s.replace(/\|/g, '\\|');
const table = (head: string[], rows: (string | number | null)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => esc(String(c ?? '–'))).join(' | ')} |`),
  ].join('\n');

/** A summary for a pull-request comment: totals, score bands, most frequent rules, lowest scores, agents. */
export function markdownReporter(): Reporter {
  return { head: () => '', file: () => '', tail: render };
}

function render(s: BatchSummary): string {
  const out = ['## callcoach', ''];
  out.push(
    table(
      ['files', 'conversations', 'unreadable', 'not judged', 'errors', 'warnings', 'info', 'mean score'],
      [
        [
          s.files,
          s.conversations,
          s.unreadable,
          s.unjudged.total,
          s.bySeverity.error,
          s.bySeverity.warning,
          s.bySeverity.info,
          s.scores.mean,
        ],
      ],
    ),
    '',
  );
  if (s.gates?.length)
    out.push(
      '### Gates',
      '',
      table(
        ['gate', 'limit', 'result'],
        s.gates.map((g) => [`\`--${g.name}\``, String(g.limit), `${g.tripped ? '✖' : '✔'} ${g.message}`]),
      ),
      '',
    );
  if (s.baseline)
    out.push(
      '### Baseline',
      '',
      `${s.baseline.known} known finding${s.baseline.known === 1 ? '' : 's'} not counted; ${s.baseline.fixed.length} fixed since it was recorded.`,
      '',
      ...(s.baseline.fixed.length
        ? [
            table(
              ['fixed', 'conversation', 'rule', 'quote'],
              s.baseline.fixed.map((f) => [`\`${f.path}\``, f.conversation, `\`${f.rule}\``, f.quote]),
            ),
            '',
          ]
        : []),
    );
  out.push(
    '### Scores',
    '',
    table(
      ['score', 'conversations'],
      s.scores.distribution.map((b) => [b.from === b.to ? `${b.from}` : `${b.from}–${b.to}`, b.count]),
    ),
    '',
  );
  if (s.topRules.length)
    out.push(
      '### Most frequent rules',
      '',
      table(
        ['rule', 'findings'],
        s.topRules.map((r) => [`\`${r.rule}\``, r.count]),
      ),
      '',
    );
  if (s.lowest.length)
    out.push(
      '### Lowest scores',
      '',
      table(
        ['conversation', 'score'],
        s.lowest.map((l) => [`\`${placeOf(l, l.id)}\``, l.score]),
      ),
      '',
    );
  if (s.byAgent) {
    out.push(
      '### By agent',
      '',
      table(
        ['agent', 'conversations', 'mean score', ...STEPS.map((x) => `step ${x.step}`), 'most frequent findings'],
        s.byAgent.map((a) => [
          a.agent,
          a.conversations,
          a.meanScore,
          ...STEPS.map((x) => a.meanByStep[x.step]),
          a.topFindings.map((t) => `\`${t.rule}\` (${t.count})`).join(', '),
        ]),
      ),
      '',
    );
  }
  return `${out.join('\n')}`;
}
