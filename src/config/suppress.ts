import { isAbsolute, relative, resolve } from 'node:path';
import ignore from 'ignore';
import type { PackProblem } from '../rules/problems.js';
import type { ResolvedConfig } from './load.js';

/** One rule turned off for a conversation (or one of its turns), with why. */
export interface Suppression {
  rule: string;
  reason: string;
  /** Only this turn; otherwise the whole conversation. */
  turn?: number;
  /** Only this conversation of the file (JSON Lines); otherwise every one. */
  conversation?: string;
  /** Where it was written, `file:line`, for the report. */
  source: string;
}

/**
 * The config's `suppress` entries as a lookup by transcript path (relative to the working directory),
 * and the entries naming a rule that does not run, located in their config.
 */
export function configSuppressions(
  config: ResolvedConfig,
  cwd: string,
  ruleIds: ReadonlySet<string>,
): { problems: PackProblem[]; suppressionsFor: (path: string) => Suppression[] } {
  const entries = config.suppress.map((e) => ({ ...e, matcher: ignore().add(e.files) }));
  const problems = entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => !ruleIds.has(e.rule))
    .map(({ e, i }) => ({
      file: e.file,
      ...config.locate(e.file).at(['suppress', i, 'rule']),
      message: `suppress[${i}]: no rule '${e.rule}' runs (see callcoach rules)`,
    }));
  return {
    problems,
    suppressionsFor: (path) => {
      if (path.startsWith('<')) return [];
      return entries
        .filter((e) => {
          const rel = relative(e.dir, resolve(cwd, path));
          return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && e.matcher.ignores(rel.replace(/\\/g, '/'));
        })
        .map((e) => ({
          rule: e.rule,
          reason: e.reason,
          ...(e.turn !== undefined && { turn: e.turn }),
          ...(e.conversation !== undefined && { conversation: e.conversation }),
          source: `${e.file}:${e.line}`,
        }));
    },
  };
}
