import { STEPS } from '../scorecard/steps.js';
import type { AgentSummary } from '../results/summary.js';
import { csvSafe, terminalSafe } from './escape.js';
import type { Reporter, ReportContext } from './reporter.js';

const cell = (v: unknown) => {
  // Text may come from transcripts (ids, agents, paths): never a formula. Numbers are ours.
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? csvSafe(terminalSafe(v)) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const row = (cells: unknown[]) => `${cells.map(cell).join(',')}\r\n`;

/** CSV (RFC 4180): one row per conversation with each step's status and finding counts per pack; per-agent rows when grouped. */
export function csvReporter({ packs, csvBom }: ReportContext): Reporter {
  return {
    // A byte order mark makes spreadsheet programs read the file as UTF-8 rather than the locale's code page.
    head: () =>
      (csvBom ? '\ufeff' : '') +
      row(['path', 'id', 'agent', 'score', ...STEPS.map((s) => `step ${s.step}`), ...packs.map((p) => `findings ${p}`), 'errors']),
    file: (f) => {
      if (!f.conversation || !f.scorecard)
        return row([f.path, '', '', '', ...STEPS.map(() => ''), ...packs.map(() => ''), f.errors.map((e) => e.message).join('; ')]);
      const perPack = packs.map((p) => f.findings.filter((x) => x.pack === p).length);
      return row([
        f.path,
        f.conversation.id,
        f.conversation.agent,
        f.scorecard.score,
        ...f.scorecard.steps.map((s) => s.status),
        ...perPack,
        '',
      ]);
    },
    tail: (summary) => (summary.byAgent ? `\r\n${agentRows(summary.byAgent)}` : ''),
  };
}

function agentRows(agents: readonly AgentSummary[]): string {
  return (
    row(['agent', 'conversations', 'mean score', ...STEPS.map((s) => `mean step ${s.step}`), 'most frequent findings']) +
    agents
      .map((a) =>
        row([
          a.agent,
          a.conversations,
          a.meanScore,
          ...STEPS.map((s) => a.meanByStep[s.step]),
          a.topFindings.map((t) => `${t.rule} (${t.count})`).join('; '),
        ]),
      )
      .join('')
  );
}
