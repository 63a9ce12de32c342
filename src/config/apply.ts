import { isAbsolute, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Pack } from '../rules/load.js';
import { isPackLoadError, type PackProblem } from '../rules/problems.js';
import { kindOptions } from '../rules/schema/kinds.js';
import type { CompiledRule, Severity } from '../rules/types.js';
import { schemaProblem } from '../rules/validate.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { ResolvedConfig, RuleSource } from './load.js';

/** The rules that apply to one transcript. */
export type RulesFor = (path: string) => readonly CompiledRule[];

interface Effective {
  off: boolean;
  severity: Severity;
  options: Record<string, unknown>;
}

/**
 * The packs' rules as a config sets them: severities, `off`, replaced options and the glossary for
 * every file, then the overrides whose globs match a file. Rules are compiled once per distinct set
 * of options, and the rule list once per distinct set of matching overrides.
 */
export class ConfiguredRules {
  readonly problems: PackProblem[] = [];
  private readonly rules = new Map<string, { rule: CompiledRule; pack: Pack }>();
  private readonly matchers: Ignore[];
  private readonly lists = new Map<string, CompiledRule[]>();
  private readonly compiled = new Map<string, CompiledRule>();

  constructor(
    packs: readonly Pack[],
    private readonly config: ResolvedConfig,
    private readonly cwd: string,
  ) {
    for (const pack of packs) for (const rule of pack.rules) this.rules.set(rule.id, { rule, pack });
    this.matchers = config.overrides.map((o) => ignore().add(o.files));
    const settings = [...config.rules.entries(), ...config.overrides.flatMap((o) => [...o.rules.entries()])];
    for (const [id, source] of settings) this.check(id, source);
    if (this.problems.length > 0) return;
    // Compiling every override once now reports a bad pattern before any transcript is read.
    for (let i = -1; i < config.overrides.length; i++) this.list(i < 0 ? [] : [i]);
  }

  /** The rules for a transcript path (relative to the working directory); stdin gets the config's top-level settings. */
  readonly rulesFor: RulesFor = (path) => this.list(this.activeFor(path));

  /** Each rule as it applies to `path`: the options a setting changed, and the settings that made it so (for `print-config`). */
  settingsFor(path: string): { id: string; off: boolean; severity: Severity; options?: Record<string, unknown>; from: string[] }[] {
    const active = this.activeFor(path);
    const { company, jargon } = this.config.glossary;
    return [...this.rules.values()].map(({ rule }) => {
      const effective = this.effective(rule, active, false);
      const changed = Object.entries(effective.options).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(rule.options[k]));
      const from = this.sourcesOf(rule.id, active).map((s) => s.origin);
      if (rule.kind === 'terms' && company.length + jargon.length > 0)
        from.push(`glossary: +${jargon.length} jargon terms, +${company.length} company words`);
      return {
        id: rule.id,
        off: effective.off,
        severity: effective.severity,
        ...(changed.length > 0 && { options: Object.fromEntries(changed) }),
        from: from.length > 0 ? from : [`pack ${rule.pack}`],
      };
    });
  }

  /** The overrides (by index) whose globs match a path. */
  private activeFor(path: string): number[] {
    return this.config.overrides.flatMap((_, i) => (this.matches(i, path) ? [i] : []));
  }

  /** A rule's settings in the order they apply: the config's, then each active override's. */
  private sourcesOf(id: string, active: readonly number[]): RuleSource[] {
    return [this.config.rules.get(id), ...active.map((i) => this.config.overrides[i]!.rules.get(id))].filter(
      (s): s is RuleSource => s !== undefined,
    );
  }

  private matches(index: number, path: string): boolean {
    if (path.startsWith('<')) return false;
    const rel = relative(this.config.overrides[index]!.dir, resolve(this.cwd, path));
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && this.matchers[index]!.ignores(rel.replace(/\\/g, '/'));
  }

  private list(active: readonly number[]): CompiledRule[] {
    const key = active.join(',');
    let list = this.lists.get(key);
    if (!list) {
      list = [];
      for (const { rule, pack } of this.rules.values()) {
        const effective = this.effective(rule, active);
        if (!effective.off) list.push(this.compile(rule, pack, effective));
      }
      this.lists.set(key, list);
    }
    return list;
  }

  /** The pack's settings, then the config's, then each matching override's, in order; the glossary last. */
  private effective(rule: CompiledRule, active: readonly number[], withGlossary = true): Effective {
    let result: Effective = { off: false, severity: rule.severity, options: rule.options };
    for (const source of this.sourcesOf(rule.id, active)) result = applySetting(result, source.value);
    // Options a setting replaced get their defaults back (every setting was validated on its own already).
    if (result.options !== rule.options) result.options = kindOptions().get(rule.kind)!.parse(result.options) as Record<string, unknown>;
    if (rule.kind !== 'terms' || !withGlossary) return result;
    const { company, jargon } = this.config.glossary;
    if (company.length === 0 && jargon.length === 0) return result;
    const options = result.options as { terms: unknown[]; ignore: string[] };
    return {
      ...result,
      options: {
        ...options,
        terms: [...options.terms, ...jargon.map((j) => j.value)],
        ignore: [...options.ignore, ...company.map((c) => c.value)],
      },
    };
  }

  private compile(rule: CompiledRule, pack: Pack, effective: Effective): CompiledRule {
    if (effective.options === rule.options) return effective.severity === rule.severity ? rule : { ...rule, severity: effective.severity };
    const key = `${rule.id}\u0000${JSON.stringify(effective.options)}`;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      try {
        compiled = pack.recompile(rule, effective.options);
      } catch (err) {
        if (!isPackLoadError(err)) throw err;
        // A pattern the config brought in (an option or a glossary entry): the config is what to fix.
        const [file, at] = this.whereSet(rule.id);
        this.problems.push({ file, ...this.config.locate(file).at(at), message: `${rule.id}: ${err.problem.message}` });
        compiled = rule;
      }
      this.compiled.set(key, compiled);
    }
    return { ...compiled, severity: effective.severity };
  }

  private whereSet(id: string): [string, (string | number)[]] {
    const source = this.sourcesOf(
      id,
      this.config.overrides.map((_, i) => i),
    )[0];
    if (source) return [source.file, [...source.at]];
    const entry = this.config.glossary.jargon[0] ?? this.config.glossary.company[0];
    return [entry?.file ?? this.config.files.at(-1)!, ['glossary']];
  }

  /** An unknown rule id or options its kind rejects, located in the config file. */
  private check(id: string, source: RuleSource): void {
    const known = this.rules.get(id);
    const locator = this.config.locate(source.file);
    if (!known) {
      const running = [...this.rules.keys()];
      this.problems.push({
        file: source.file,
        ...locator.at(source.at.slice(0, -1), id),
        message: `unknown rule '${id}'${didYouMean(id, running)}; \`callcoach rules\` lists them`,
      });
      return;
    }
    const { options } = applySetting({ off: false, severity: known.rule.severity, options: known.rule.options }, source.value);
    if (options === known.rule.options) return;
    const checked = kindOptions().get(known.rule.kind)!.safeParse(options);
    if (!checked.success) {
      const keys = ['severity', ...Object.keys(known.rule.options)];
      this.problems.push(schemaProblem(source.file, locator, source.at, checked.error, keys).problem);
    }
  }
}

function applySetting(current: Effective, setting: RuleSource['value']): Effective {
  if (typeof setting === 'string') return setting === 'off' ? { ...current, off: true } : { ...current, off: false, severity: setting };
  const { severity, ...options } = setting;
  return {
    off: severity === 'off',
    severity: severity && severity !== 'off' ? severity : current.severity,
    options: Object.keys(options).length > 0 ? { ...current.options, ...options } : current.options,
  };
}
