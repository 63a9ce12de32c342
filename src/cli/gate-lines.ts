import type { BaselineChange } from '../run/baseline.js';
import type { BatchSummary } from '../results/summary.js';
import type { CliIO } from './io.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A notice per file a walk left out because it is not a transcript: it does not change the exit code. */
export function reportSkipped(summary: BatchSummary, io: Pick<CliIO, 'stderr'>): void {
  for (const s of summary.skipped ?? []) io.stderr.write(`callcoach: skipped ${s.path}: ${s.reason}\n`);
}

/** One line on stderr per tripped gate, saying which and why (as linters do for --max-warnings). */
export function reportGates(summary: BatchSummary, io: Pick<CliIO, 'stderr'>): void {
  for (const gate of summary.gates ?? [])
    if (gate.tripped) io.stderr.write(`callcoach: --${gate.name} ${gate.limit} tripped: ${gate.message}\n`);
}

/** What --write-baseline or --prune-baseline did to the file, in one line. */
export function reportBaselineChange(change: BaselineChange, io: Pick<CliIO, 'stderr'>): void {
  const did =
    change.mode === 'write'
      ? `recorded the findings of ${plural(change.inputs, 'checked input')} (+${change.added} −${change.removed})`
      : `pruned ${plural(change.removed, 'fixed finding')} of ${plural(change.inputs, 'checked input')}`;
  io.stderr.write(
    `callcoach: baseline ${change.file}: ${did}; ${change.entries} ${change.entries === 1 ? 'entry' : 'entries'} in all, ${change.kept} of them for inputs not checked in this run (kept as they were)\n`,
  );
}
