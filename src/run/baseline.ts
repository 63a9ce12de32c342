import { createHash } from 'node:crypto';
import type { Finding } from '../rules/engine.js';
import type { BaselineEntry, FileResult } from '../results/model.js';

interface BaselineFile {
  tool: 'callcoach';
  baselineVersion: 1;
  findings: Record<string, BaselineEntry>;
}

const normalize = (quote: string) =>
  quote
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * A finding's identity across runs: rule + conversation id + the quote's words. Line and turn numbers
 * are left out on purpose, so editing a transcript above a finding does not make it "new".
 */
function fingerprint(f: Finding, conversation: string): string {
  return createHash('sha256')
    .update(`${f.rule}\0${conversation}\0${normalize(f.quote)}`)
    .digest('hex')
    .slice(0, 20);
}

export function parseBaseline(text: string): Map<string, BaselineEntry> {
  const doc = JSON.parse(text) as Partial<BaselineFile>;
  if (doc.tool !== 'callcoach' || doc.baselineVersion !== 1 || typeof doc.findings !== 'object' || doc.findings === null) {
    throw new Error('not a callcoach baseline (expected {"tool":"callcoach","baselineVersion":1,"findings":{…}})');
  }
  return new Map(Object.entries(doc.findings));
}

export function formatBaseline(entries: Iterable<[string, BaselineEntry]>): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const file: BaselineFile = { tool: 'callcoach', baselineVersion: 1, findings: Object.fromEntries(sorted) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Splits each file's findings into known (in the baseline) and new, remembering what it saw. */
export class BaselineTracker {
  readonly seen = new Map<string, BaselineEntry>();
  known = 0;

  constructor(private readonly baseline: ReadonlyMap<string, BaselineEntry> = new Map()) {}

  /** The file with only its new findings. */
  filter(file: FileResult): FileResult {
    if (!file.conversation) return file;
    const id = file.conversation.id;
    const fresh = file.findings.filter((f) => {
      const key = fingerprint(f, id);
      this.seen.set(key, { rule: f.rule, conversation: id, quote: f.quote });
      const isKnown = this.baseline.has(key);
      if (isKnown) this.known++;
      return !isKnown;
    });
    return fresh.length === file.findings.length ? file : { ...file, findings: fresh };
  }

  /** Baselined findings this run no longer produced. */
  fixed(): [string, BaselineEntry][] {
    return [...this.baseline].filter(([key]) => !this.seen.has(key));
  }

  /** The baseline without the fixed findings. */
  pruned(): [string, BaselineEntry][] {
    return [...this.baseline].filter(([key]) => this.seen.has(key));
  }
}
