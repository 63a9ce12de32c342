import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type CheckOptions, checkRead, checkSource } from './pipeline.js';
import type { RulesFor } from '../config/apply.js';
import type { Scoring } from '../scorecard/score.js';
import { failedFile, type FileResult } from '../results/model.js';
import { decodeTranscript } from '../transcript/decode.js';
import { type LocatedError, NOT_A_TRANSCRIPT } from '../transcript/errors.js';
import type { AssignableRole } from '../transcript/model.js';
import { readRecord } from '../transcript/read.js';
import { DEFAULT_LIMITS, type Limits, tooLarge } from '../transcript/limits.js';
import { parseRolesSidecar, sidecarPaths } from '../transcript/sidecar.js';
import type { CompiledRule } from '../rules/types.js';
import { readInputBytes, readInputFile } from './read-input.js';
import { applySuppressions, parseSuppressions, type Suppression, suppressionSidecarNames } from './suppressions.js';

/** One unit of work. Unreadable inputs are tasks too, so they keep their place in the ordered output. */
export type Task =
  /** `path` as the report shows it; `file` where to read it. */
  | { kind: 'file'; path: string; file: string; walked?: boolean }
  | { kind: 'text'; path: string; text: string }
  | { kind: 'record'; path: string; text: string; line: number }
  /** An input that cannot be checked (missing, not a regular file, over a limit): its error keeps its place. */
  | { kind: 'missing'; path: string; message: string; line?: number };

export interface TaskOptions {
  format?: string;
  /** From --roles: they win over sidecars. */
  roles?: ReadonlyMap<string, AssignableRole>;
  /** From the config: sidecars and --roles win over them. */
  defaultRoles?: ReadonlyMap<string, AssignableRole>;
  agentFromPath?: RegExp;
  scoring?: Scoring;
  transcript?: boolean;
  /** The config's suppressions that apply to a path. */
  suppressionsFor?: (path: string) => Suppression[];
  limits: Limits;
  /** Each directory's roles sidecars, listed once per run however many transcripts it holds. */
  sidecars: Map<string, ReadonlySet<string>>;
}

/** A file a directory walk found that is not a transcript (a metadata JSON, a results file): skipped with a notice, not an error. */
export interface SkippedInput {
  skipped: string;
  reason: string;
}

export type TaskOutput = FileResult | SkippedInput;

export const isSkipped = (o: TaskOutput): o is SkippedInput => 'skipped' in o;

/**
 * Reads (with its roles sidecar) and checks one task; every failure becomes a result, never an
 * exception. A file named explicitly that is not a transcript is an error; one a walk found is skipped.
 */
export async function runTask(task: Task, rulesFor: RulesFor, options: TaskOptions): Promise<TaskOutput[]> {
  const checkOptions: CheckOptions = {
    rules: rulesFor(task.path),
    ...(options.agentFromPath && { agentFromPath: options.agentFromPath }),
    ...(options.scoring && { scoring: options.scoring }),
    limits: options.limits,
    ...(options.transcript && { transcript: true }),
  };
  if (task.kind === 'missing')
    return [failedFile(task.path, { message: task.message, ...(task.line !== undefined && { line: task.line }) })];
  const fixed = new Map([...(options.defaultRoles ?? []), ...(options.roles ?? [])]);
  if (task.kind === 'record')
    return [
      givenRolesUsed(
        checkRead(
          { ...readRecord(task.path, task.text, task.line), line: task.line },
          { ...checkOptions, ...(fixed.size > 0 && { roles: fixed }) },
        ),
        options.roles,
      ),
    ];
  let text: string;
  let notice: string | undefined;
  let sidecar: Map<string, AssignableRole> | undefined;
  let suppressions: Suppression[] = options.suppressionsFor?.(task.path) ?? [];
  if (task.kind === 'text') text = task.text;
  else {
    // Synchronous reads: a task is one small file, and awaiting each read only added a round trip
    // per file (a worker runs one task at a time, so nothing else would fill the wait).
    const read = readInputBytes(task.file, options.limits);
    if ('error' in read) return [failedFile(task.path, read.error)];
    const decoded = decodeTranscript(task.path, read.bytes);
    if (decoded.error) return [failedFile(task.path, decoded.error)];
    // A gzipped file can unpack far beyond the limit its bytes on disk passed.
    if (decoded.text.length > options.limits.inputBytes) return [failedFile(task.path, tooLarge(decoded.text.length, options.limits))];
    ({ text, notice } = decoded);
    const found = loadSidecarRoles(task, options.sidecars);
    if (found && !(found instanceof Map)) return [failedFile(task.path, found)];
    sidecar = found;
    const suppressed = loadSuppressions(task, options.sidecars, checkOptions.rules);
    if (!Array.isArray(suppressed)) return [failedFile(task.path, suppressed)];
    suppressions = [...suppressions, ...suppressed];
  }
  const roles = new Map([...(options.defaultRoles ?? []), ...(sidecar ?? []), ...(options.roles ?? [])]);
  const results = checkSource(
    { path: task.path, text },
    { ...checkOptions, roles, ...(options.format !== undefined && { format: options.format }) },
  );
  const stray = task.kind === 'file' && task.walked && results.length === 1 && results[0]!.errors[0]?.code === NOT_A_TRANSCRIPT;
  if (stray) return [{ skipped: task.path, reason: results[0]!.errors[0]!.message }];
  return results.map((r) => {
    const checked = applySuppressions(givenRolesUsed(r, options.roles), suppressions, options.scoring);
    return notice ? { ...checked, notices: [notice, ...checked.notices] } : checked;
  });
}

/**
 * --roles that name none of a conversation's speakers are a mistake (a misspelt label), unless the
 * transcript names every role itself: then the result is an error saying which speakers there are.
 */
function givenRolesUsed(result: FileResult, roles: ReadonlyMap<string, AssignableRole> | undefined): FileResult {
  const c = result.conversation;
  if (!c || !roles || roles.size === 0 || c.roles.source === 'transcript') return result;
  if (c.speakers.some((s) => roles.has(s.label.toLowerCase()))) return result;
  return failedFile(result.path, {
    message: `--roles names ${[...roles.keys()].join(', ')}, but the speakers here are ${c.speakers.map((s) => s.label).join(', ')}`,
  });
}

function sidecarsIn(dir: string, sidecarsByDir: Map<string, ReadonlySet<string>>): ReadonlySet<string> {
  let names = sidecarsByDir.get(dir);
  if (!names) {
    try {
      names = new Set(readdirSync(dir).filter((n) => /\.(?:roles|callcoach)\.ya?ml$/.test(n)));
    } catch {
      names = new Set();
    }
    sidecarsByDir.set(dir, names);
  }
  return names;
}

/** The roles sidecar next to a transcript, if there is one; a malformed sidecar is an error for that transcript. */
function loadSidecarRoles(
  task: { path: string; file: string },
  listed: Map<string, ReadonlySet<string>>,
): Map<string, AssignableRole> | LocatedError | undefined {
  const present = sidecarsIn(dirname(task.file), listed);
  const name = sidecarPaths(task.file)
    .map((p) => basename(p))
    .find((n) => present.has(n));
  if (!name) return undefined;
  const shown = join(dirname(task.path), name);
  // A sidecar is read like a transcript (regular files only, within the size limit); its problem is this transcript's.
  const read = readInputFile(join(dirname(task.file), name), SIDECAR_LIMITS);
  if ('error' in read) return { ...read.error, message: `${shown}: ${read.error.message}` };
  const parsed = parseRolesSidecar(read.text);
  return parsed instanceof Map ? parsed : { ...parsed, message: `${shown}: ${parsed.message}` };
}

/** The suppressions beside a transcript (`NAME.callcoach.yaml`); a malformed sidecar is an error for that transcript. */
function loadSuppressions(
  task: { path: string; file: string },
  listed: Map<string, ReadonlySet<string>>,
  rules: readonly CompiledRule[],
): Suppression[] | LocatedError {
  const present = sidecarsIn(dirname(task.file), listed);
  const name = suppressionSidecarNames(basename(task.file)).find((n) => present.has(n));
  if (!name) return [];
  const shown = join(dirname(task.path), name).replace(/\\/g, '/');
  const read = readInputFile(join(dirname(task.file), name), SIDECAR_LIMITS);
  if ('error' in read) return { ...read.error, message: `${shown}: ${read.error.message}` };
  return parseSuppressions(read.text, shown, new Set(rules.map((r) => r.id)));
}

// A roles sidecar maps a few labels to roles: a megabyte is far more than any needs.
const SIDECAR_LIMITS: Limits = { ...DEFAULT_LIMITS, inputBytes: 1024 * 1024 };
