import { relative } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { colors } from '../report/color.js';
import { bundledPackFiles, loadPacks } from '../rules/load.js';
import { type CaseResult, runRuleTests } from '../run/rule-tests.js';
import { viewOf } from '../text/view.js';
import { readTranscript } from '../transcript/read.js';
import { EXIT } from '../run/gates.js';
import { formatProblem } from './problem.js';
import type { CliIO } from './io.js';
import { packFilesFor } from '../run/pack-targets.js';

/** `callcoach test`: runs the `tests:` examples of every rule and shows, turn by turn, what differs. */
export async function testCommand(targets: readonly string[], cwd: string, io: CliIO): Promise<number> {
  const { files, selected } = packFilesFor(targets, cwd);
  const { packs, problems } = loadPacks(files.length ? files : bundledPackFiles(), selected);
  if (problems.length > 0) {
    io.stderr.write(`${problems.map(formatProblem).join('\n')}\n`);
    return EXIT.error;
  }
  const c = colors({ isTTY: Boolean(io.stdout.isTTY), env: io.env });
  const results: CaseResult[] = [];
  const lines: string[] = [];
  for (const pack of packs) {
    // Each pack's cases run with the pack's own rules only, so other packs cannot add findings.
    const own = runRuleTests(pack.rules, pack.rules);
    results.push(...own);
    lines.push(c.underline(relative(cwd, pack.file) || pack.file));
    for (const rule of pack.rules) {
      const cases = own.filter((r) => r.rule === rule);
      if (cases.length === 0) lines.push(`  ${c.yellow('!')} ${rule.id} ${c.dim('has no tests')}`);
      else if (cases.every((r) => r.status === 'pass'))
        lines.push(`  ${c.green('✔')} ${rule.id} ${c.dim(`(${cases.length} case${cases.length === 1 ? '' : 's'})`)}`);
      for (const r of cases.filter((x) => x.status !== 'pass')) lines.push(...caseLines(r, c));
    }
    lines.push('');
  }
  const count = (s: CaseResult['status']) => results.filter((r) => r.status === s).length;
  const failed = count('fail');
  const summary = `${results.length} cases: ${count('pass')} passed, ${failed} failed, ${count('todo') + count('todo-passes')} todo`;
  lines.push(failed ? c.red(`✖ ${summary}`) : c.green(`✔ ${summary}`));
  io.stdout.write(`${lines.join('\n')}\n`);
  return failed ? EXIT.findings : EXIT.ok;
}

function caseLines(r: CaseResult, c: ChalkInstance): string[] {
  const title = `${r.rule.id} › case ${r.index}${r.example.name ? ` "${r.example.name}"` : ''}`;
  if (r.status === 'todo') return [`  ${c.blue('◌')} ${title} ${c.dim(`todo: ${r.example.todo}`)}`];
  if (r.status === 'todo-passes') return [`  ${c.blue('◌')} ${title} ${c.dim(`todo now passes (${r.example.todo}): drop the todo`)}`];
  const out = [`  ${c.red('✖')} ${title}`];
  if (r.error) return [...out, `      ${c.red('cannot read the transcript:')} ${r.error}`];
  if (r.portrait) out.push(`      ${c.red(`portrait: expected ${r.portrait.expected ?? 'none'}, decided ${r.portrait.actual ?? 'none'}`)}`);
  // The transcript, one line per turn, with what was missed (−) and what was unexpected (+) beside each turn.
  const read = readTranscript({ path: r.rule.id, text: r.example.transcript }, r.example.format);
  for (const turn of read.conversation?.turns ?? []) {
    const missed = r.missed.filter((m) => m.turn === turn.index).map((m) => c.red(`− expected ${m.rule}`));
    const extra = r.unexpected.filter((f) => f.turn === turn.index).map((f) => c.yellow(`+ unexpected ${f.rule}`));
    const text = viewOf(turn).text.length > 70 ? `${turn.text.slice(0, 69)}…` : turn.text;
    out.push(
      `      ${String(turn.index).padStart(3)} ${turn.speaker}: ${text}${missed.length || extra.length ? `   ${[...missed, ...extra].join('  ')}` : ''}`,
    );
  }
  return out;
}
