import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Locator, type Path } from '../rules/locate.js';
import { bundledPack, bundledPackFiles, isPath, packsIn } from '../rules/pack-files.js';
import { PackLoadError } from '../rules/problems.js';
import { readYamlFile, schemaProblem } from '../rules/validate.js';
import type { AssignableRole } from '../transcript/model.js';
import { CONFIG_NAMES } from './find.js';
import { type ConfigDocument, configSchema, type RuleSetting } from './schema.js';

/** A value and the config file (and key) it came from, for `print-config`. */
export interface Sourced<T> {
  value: T;
  origin: string;
}

/** A value from a config file, kept with that file so a problem with it can point there. */
export interface FileSourced<T> extends Sourced<T> {
  file: string;
}

/** A rule setting, and where in which config file it was written. */
export interface RuleSource extends FileSourced<RuleSetting> {
  at: Path;
}

export interface ResolvedConfig {
  /** The config files read, base configs first. */
  files: string[];
  /** The packs that run, with where each was named: `packs` (default: every bundled pack) and those `extends` adds. */
  packs: Sourced<string>[];
  rules: Map<string, RuleSource>;
  overrides: { files: string[]; dir: string; rules: Map<string, RuleSource>; origin: string }[];
  glossary: { company: FileSourced<string>[]; jargon: FileSourced<ConfigDocument['glossary']['jargon'][number]>[] };
  roles: Map<string, Sourced<AssignableRole>>;
  weights: Map<number, Sourced<number>>;
  passMark?: Sourced<number>;
  /** `suppress` entries, with the directory their globs are relative to and where each was written. */
  suppress: (ConfigDocument['suppress'][number] & { dir: string; file: string; line: number })[];
  gates: Partial<{ [K in keyof ConfigDocument['gates']]: Sourced<NonNullable<ConfigDocument['gates'][K]>> }>;
  /** Where each config file's locator lives, for problems found after loading (unknown rule ids). */
  locate(file: string): Locator;
}

interface Parsed {
  file: string;
  doc: ConfigDocument;
  locator: Locator;
  /** Packs this config's `extends` adds to the ones that run. */
  added: Sourced<string>[];
}

function parseConfig(file: string): Parsed {
  const { yaml, locator } = readYamlFile(file, 'config');
  const checked = configSchema.safeParse(yaml.toJS() ?? {});
  if (!checked.success) throw schemaProblem(file, locator, [], checked.error, Object.keys(configSchema.shape));
  return { file, doc: checked.data, locator, added: [] };
}

/** Where a name that is not a path points: an npm package, resolved from `dir`. */
function packageDir(name: string, dir: string): string | undefined {
  try {
    return dirname(createRequire(join(dir, 'noop.js')).resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

const configIn = (dir: string) => CONFIG_NAMES.map((n) => join(dir, n)).find(existsSync);
// A pack names itself at the top level; a config never has a `pack` key.
const isPackFile = (file: string) => /^pack\s*:/m.test(readFileSync(file, 'utf8'));

/**
 * What an `extends` entry names: another config (a config file, or a directory or npm package holding
 * one), or packs to add (a bundled pack name, a pack file, a directory or package of packs).
 */
function extendsTarget(entry: string, dir: string): { config: string } | { packs: string[] } | undefined {
  const bundled = bundledPack(entry);
  if (bundled) return { packs: [bundled] };
  const path = isPath(entry) ? resolve(dir, entry) : packageDir(entry, dir);
  if (!path || !existsSync(path)) return undefined;
  if (statSync(path).isDirectory()) {
    const config = configIn(path);
    return config ? { config } : { packs: packsIn(path, CONFIG_NAMES) };
  }
  return isPackFile(path) ? { packs: [path] } : { config: path };
}

/** Reads a config and everything it extends, base configs first; a cycle or a missing base is an error. */
export function loadConfig(file: string): ResolvedConfig {
  const chain: Parsed[] = [];
  const visit = (path: string, from: string[], where?: { file: string; locator: Locator; index: number }) => {
    const full = resolve(path);
    if (from.includes(full)) {
      throw new PackLoadError({
        file: where!.file,
        ...where!.locator.at(['extends', where!.index]),
        message: `config extends itself: ${[...from, full].join(' → ')}`,
      });
    }
    const parsed = parseConfig(full);
    parsed.doc.extends.forEach((entry, index) => {
      const target = extendsTarget(entry, dirname(full));
      if (!target) {
        const expected =
          'a config file, a pack file or directory, a bundled pack name, or an npm package with a callcoach.config.yaml or packs';
        throw new PackLoadError({
          file: full,
          ...parsed.locator.at(['extends', index]),
          message: `cannot find '${entry}' to extend (${expected})`,
        });
      }
      if ('config' in target) visit(target.config, [...from, full], { file: full, locator: parsed.locator, index });
      else parsed.added.push(...target.packs.map((value) => ({ value, origin: `${full}: extends` })));
    });
    chain.push(parsed);
  };
  visit(file, []);
  return merge(chain);
}

function merge(chain: readonly Parsed[]): ResolvedConfig {
  const locators = new Map(chain.map((p) => [p.file, p.locator]));
  const resolved: ResolvedConfig = {
    files: chain.map((p) => p.file),
    packs: [],
    rules: new Map(),
    overrides: [],
    glossary: { company: [], jargon: [] },
    roles: new Map(),
    weights: new Map(),
    suppress: [],
    gates: {},
    locate: (f) => locators.get(f)!,
  };
  let listed: Sourced<string>[] | undefined;
  const added: Sourced<string>[] = [];
  for (const { file, doc, locator, added: extended } of chain) {
    const dir = dirname(file);
    // A later config's `packs` replaces the list; packs added through `extends` accumulate.
    if (doc.packs)
      listed = doc.packs.flatMap((entry, i) =>
        packFiles(entry, dir, file, locator, i).map((value) => ({ value, origin: `${file}: packs` })),
      );
    added.push(...extended);
    for (const [id, value] of Object.entries(doc.rules))
      resolved.rules.set(id, { value, origin: `${file}: rules`, file, at: ['rules', id] });
    doc.overrides.forEach((o, i) => {
      const origin = `${file}: overrides[${i}] (${o.files.join(', ')})`;
      const rules = new Map(Object.entries(o.rules).map(([id, value]) => [id, { value, origin, file, at: ['overrides', i, 'rules', id] }]));
      resolved.overrides.push({ files: o.files, dir, origin, rules });
    });
    resolved.glossary.company.push(...doc.glossary.company.map((value) => ({ value, origin: `${file}: glossary.company`, file })));
    resolved.glossary.jargon.push(...doc.glossary.jargon.map((value) => ({ value, origin: `${file}: glossary.jargon`, file })));
    for (const [label, role] of Object.entries(doc.roles))
      resolved.roles.set(label.toLowerCase(), { value: role, origin: `${file}: roles` });
    for (const [step, weight] of Object.entries(doc.scorecard.weights ?? {}))
      resolved.weights.set(Number(step), { value: weight, origin: `${file}: scorecard.weights` });
    doc.suppress.forEach((entry, i) => resolved.suppress.push({ ...entry, dir, file, line: locator.at(['suppress', i]).line }));
    if (doc.scorecard.passMark !== undefined) resolved.passMark = { value: doc.scorecard.passMark, origin: `${file}: scorecard.passMark` };
    for (const [k, v] of Object.entries(doc.gates))
      if (v !== undefined) (resolved.gates as Record<string, Sourced<unknown>>)[k] = { value: v, origin: `${file}: gates.${k}` };
  }
  const all = [...(listed ?? bundledPackFiles().map((value) => ({ value, origin: 'default: every bundled pack' }))), ...added];
  resolved.packs = all.filter((p, i) => all.findIndex((q) => resolve(q.value) === resolve(p.value)) === i);
  return resolved;
}

/** The pack files one `packs` entry names: a bundled pack, a file or directory, or an npm package. */
function packFiles(entry: string, dir: string, file: string, locator: Locator, index: number): string[] {
  const bundled = bundledPack(entry);
  if (bundled) return [bundled];
  const path = isPath(entry) ? resolve(dir, entry) : packageDir(entry, dir);
  if (!path || !existsSync(path)) {
    throw new PackLoadError({
      file,
      ...locator.at(['packs', index]),
      message: `cannot find pack '${entry}' (a bundled pack name, a pack file or directory, or an npm package)`,
    });
  }
  return statSync(path).isDirectory() ? packsIn(path, CONFIG_NAMES) : [path];
}
