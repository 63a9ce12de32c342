import { access, readFile } from 'node:fs/promises';
import { checkRead, checkSource } from '../check.js';
import type { CompiledRule } from '../rules/types.js';
import { failedFile, type FileResult } from '../results.js';
import type { LocatedError } from '../transcript/errors.js';
import type { AssignableRole } from '../transcript/model.js';
import { readRecord } from '../transcript/read.js';
import { parseRolesSidecar, sidecarPaths } from '../transcript/sidecar.js';

/** One unit of work. Unreadable inputs are tasks too, so they keep their place in the ordered output. */
export type Task =
  | { kind: 'file'; path: string }
  | { kind: 'text'; path: string; text: string }
  | { kind: 'record'; path: string; text: string }
  | { kind: 'missing'; path: string; message: string };

export interface TaskOptions {
  format?: string;
  roles?: ReadonlyMap<string, AssignableRole>;
  agentFromPath?: RegExp;
}

/** Reads (with its roles sidecar) and checks one task; every failure becomes a result, never an exception. */
export async function runTask(task: Task, rules: readonly CompiledRule[], options: TaskOptions): Promise<FileResult[]> {
  const checkOptions = { rules, ...(options.roles && { roles: options.roles }), ...(options.agentFromPath && { agentFromPath: options.agentFromPath }) };
  if (task.kind === 'missing') return [failedFile(task.path, { message: task.message })];
  if (task.kind === 'record') return [checkRead(readRecord(task.path, task.text), checkOptions)];
  let text: string;
  let sidecar: Map<string, AssignableRole> | undefined;
  if (task.kind === 'text') text = task.text;
  else {
    try {
      text = await readFile(task.path, 'utf8');
    } catch (err) {
      return [failedFile(task.path, { message: describe(err) })];
    }
    const found = await loadSidecarRoles(task.path);
    if (found && !(found instanceof Map)) return [failedFile(task.path, found)];
    sidecar = found;
  }
  const roles = new Map([...(sidecar ?? []), ...(options.roles ?? [])]);
  return checkSource({ path: task.path, text }, { ...checkOptions, roles, ...(options.format !== undefined && { format: options.format }) });
}

/** The roles sidecar next to a transcript, if there is one; a malformed sidecar is an error for that transcript. */
async function loadSidecarRoles(path: string): Promise<Map<string, AssignableRole> | LocatedError | undefined> {
  for (const candidate of sidecarPaths(path)) {
    try {
      await access(candidate);
    } catch {
      continue;
    }
    const parsed = parseRolesSidecar(await readFile(candidate, 'utf8'));
    return parsed instanceof Map ? parsed : { ...parsed, message: `${candidate}: ${parsed.message}` };
  }
  return undefined;
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot read: ${(err as Error).message}`;
}
