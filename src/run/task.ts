import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type CheckOptions, checkRead, checkSource } from './pipeline.js';
import type { RulesFor } from '../config/apply.js';
import type { Scoring } from '../scorecard/score.js';
import { failedFile, type FileResult } from '../results/model.js';
import type { LocatedError } from '../transcript/errors.js';
import type { AssignableRole } from '../transcript/model.js';
import { readRecord } from '../transcript/read.js';
import { parseRolesSidecar, sidecarPaths } from '../transcript/sidecar.js';

/** One unit of work. Unreadable inputs are tasks too, so they keep their place in the ordered output. */
export type Task =
  /** `path` as the report shows it; `file` where to read it. */
  | { kind: 'file'; path: string; file: string }
  | { kind: 'text'; path: string; text: string }
  | { kind: 'record'; path: string; text: string; line: number }
  | { kind: 'missing'; path: string; message: string };

export interface TaskOptions {
  format?: string;
  /** From --roles: they win over sidecars. */
  roles?: ReadonlyMap<string, AssignableRole>;
  /** From the config: sidecars and --roles win over them. */
  defaultRoles?: ReadonlyMap<string, AssignableRole>;
  agentFromPath?: RegExp;
  scoring?: Scoring;
  transcript?: boolean;
  /** Each directory's roles sidecars, listed once per run however many transcripts it holds. */
  sidecars: Map<string, ReadonlySet<string>>;
}

/** Reads (with its roles sidecar) and checks one task; every failure becomes a result, never an exception. */
export async function runTask(task: Task, rulesFor: RulesFor, options: TaskOptions): Promise<FileResult[]> {
  const checkOptions: CheckOptions = {
    rules: rulesFor(task.path),
    ...(options.agentFromPath && { agentFromPath: options.agentFromPath }),
    ...(options.scoring && { scoring: options.scoring }),
    ...(options.transcript && { transcript: true }),
  };
  if (task.kind === 'missing') return [failedFile(task.path, { message: task.message })];
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
    try {
      text = readFileSync(task.file, 'utf8');
    } catch (err) {
      return [failedFile(task.path, { message: describe(err) })];
    }
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
  const parsed = parseRolesSidecar(readFileSync(join(dirname(task.file), name), 'utf8'));
  return parsed instanceof Map ? parsed : { ...parsed, message: `${join(dirname(task.path), name)}: ${parsed.message}` };
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot read: ${(err as Error).message}`;
}
