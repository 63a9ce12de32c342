import { yaml } from '../util/yaml.js';
import { prepare } from '../run/setup.js';
import { findConfig } from '../config/find.js';
import { bundledPackFiles } from '../rules/load.js';
import { EXIT } from '../run/gates.js';
import type { CliIO } from './io.js';
import { formatProblem } from './problem.js';

/**
 * `callcoach print-config <file>`: the configuration that applies to one transcript — packs, every
 * rule's severity and options after overrides and glossary, roles, scoring, the config's suppressions, gates —
 * and where each came from.
 */
export function printConfigCommand(path: string, configOption: string | false | undefined, cwd: string, io: CliIO): number {
  const configFile = configOption === false ? undefined : (configOption ?? findConfig(cwd));
  const { problems, config, configured, packs, rules, options } = prepare({
    packFiles: bundledPackFiles(),
    ...(configFile && { configFile }),
    cwd,
  });
  if (problems.length > 0) {
    io.stderr.write(`${problems.map(formatProblem).join('\n')}\n`);
    return EXIT.error;
  }
  const settings = configured
    ? configured.settingsFor(path)
    : rules.map((r) => ({ id: r.id, off: false, severity: r.severity, options: undefined, from: [`pack ${r.pack}`] }));
  const effective = {
    file: path,
    configFiles: config?.files ?? [],
    packs: packs.map((p) => ({
      name: p.name,
      file: p.file,
      from: config?.packs.find((c) => c.value === p.file)?.origin ?? 'default: every bundled pack',
    })),
    rules: Object.fromEntries(
      settings.map(({ id, off, severity, options, from }) => [id, { severity: off ? 'off' : severity, ...(options && { options }), from }]),
    ),
    glossary: {
      company: config?.glossary.company.map((c) => ({ term: c.value, from: c.origin })) ?? [],
      jargon: config?.glossary.jargon.map((j) => ({ ...j.value, from: j.origin })) ?? [],
    },
    roles: Object.fromEntries([...(config?.roles ?? [])].map(([label, r]) => [label, { role: r.value, from: r.origin }])),
    scorecard: {
      weights: Object.fromEntries([...(config?.weights ?? [])].map(([step, w]) => [step, { weight: w.value, from: w.origin }])),
      ...(config?.passMark && { passMark: { value: config.passMark.value, from: config.passMark.origin } }),
    },
    suppress: (options.suppressionsFor?.(path) ?? []).map(({ source, ...s }) => ({ ...s, from: source })),
    gates: Object.fromEntries(Object.entries(config?.gates ?? {}).map(([k, v]) => [k, { value: v.value, from: v.origin }])),
  };
  io.stdout.write(yaml().stringify(effective, { lineWidth: 0 }));
  return EXIT.ok;
}
