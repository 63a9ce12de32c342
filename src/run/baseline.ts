import { relative, resolve } from 'node:path';
import type { BaselineEntry, FileResult, FixedFinding } from '../results/model.js';
import { rescore, type Scoring } from '../scorecard/score.js';

/**
 * A baseline file: the known findings of each input, by the input's path relative to the baseline
 * file's directory, so `a/call-001.txt` and `b/call-001.txt` never stand in for each other.
 */
interface BaselineFile {
  tool: 'callcoach';
  baselineVersion: 2;
  files: Record<string, BaselineEntry[]>;
}

export type BaselineMode = 'compare' | 'write' | 'prune';

/** Known findings by input path. */
export type Baseline = Map<string, BaselineEntry[]>;

const normalize = (quote: string) =>
  quote
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * A finding's identity within its input: conversation id + rule + the quote's words. Line and turn
 * numbers are left out on purpose, so editing a transcript above a finding does not make it "new".
 */
const identity = (e: { conversation: string; rule: string; quote: string }) => `${e.conversation}\0${e.rule}\0${normalize(e.quote)}`;

export function parseBaseline(text: string): Baseline {
  const doc = JSON.parse(text) as Partial<Omit<BaselineFile, 'baselineVersion'>> & { baselineVersion?: unknown };
  if (doc.tool === 'callcoach' && doc.baselineVersion === 1)
    throw new Error(
      'it was written by an older callcoach (version 1, not keyed by path): delete it and record it again with --write-baseline',
    );
  if (doc.tool !== 'callcoach' || doc.baselineVersion !== 2 || typeof doc.files !== 'object' || doc.files === null)
    throw new Error('not a callcoach baseline (expected {"tool":"callcoach","baselineVersion":2,"files":{…}})');
  const baseline: Baseline = new Map();
  for (const [path, entries] of Object.entries(doc.files)) {
    if (!Array.isArray(entries) || !entries.every(isEntry))
      throw new Error(`files["${path}"] must be a list of {conversation, rule, quote, reason?}`);
    baseline.set(path, entries);
  }
  return baseline;
}

const isEntry = (e: unknown): e is BaselineEntry =>
  typeof e === 'object' &&
  e !== null &&
  ['conversation', 'rule', 'quote'].every((k) => typeof (e as Record<string, unknown>)[k] === 'string') &&
  ['undefined', 'string'].includes(typeof (e as BaselineEntry).reason);

export function formatBaseline(baseline: Baseline): string {
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const files = Object.fromEntries(
    [...baseline]
      .filter(([, entries]) => entries.length > 0)
      .sort(([a], [b]) => order(a, b))
      .map(([path, entries]) => [path, [...entries].sort((a, b) => order(identity(a), identity(b)))]),
  );
  const file: BaselineFile = { tool: 'callcoach', baselineVersion: 2, files };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What a write or prune did to the baseline file, for the line the CLI prints. */
export interface BaselineChange {
  file: string;
  mode: 'write' | 'prune';
  /** Inputs this run checked (their entries were replaced or pruned). */
  inputs: number;
  entries: number;
  added: number;
  removed: number;
  /** Entries of inputs this run did not check, kept as they were. */
  kept: number;
}

/**
 * Splits each result's findings into known (in the baseline) and new, and remembers what it saw, so
 * the baseline can be rewritten for the inputs this run checked and left alone for every other one.
 * A baseline entry stands for one finding: two identical findings need two entries.
 */
export class BaselineTracker {
  known = 0;
  /** Per input path: what this run found, with the reasons of the entries that matched. */
  private readonly seen: Baseline = new Map();
  /** Per input path: the baseline's entries not yet matched by a finding. */
  private readonly unmatched = new Map<string, Map<string, BaselineEntry[]>>();
  /** Inputs read in full this run: only their entries are replaced, pruned or reported fixed. */
  private readonly checked = new Set<string>();
  private readonly unreadable = new Set<string>();

  constructor(
    private readonly baseline: Baseline,
    private readonly mode: BaselineMode,
    /** Where paths are relative to: the working directory. */
    private readonly cwd: string,
    /** Where keys are relative to: the baseline file's directory (the project root, in practice). */
    private readonly root: string,
    private readonly scoring: Scoring | undefined,
  ) {}

  /**
   * The input a result came from (a JSON Lines record: its file), relative to the baseline's directory,
   * so the keys are the same whichever directory callcoach runs in.
   */
  private inputOf(path: string): string {
    if (path.startsWith('<')) return path;
    const file = /\.jsonl(?:\.gz)?:\d+$/i.test(path) ? path.slice(0, path.lastIndexOf(':')) : path;
    return relative(this.root, resolve(this.cwd, file)).replace(/\\/g, '/');
  }

  private unmatchedOf(input: string): Map<string, BaselineEntry[]> {
    let left = this.unmatched.get(input);
    if (!left) {
      left = new Map();
      for (const e of this.baseline.get(input) ?? []) left.set(identity(e), [...(left.get(identity(e)) ?? []), e]);
      this.unmatched.set(input, left);
    }
    return left;
  }

  /** The result with only its new findings, scored on them; in write mode every finding is known. */
  filter(file: FileResult): FileResult {
    const input = this.inputOf(file.path);
    if (file.errors.length > 0) this.unreadable.add(input);
    if (!file.conversation) return file;
    this.checked.add(input);
    const id = file.conversation.id;
    const left = this.unmatchedOf(input);
    const seen = this.seen.get(input) ?? [];
    this.seen.set(input, seen);
    const fresh = file.findings.filter((f) => {
      const entry: BaselineEntry = { conversation: id, rule: f.rule, quote: f.quote };
      const match = left.get(identity(entry))?.shift();
      if (match?.reason !== undefined) entry.reason = match.reason;
      seen.push(entry);
      const known = this.mode === 'write' || match !== undefined;
      if (known) this.known++;
      return !known;
    });
    if (fresh.length === file.findings.length) return file;
    const hidden = file.findings.length - fresh.length;
    return {
      ...file,
      findings: fresh,
      scorecard: file.scorecard && rescore(file.scorecard, fresh, this.scoring),
      notices: [...file.notices, `${hidden} finding${hidden === 1 ? ' is' : 's are'} in the baseline (not shown or counted)`],
    };
  }

  private readonly replaced = (input: string) => this.checked.has(input) && !this.unreadable.has(input);

  /** Baselined findings of the inputs checked that this run no longer produced. */
  fixed(): FixedFinding[] {
    return [...this.unmatched]
      .filter(([input]) => this.replaced(input))
      .flatMap(([path, left]) => [...left.values()].flat().map((e) => ({ path, ...e })));
  }

  /** The baseline to save: the checked inputs' entries rewritten (write) or their fixed ones dropped (prune). */
  updated(): Baseline {
    const next: Baseline = new Map(this.baseline);
    for (const input of this.checked) {
      if (!this.replaced(input)) continue;
      if (this.mode === 'write') next.set(input, this.seen.get(input) ?? []);
      else {
        const left = new Set([...(this.unmatched.get(input)?.values() ?? [])].flat());
        next.set(
          input,
          (this.baseline.get(input) ?? []).filter((e) => !left.has(e)),
        );
      }
    }
    return next;
  }

  /** What `updated()` changes, counted. */
  change(file: string, next: Baseline): BaselineChange {
    const change: BaselineChange = {
      file,
      mode: this.mode === 'write' ? 'write' : 'prune',
      inputs: 0,
      entries: 0,
      added: 0,
      removed: 0,
      kept: 0,
    };
    for (const input of this.checked) if (this.replaced(input)) change.inputs++;
    for (const path of new Set([...this.baseline.keys(), ...next.keys()])) {
      const before = this.baseline.get(path) ?? [];
      const after = next.get(path) ?? [];
      change.entries += after.length;
      if (!this.replaced(path)) {
        change.kept += after.length;
        continue;
      }
      const diff = difference(before, after);
      change.added += diff.added;
      change.removed += diff.removed;
    }
    return change;
  }
}

/** How many entries `after` has that `before` lacks, and the reverse, counting repeats. */
function difference(before: readonly BaselineEntry[], after: readonly BaselineEntry[]): { added: number; removed: number } {
  const counts = new Map<string, number>();
  for (const e of before) counts.set(identity(e), (counts.get(identity(e)) ?? 0) + 1);
  let added = 0;
  for (const e of after) {
    const n = counts.get(identity(e)) ?? 0;
    if (n > 0) counts.set(identity(e), n - 1);
    else added++;
  }
  return { added, removed: [...counts.values()].reduce((a, b) => a + b, 0) };
}
