import { yaml } from '../util/yaml.js';
import { prepare } from '../run/setup.js';
import { findConfig } from '../config/find.js';
import { colors } from '../report/color.js';
import { closest } from '../util/did-you-mean.js';
import { loadPacks, type Pack } from '../rules/load.js';
import type { CompiledRule } from '../rules/types.js';
import { STEPS } from '../scorecard/steps.js';
import { EXIT } from '../run/gates.js';
import { formatProblem } from './problem.js';
import type { CliIO } from './io.js';
import { packFilesFor } from '../run/pack-targets.js';
import { describeTemplate } from '../rules/placeholders.js';

/** A rule as listed: as the config sets it (off when the config turns it off). */
type Listed = Omit<CompiledRule, 'severity'> & { severity: CompiledRule['severity'] | 'off' };
type ListedPack = Omit<Pack, 'rules'> & { rules: Listed[] };

/** The packs named, or the packs this directory's config runs (with its settings), or the bundled ones. */
function load(targets: readonly string[], cwd: string, io: CliIO): ListedPack[] | undefined {
  const { files, selected } = packFilesFor(targets, cwd);
  const configFile = targets.length === 0 ? findConfig(cwd) : undefined;
  const loaded = configFile ? prepare({ packFiles: files, configFile, cwd }) : { ...loadPacks(files, selected), rules: undefined };
  if (loaded.problems.length > 0) {
    io.stderr.write(`${loaded.problems.map(formatProblem).join('\n')}\n`);
    return undefined;
  }
  if (!loaded.rules) return loaded.packs;
  const configured = new Map(loaded.rules.map((r) => [r.id, r]));
  return loaded.packs.map((p) => ({ ...p, rules: p.rules.map((r): Listed => configured.get(r.id) ?? { ...r, severity: 'off' }) }));
}

const firstSentence = (text: string) => /^.*?[.!?](?=\s|$)/s.exec(text.replace(/\s+/g, ' ').trim())?.[0] ?? text;
const stepTitle = (step: number) => STEPS.find((s) => s.step === step)?.title ?? '';

/** `callcoach rules`: every rule with its step, severity, what it finds, its pack and the principle behind it. */
export function rulesCommand(targets: readonly string[], cwd: string, io: CliIO): number {
  const packs = load(targets, cwd, io);
  if (!packs) return EXIT.error;
  const c = colors({ isTTY: Boolean(io.stdout.isTTY), env: io.env });
  const out: string[] = [];
  for (const pack of packs) {
    out.push(`${c.bold(pack.name)}  ${c.dim(firstSentence(pack.source))}`);
    for (const r of pack.rules) out.push(`  ${r.id.padEnd(44)} step ${r.step}  ${r.severity.padEnd(7)}  ${describeTemplate(r.message)}`);
    out.push('');
  }
  io.stdout.write(`${out.join('\n')}`);
  return EXIT.ok;
}

/** `callcoach explain <rule>`: what the rule checks, why, what to say instead, and its examples. */
export function explainCommand(id: string, targets: readonly string[], cwd: string, io: CliIO): number {
  const packs = load(targets, cwd, io);
  if (!packs) return EXIT.error;
  const rules = packs.flatMap((p) => p.rules.map((r) => ({ rule: r, pack: p })));
  const hit = rules.find((x) => x.rule.id === id);
  if (!hit) {
    const close =
      closest(
        id,
        rules.map((x) => x.rule.id),
      ) ?? rules.map((x) => x.rule.id).find((r) => r.includes(id.split('/').pop() ?? id));
    io.stderr.write(`callcoach: no rule '${id}'${close ? `; did you mean ${close}?` : ''} (see callcoach rules)\n`);
    return EXIT.error;
  }
  const c = colors({ isTTY: Boolean(io.stdout.isTTY), env: io.env });
  io.stdout.write(`${explanation(hit.rule, hit.pack, c).join('\n')}\n`);
  return EXIT.ok;
}

/** The rule's advice and severity for particular customers, and the customers it is limited to. */
function portraitLines(r: Listed, c: ReturnType<typeof colors>): string[] {
  const names = [...new Set([...Object.keys(r.tips ?? {}), ...Object.keys(r.severities ?? {})])].sort();
  const lines = names.map((name) => {
    const severity = r.severities?.[name] ? ` (${r.severities[name]})` : '';
    const tip = r.tips?.[name] ? ` ${r.tips[name].replace(/\s+/g, ' ').trim()}` : '';
    return `  ${c.bold(name)}${severity}:${tip}`;
  });
  if (r.portraits) lines.unshift(`  Judges only these customers: ${r.portraits.join(', ')}.`);
  return lines.length > 0 ? ['', c.bold('For particular customers'), ...lines] : [];
}

function explanation(r: Listed, pack: ListedPack, c: ReturnType<typeof colors>): string[] {
  const out = [
    c.bold(r.id),
    `${r.severity} · step ${r.step} "${stepTitle(r.step)}" · pack ${pack.name} · kind ${r.kind}`,
    '',
    c.bold('What it checks'),
    `  ${r.description ?? describeTemplate(r.message)}`,
    `  ${c.dim(pack.description.replace(/\s+/g, ' ').trim())}`,
    '',
    c.bold('Why'),
    `  ${pack.source.replace(/\s+/g, ' ').trim()}`,
    '',
    c.bold('What to say or do instead'),
    `  ${describeTemplate(r.tip.replace(/\s+/g, ' ').trim())}`,
    ...portraitLines(r, c),
    '',
    c.bold('Options') + c.dim('  (set them in callcoach.config.yaml under rules:)'),
    ...yaml()
      .stringify({ [r.id]: { severity: r.severity, ...r.options } }, { lineWidth: 0 })
      .trimEnd()
      .split('\n')
      .map((l) => `  ${l}`),
  ];
  if (r.tests.length) {
    out.push('', c.bold('Examples'));
    for (const t of r.tests) {
      const verdict = t.findings.length ? `flagged at turn ${t.findings.map((f) => f.turn).join(', ')}` : 'not flagged';
      out.push(`  ${t.name ?? 'example'} (${verdict})${t.todo ? c.dim(` todo: ${t.todo}`) : ''}`);
      for (const line of t.transcript.trimEnd().split('\n')) out.push(c.dim(`    ${line}`));
    }
  }
  return out;
}
