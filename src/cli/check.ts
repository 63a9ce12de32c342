import { checkSource } from '../check.js';
import { colors } from '../report/color.js';
import { formatJson } from '../report/json.js';
import { formatStylish } from '../report/stylish.js';
import { collectResults, failedFile, type FileResult } from '../results.js';
import { bundledPackFiles, loadPacks, type PackProblem } from '../rules/load.js';
import { type Severity, severityRank } from '../rules/types.js';
import type { AssignableRole } from '../transcript/model.js';
import { expandInputs, loadSidecarRoles, loadSource } from './inputs.js';
import { type CliIO, readAll } from './io.js';

export const OUTPUT_FORMATS = ['stylish', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface CheckCommandOptions {
  format: OutputFormat;
  packs?: string[];
  failOn: Severity;
  inputFormat?: string;
  /** Speaker label (lower case) → role, from --roles; wins over sidecars and the transcript. */
  roles?: Map<string, AssignableRole>;
}

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** `callcoach check`: returns the exit code; printing is the only side effect. */
export async function checkCommand(paths: readonly string[], options: CheckCommandOptions, io: CliIO): Promise<number> {
  const { packs, problems } = loadPacks(bundledPackFiles(), options.packs);
  if (problems.length > 0) {
    io.stderr.write(problems.map(formatProblem).join('\n') + '\n');
    return EXIT.error;
  }
  const rules = packs.flatMap((p) => p.rules);
  const stdin = () => readAll(io.stdin);
  const files: FileResult[] = [];
  for (const input of await expandInputs(paths)) {
    const source = input.error ?? (await loadSource(input.path, stdin));
    if (!('text' in source)) {
      files.push(failedFile(input.path, source));
      continue;
    }
    const sidecar = await loadSidecarRoles(input.path);
    if (sidecar && !(sidecar instanceof Map)) {
      files.push(failedFile(input.path, sidecar));
      continue;
    }
    const roles = new Map([...(sidecar ?? []), ...(options.roles ?? [])]);
    files.push(...checkSource(source, { rules, roles, ...(options.inputFormat !== undefined && { format: options.inputFormat }) }));
  }
  if (files.length === 0) {
    io.stderr.write(`callcoach: no transcripts found in ${paths.join(', ')}\n`);
    return EXIT.error;
  }
  const results = collectResults(files);
  io.stdout.write(options.format === 'json' ? formatJson(results) : formatStylish(results, colors({ isTTY: Boolean(io.stdout.isTTY), env: io.env })));

  if (results.summary.errors > 0) return EXIT.error;
  const threshold = severityRank(options.failOn);
  return files.some((f) => f.findings.some((x) => severityRank(x.severity) >= threshold)) ? EXIT.findings : EXIT.ok;
}

export function formatProblem(p: PackProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
