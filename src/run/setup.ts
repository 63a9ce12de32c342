import { createRequire } from 'node:module';
import type { ConfiguredRules, RulesFor } from '../config/apply.js';
import type { ResolvedConfig } from '../config/load.js';
import { loadPacks, type Pack, type PackProblem } from '../rules/load.js';
import { packNameOf } from '../rules/pack-files.js';
import { isPackLoadError } from '../rules/problems.js';
import type { CompiledRule } from '../rules/types.js';
import { DEFAULT_LIMITS, type Limits } from '../transcript/limits.js';
import type { AssignableRole } from '../transcript/model.js';
import type { TaskOptions } from './task.js';

/** Everything needed to rebuild a run's rules and options (plain data: it crosses to worker threads). */
export interface Setup {
  packFiles: string[];
  /** Packs chosen on the command line (they win over the config's). */
  packs?: string[];
  configFile?: string;
  cwd: string;
  format?: string;
  roles?: [string, AssignableRole][];
  agentFromPath?: string;
  /** Default: DEFAULT_LIMITS. */
  limits?: Limits;
  transcript?: boolean;
}

export interface Prepared {
  packs: Pack[];
  problems: PackProblem[];
  /** The rules before any override: for reporters' rule lists. */
  rules: readonly CompiledRule[];
  rulesFor: RulesFor;
  options: TaskOptions;
  config?: ResolvedConfig;
  configured?: ConfiguredRules;
}

// Configuration brings zod, YAML and globbing; a run without a config file loads none of it.
const require = createRequire(import.meta.url);
const configModules = () => ({
  load: require('../config/load.js') as typeof import('../config/load.js'),
  apply: require('../config/apply.js') as typeof import('../config/apply.js'),
  suppress: require('../config/suppress.js') as typeof import('../config/suppress.js'),
});

/** Loads the config and packs and settles each file's rules; problems are returned, never thrown. */
export function prepare(setup: Setup): Prepared {
  let config: ResolvedConfig | undefined;
  const failed = (problems: PackProblem[]): Prepared => ({
    packs: [],
    problems,
    rules: [],
    rulesFor: () => [],
    options: { sidecars: new Map(), limits: setup.limits ?? DEFAULT_LIMITS },
  });
  if (setup.configFile) {
    try {
      config = configModules().load.loadConfig(setup.configFile);
    } catch (err) {
      if (!isPackLoadError(err)) throw err;
      return failed([err.problem]);
    }
  }
  const configured = config?.packs.map((p) => p.value) ?? [];
  const files = [...new Set([...setup.packFiles, ...configured])];
  const only = setup.packs ?? (config ? configured.map(packNameOf) : undefined);
  const { packs, problems } = loadPacks(files, only);
  if (problems.length > 0) return failed(problems);
  const options: TaskOptions = {
    sidecars: new Map(),
    limits: setup.limits ?? DEFAULT_LIMITS,
    ...(setup.format !== undefined && { format: setup.format }),
    ...(setup.roles && { roles: new Map(setup.roles) }),
    ...(setup.agentFromPath !== undefined && { agentFromPath: new RegExp(setup.agentFromPath) }),
    ...(setup.transcript && { transcript: true }),
  };
  const rules = packs.flatMap((p) => p.rules);
  if (!config) return { packs, problems, rules, rulesFor: () => rules, options };

  const applied = new (configModules().apply.ConfiguredRules)(packs, config, setup.cwd);
  if (applied.problems.length > 0) return failed(applied.problems);
  if (config.suppress.length > 0) {
    const suppress = configModules().suppress.configSuppressions(config, setup.cwd, new Set(rules.map((r) => r.id)));
    if (suppress.problems.length > 0) return failed(suppress.problems);
    options.suppressionsFor = suppress.suppressionsFor;
  }
  if (config.roles.size > 0) options.defaultRoles = new Map([...config.roles].map(([label, r]) => [label, r.value]));
  if (config.weights.size > 0 || config.passMark) {
    options.scoring = {
      ...(config.weights.size > 0 && { weights: Object.fromEntries([...config.weights].map(([step, w]) => [step, w.value])) }),
      ...(config.passMark && { passMark: config.passMark.value }),
    };
  }
  return { packs, problems, rules: applied.rulesFor('<all>'), rulesFor: applied.rulesFor, options, config, configured: applied };
}
