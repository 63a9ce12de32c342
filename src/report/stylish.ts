import type { ChalkInstance } from 'chalk';
import type { MetricsSummary } from '../metrics/summary.js';
import type { Finding } from '../rules/engine.js';
import type { Severity } from '../rules/types.js';
import { type FileResult, placeOf } from '../results/model.js';
import { STEPS } from '../scorecard/steps.js';
import type { BatchSummary } from '../results/summary.js';
import type { ReportContext, Reporter } from './reporter.js';
import type { StepScore } from '../scorecard/score.js';
import { formatClock } from '../transcript/timestamp.js';

const SYMBOL: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The human report: per conversation, its score and the seven steps with the findings under each; a summary after. */
export function stylishReporter({ color: c }: ReportContext): Reporter {
  return {
    head: () => '',
    file: (result) => `${fileBlock(result, c).join('\n')}\n\n`,
    tail: (summary) =>
      `${[summaryLine(summary, c), ...(summary.files > 1 ? batchLines(summary, c) : []), ...agentLines(summary, c)].join('\n')}\n`,
  };
}

function fileBlock(file: FileResult, c: ChalkInstance): string[] {
  if (!file.conversation || !file.scorecard) {
    return [
      c.underline(placeOf(file, undefined)),
      ...file.errors.map((e) => `  ${c.red('✖ cannot read')}  ${location(file.path, e.line, e.column)}  ${e.message}`),
    ];
  }
  const { conversation, scorecard } = file;
  const facts = [
    file.format,
    conversation.channel,
    plural(conversation.turns, 'turn'),
    conversation.durationMs !== null ? formatClock(conversation.durationMs) : undefined,
  ].filter(Boolean);
  const verdict = scorecard.passed === true ? ' pass' : scorecard.passed === false ? ' below pass mark' : '';
  const basis = scorecard.score === null ? '' : c.dim(` on ${plural(scorecard.observed, 'step')}`);
  const score = scorecard.score === null ? (scorecard.unjudged ? 'n/a, not judged' : 'n/a') : `${scorecard.score}/100${verdict}`;
  const lines = [`${c.underline(placeOf(file, conversation.id))}  ${c.dim(`(${facts.join(', ')})`)}  ${c.bold(`score ${score}`)}${basis}`];
  if (conversation.roles.source === 'inferred')
    lines.push(c.dim(`  roles inferred (confidence ${conversation.roles.confidence}): ${conversation.roles.reason}`));
  for (const notice of file.notices) lines.push(`  ${c.yellow('⚠')} ${notice}`);
  lines.push(...portraitLines(file, c));
  if (file.metrics) lines.push(...metricLines(file.metrics, conversation.channel, c));
  for (const step of scorecard.steps) {
    lines.push(stepLine(step, c));
    for (const f of file.findings.filter((x) => x.step === step.step)) lines.push(...findingLines(f, c));
  }
  for (const f of file.suppressed ?? [])
    lines.push(c.dim(`  suppressed  turn ${f.turn} ${f.rule}: ${f.suppression.reason} (${f.suppression.source})`));
  return lines;
}

/** The customer's portrait under the header, with the quote that shows it most. */
function portraitLines(file: FileResult, c: ChalkInstance): string[] {
  if (!file.portrait || !file.portraitEvidence) return [];
  const [first, ...rest] = file.portraitEvidence.turns;
  const more = rest.length > 0 ? c.dim(` (+${plural(rest.length, 'more signal')})`) : '';
  const shown = first ? `: turn ${first.turn} ${c.italic(`"${first.quote}"`)} ${c.dim(`(${first.signal})`)}` : '';
  return [
    `  ${c.magenta('customer')} ${c.bold(file.portrait)} ${c.dim(`confidence ${file.portraitEvidence.confidence}`)}${shown}${more}`,
    `    ${c.cyan('tip:')} ${file.portraitEvidence.tip}`,
  ];
}

function metricLines(m: MetricsSummary, channel: string, c: ChalkInstance): string[] {
  const parts: string[] = [];
  const talk = Object.entries(m.talk ?? {});
  if (talk.length > 0) {
    parts.push(`talk ${talk.map(([role, t]) => `${role} ${Math.round(t.shareOfSpeech * 100)}%`).join(' · ')}`);
    const speed = talk.filter(([, t]) => t.wordsPerMinute !== null).map(([role, t]) => `${role} ${t.wordsPerMinute}`);
    if (speed.length) parts.push(`wpm ${speed.join(' · ')}`);
  }
  if (m.nonTalk)
    parts.push(`silence ${formatClock(m.nonTalk.totalMs)} (${m.nonTalk.instances.length} over ${m.nonTalk.thresholdMs / 1000} s)`);
  // Untimed writing cannot show talking over; only a call's cut-off markers can.
  const untimedWriting = m.basis === 'none' && channel !== 'voice';
  const interruptions = Object.entries(m.interruptions.byInterrupter).map(([role, x]) => `${role} ${x.count}`);
  if (!untimedWriting) parts.push(`interruptions ${interruptions.length ? interruptions.join(' · ') : 'none'}`);
  if (parts.length === 0) return [];
  const basis = m.basis === 'words' ? '' : m.basis === 'turns' ? ' (from turn times: approximate)' : ' (untimed: cut-off markers only)';
  return [c.dim(`  ${parts.join(' | ')}${basis}`)];
}

function stepLine(step: StepScore, c: ChalkInstance): string {
  const label = `  ${step.step}. ${step.title} `.padEnd(40, '.');
  const status = step.status === 'pass' ? c.green('pass') : step.status === 'fail' ? c.red('fail') : c.dim(step.status);
  // A fail's reason is its findings, listed below; the others say why in a word or two.
  return step.status === 'fail' ? `${label} ${status}` : `${label} ${status}  ${c.dim(step.reason)}`;
}

function findingLines(f: Finding, c: ChalkInstance): string[] {
  const colour = f.severity === 'error' ? c.red : f.severity === 'warning' ? c.yellow : c.blue;
  const when = f.startMs !== null ? ` [${formatClock(f.startMs)}]` : '';
  return [
    `     ${c.dim(`turn ${f.turn}${when}`)} ${f.speaker}: ${c.italic(`"${f.quote}"`)}`,
    `       ${colour(`${SYMBOL[f.severity]} ${f.severity}`)}  ${f.message}  ${c.dim(f.rule)}`,
    `       ${c.cyan('tip:')} ${f.tip}`,
  ];
}

function location(path: string, line?: number, column?: number): string {
  return [path, line, line !== undefined ? column : undefined].filter((x) => x !== undefined).join(':');
}

function summaryLine(s: BatchSummary, c: ChalkInstance): string {
  const parts = [plural(s.bySeverity.error, 'error'), plural(s.bySeverity.warning, 'warning'), `${s.bySeverity.info} info`];
  const unjudged = s.unjudged.total;
  const head =
    s.findings > 0
      ? c.bold(`${plural(s.findings, 'finding')} (${parts.join(', ')})`)
      : s.unreadable > 0 || unjudged > 0
        ? 'no findings'
        : c.green('✔ no findings');
  const unread = s.unreadable > 0 ? c.red(`; ${plural(s.unreadable, 'file')} could not be read`) : '';
  const unjudgedNote = unjudged > 0 ? c.yellow(`; ${unjudged} not judged${unjudgedDetail(s)}`) : '';
  const suppressed = s.suppressed > 0 ? c.dim(`; ${s.suppressed} suppressed`) : '';
  return [`${head} in ${plural(s.conversations, 'conversation')}${unread}${unjudgedNote}${suppressed}`, ...baselineLines(s, c)].join('\n');
}

function baselineLines(s: BatchSummary, c: ChalkInstance): string[] {
  if (!s.baseline) return [];
  const { known, fixed } = s.baseline;
  const lines = [c.dim(`${plural(known, 'finding')} in the baseline (not shown or counted); ${fixed.length} fixed since it was recorded`)];
  for (const f of fixed) lines.push(`  ${c.green('✔ fixed')}  ${f.path}  ${f.conversation}  ${c.dim(f.rule)}  ${c.italic(`"${f.quote}"`)}`);
  return lines;
}

function batchLines(s: BatchSummary, c: ChalkInstance): string[] {
  const lines = [
    c.bold('Summary'),
    `  files ${s.files} · conversations ${s.conversations} · unreadable ${s.unreadable} · not judged ${s.unjudged.total}${unjudgedDetail(s)} · mean score ${s.scores.mean ?? 'n/a'}`,
  ];
  const widest = Math.max(1, ...s.scores.distribution.map((b) => b.count));
  lines.push('  scores');
  for (const b of [...s.scores.distribution].reverse()) {
    const label = b.from === b.to ? `${b.from}` : `${b.from}–${b.to}`;
    lines.push(`    ${label.padStart(6)} ${c.cyan('█'.repeat(Math.round((b.count / widest) * 30)))} ${b.count}`);
  }
  if (s.topRules.length) {
    lines.push('  most frequent rules');
    for (const r of s.topRules) lines.push(`    ${String(r.count).padStart(5)}  ${r.rule}`);
  }
  if (s.lowest.length) {
    lines.push('  lowest scores');
    for (const l of s.lowest) lines.push(`    ${String(l.score).padStart(5)}  ${placeOf(l, l.id)}`);
  }
  return lines;
}

function unjudgedDetail(s: BatchSummary): string {
  const u = s.unjudged;
  const parts = [
    [u.empty, 'empty'],
    [u.tooShort, 'too short'],
    [u.rolesUndecided, 'roles undecided'],
    [u.nothingToJudge, 'nothing to judge'],
  ].filter(([n]) => (n as number) > 0);
  return parts.length > 0 ? ` (${parts.map(([n, what]) => `${n} ${what}`).join(', ')})` : '';
}

function agentLines(s: BatchSummary, c: ChalkInstance): string[] {
  if (!s.byAgent) return [];
  const head = ['agent', 'calls', 'mean', ...STEPS.map((x) => `s${x.step}`), 'most frequent finding'];
  const rows = s.byAgent.map((a) => [
    a.agent,
    String(a.conversations),
    a.meanScore === null ? 'n/a' : String(a.meanScore),
    ...STEPS.map((x) => (a.meanByStep[x.step] === null ? '–' : String(Math.round(a.meanByStep[x.step]!)))),
    a.topFindings[0] ? `${a.topFindings[0].rule} (${a.topFindings[0].count})` : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((x, i) => (i === cells.length - 1 ? x : x.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [c.bold('By agent'), c.dim(line(head)), ...rows.map(line)];
}
