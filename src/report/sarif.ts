import { TOOL } from '../results/model.js';
import { HOMEPAGE } from '../version.js';
import type { Finding } from '../rules/engine.js';
import { describeTemplate } from '../rules/placeholders.js';
import type { Severity } from '../rules/types.js';
import type { Reporter, ReportContext } from './reporter.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };
const uri = (path: string) => encodeURI(path.replace(/\\/g, '/')).replace(/#/g, '%23');

/**
 * SARIF 2.1.0: rule metadata in `tool.driver.rules`, one result per finding located at the turn's
 * line, and unreadable files as tool execution notifications.
 */
export function sarifReporter({ rules }: ReportContext): Reporter {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const notifications: object[] = [];
  let first = true;
  const driver = {
    name: TOOL.name,
    version: TOOL.version,
    informationUri: HOMEPAGE,
    rules: rules.map((r) => ({
      id: r.id,
      shortDescription: { text: describeTemplate(r.message) },
      help: { text: describeTemplate(r.tip) },
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: { pack: r.pack, step: r.step, kind: r.kind },
    })),
  };
  return {
    head: () =>
      `{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":${JSON.stringify(driver)}},"results":[`,
    file: (f) => {
      for (const e of f.errors) {
        notifications.push({
          level: 'error',
          message: { text: e.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uri(f.path) },
                ...(e.line !== undefined && { region: { startLine: e.line, ...(e.column !== undefined && { startColumn: e.column }) } }),
              },
            },
          ],
        });
      }
      const result = (x: Finding, suppression?: { reason: string; source: string }) =>
        JSON.stringify({
          ruleId: x.rule,
          ...(index.has(x.rule) && { ruleIndex: index.get(x.rule) }),
          level: LEVEL[x.severity],
          message: { text: `${x.message} Turn ${x.turn}, ${x.speaker}: "${x.quote}". Tip: ${x.tip}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.path) }, region: { startLine: x.line } } }],
          ...(suppression && { suppressions: [{ kind: 'external', status: 'accepted', justification: suppression.reason }] }),
          properties: {
            turn: x.turn,
            speaker: x.speaker,
            role: x.role,
            startMs: x.startMs,
            quote: x.quote,
            step: x.step,
            conversation: f.conversation?.id,
            ...(suppression && { suppressedBy: suppression.source }),
          },
        });
      // Suppressed findings are results too, marked so: code scanning shows them as dismissed, with the reason.
      const results = [...f.findings.map((x) => result(x)), ...(f.suppressed ?? []).map((x) => result(x, x.suppression))];
      if (results.length === 0) return '';
      const text = `${first ? '' : ','}${results.join(',')}`;
      first = false;
      return text;
    },
    tail: () =>
      `],"invocations":[${JSON.stringify({ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications })}]}]}\n`,
  };
}
