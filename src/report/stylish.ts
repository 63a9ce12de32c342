import type { ChalkInstance } from 'chalk';
import type { MetricsSummary } from '../metrics/summary.js';
import type { Finding } from '../rules/engine.js';
import type { Severity } from '../rules/types.js';
import type { FileResult, Results } from '../results.js';
import type { StepScore } from '../scorecard/score.js';
import { formatClock } from '../transcript/timestamp.js';

const SYMBOL: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The human report: per conversation, its score and the seven steps with the findings under each. */
export function formatStylish(results: Results, c: ChalkInstance): string {
  const out: string[] = [];
  for (const file of results.files) out.push(...fileBlock(file, c), '');
  out.push(summaryLine(results, c));
  return `${out.join('\n')}\n`;
}

function fileBlock(file: FileResult, c: ChalkInstance): string[] {
  if (!file.conversation || !file.scorecard) {
    return [c.underline(file.path), ...file.errors.map((e) => `  ${c.red('✖ cannot read')}  ${location(file.path, e.line, e.column)}  ${e.message}`)];
  }
  const { conversation, scorecard } = file;
  const facts = [file.format, plural(conversation.turns, 'turn'), conversation.durationMs !== null ? formatClock(conversation.durationMs) : undefined].filter(Boolean);
  const score = scorecard.score === null ? 'n/a' : `${scorecard.score}/100`;
  const lines = [`${c.underline(file.path)}  ${c.dim(`(${facts.join(', ')})`)}  ${c.bold(`score ${score}`)}`];
  if (conversation.roles.source === 'inferred') lines.push(c.dim(`  roles inferred (confidence ${conversation.roles.confidence}): ${conversation.roles.reason}`));
  for (const notice of file.notices) lines.push(`  ${c.yellow('⚠')} ${notice}`);
  if (file.metrics) lines.push(...metricLines(file.metrics, c));
  for (const step of scorecard.steps) {
    lines.push(stepLine(step, c));
    for (const f of file.findings.filter((x) => x.step === step.step)) lines.push(...findingLines(f, c));
  }
  return lines;
}

function metricLines(m: MetricsSummary, c: ChalkInstance): string[] {
  const parts: string[] = [];
  const talk = Object.entries(m.talk ?? {});
  if (talk.length > 0) {
    parts.push(`talk ${talk.map(([role, t]) => `${role} ${Math.round(t.shareOfSpeech * 100)}%`).join(' · ')}`);
    const speed = talk.filter(([, t]) => t.wordsPerMinute !== null).map(([role, t]) => `${role} ${t.wordsPerMinute}`);
    if (speed.length) parts.push(`wpm ${speed.join(' · ')}`);
  }
  if (m.nonTalk) parts.push(`silence ${formatClock(m.nonTalk.totalMs)} (${m.nonTalk.instances.length} over ${m.nonTalk.thresholdMs / 1000} s)`);
  const interruptions = Object.entries(m.interruptions.byInterrupter).map(([role, x]) => `${role} ${x.count}`);
  parts.push(`interruptions ${interruptions.length ? interruptions.join(' · ') : 'none'}`);
  const basis = m.basis === 'words' ? '' : m.basis === 'turns' ? ' (from turn times: approximate)' : ' (untimed: cut-off markers only)';
  return [c.dim(`  ${parts.join(' | ')}${basis}`)];
}

function stepLine(step: StepScore, c: ChalkInstance): string {
  const label = `  ${step.step}. ${step.title} `.padEnd(40, '.');
  const status = step.status === 'pass' ? c.green('pass') : step.status === 'fail' ? c.red('fail') : c.dim('n/a');
  return `${label} ${status}`;
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

function summaryLine(results: Results, c: ChalkInstance): string {
  const findings = results.files.flatMap((f) => f.findings);
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), `${count('info')} info`];
  const { conversations } = results.summary;
  const unread = results.files.filter((f) => f.errors.length).length;
  const head = findings.length > 0 ? c.bold(`${plural(findings.length, 'finding')} (${parts.join(', ')})`) : unread > 0 ? 'no findings' : c.green('✔ no findings');
  const tail = unread > 0 ? c.red(`; ${plural(unread, 'file')} could not be read`) : '';
  return `${head} in ${plural(conversations, 'conversation')}${tail}`;
}
