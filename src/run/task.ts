import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type CheckOptions, checkRead, checkSource } from './pipeline.js';
import type { RulesFor } from '../config/apply.js';
import type { Scoring } from '../scorecard/score.js';
import { failedFile, type FileResult } from '../results/model.js';
import type { LocatedError } from '../transcript/errors.js';
import type { AssignableRole } from '../transcript/model.js';
import { readRecord } from '../transcript/read.js';
import { DEFAULT_LIMITS, type Limits } from '../transcript/limits.js';
import { parseRolesSidecar, sidecarPaths } from '../transcript/sidecar.js';
import { readInputFile } from './read-input.js';

/** One unit of work. Unreadable inputs are tasks too, so they keep their place in the ordered output. */
export type Task =
  /** `path` as the report shows it; `file` where to read it. */
  | { kind: 'file'; path: string; file: string }
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
  limits: Limits;
  /** Each directory's roles sidecars, listed once per run however many transcripts it holds. */
  sidecars: Map<string, ReadonlySet<string>>;
}

/** Reads (with its roles sidecar) and checks one task; every failure becomes a result, never an exception. */
export async function runTask(task: Task, rulesFor: RulesFor, options: TaskOptions): Promise<FileResult[]> {
  const checkOptions: CheckOptions = {
    rules: rulesFor(task.path),
    ...(options.agentFromPath && { agentFromPath: options.agentFromPath }),
    ...(options.scoring && { scoring: options.scoring }),
    limits: options.limits,
  };
  if (task.kind === 'missing')
    return [failedFile(task.path, { message: task.message, ...(task.line !== undefined && { line: task.line }) })];
  const fixed = new Map([...(options.defaultRoles ?? []), ...(options.roles ?? [])]);
  if (task.kind === 'record')
    return [
      checkRead(
        { ...readRecord(task.path, task.text, task.line), line: task.line },
        { ...checkOptions, ...(fixed.size > 0 && { roles: fixed }) },
      ),
    ];
  let text: string;
  let sidecar: Map<string, AssignableRole> | undefined;
  if (task.kind === 'text') text = task.text;
  else {
    // Synchronous reads: a task is one small file, and awaiting each read only added a round trip
    // per file (a worker runs one task at a time, so nothing else would fill the wait).
    const read = readInputFile(task.file, options.limits);
    if ('error' in read) return [failedFile(task.path, read.error)];
    text = read.text;
    const found = loadSidecarRoles(task, options.sidecars);
    if (found && !(found instanceof Map)) return [failedFile(task.path, found)];
    sidecar = found;
  }
  const roles = new Map([...(options.defaultRoles ?? []), ...(sidecar ?? []), ...(options.roles ?? [])]);
  return checkSource(
    { path: task.path, text },
    { ...checkOptions, roles, ...(options.format !== undefined && { format: options.format }) },
  );
}

function sidecarsIn(dir: string, sidecarsByDir: Map<string, ReadonlySet<string>>): ReadonlySet<string> {
  let names = sidecarsByDir.get(dir);
  if (!names) {
    try {
      names = new Set(readdirSync(dir).filter((n) => /\.roles\.ya?ml$/.test(n)));
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

// A roles sidecar maps a few labels to roles: a megabyte is far more than any needs.
const SIDECAR_LIMITS: Limits = { ...DEFAULT_LIMITS, inputBytes: 1024 * 1024 };
