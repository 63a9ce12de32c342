import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { BUILTIN_SETS } from '../text/builtin-sets.js';
import { firstYamlError } from '../util/yaml-error.js';
import { alternativesOf, compilePattern, compilePhrases, type Fragment, PatternError } from '../text/phrase.js';
import { KINDS } from './kinds/index.js';
import { Locator, type Path } from './locate.js';
import { type PackDocument, packSchema, RULE_BASE_KEYS, ruleBaseSchema } from './schema.js';
import type { CompiledRule, CompileContext } from './types.js';

/** A problem in a pack file, located for the user. */
export interface PackProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface Pack {
  name: string;
  description: string;
  source: string;
  file: string;
  rules: CompiledRule[];
}

export interface LoadResult {
  packs: Pack[];
  problems: PackProblem[];
}

/** Thrown while loading one pack; collected per file so every bad pack is reported. */
class PackLoadError extends Error {
  constructor(readonly problem: PackProblem) {
    super(problem.message);
  }
}

export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

export function bundledPackFiles(dir = BUNDLED_RULES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

interface ParsedPack {
  file: string;
  doc: PackDocument;
  locator: Locator;
}

/**
 * Validates every pack fully, then compiles the rules of the selected ones (all when `only` is
 * omitted). Unselected packs are still parsed so their phrase sets can be shared as @pack.set.
 */
export function loadPacks(files: readonly string[], only?: readonly string[]): LoadResult {
  const problems: PackProblem[] = [];
  const parsed: ParsedPack[] = [];
  for (const file of files) {
    try {
      parsed.push(parsePack(file));
    } catch (err) {
      if (!(err instanceof PackLoadError)) throw err;
      problems.push(err.problem);
    }
  }
  const byName = new Map(parsed.map((p) => [p.doc.pack, p]));
  if (only) {
    for (const name of only) {
      if (!byName.has(name)) problems.push({ file: '--packs', line: 1, column: 1, message: `unknown pack '${name}'; available: ${[...byName.keys()].sort().join(', ')}` });
    }
  }
  const sets = new SetRegistry(byName);
  const packs: Pack[] = [];
  for (const p of parsed) {
    if (only && !only.includes(p.doc.pack)) continue;
    try {
      packs.push(compilePack(p, sets));
    } catch (err) {
      if (!(err instanceof PackLoadError)) throw err;
      problems.push(err.problem);
    }
  }
  checkDuplicateIds(packs, parsed, problems);
  return { packs, problems };
}

function parsePack(file: string): ParsedPack {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PackLoadError({ file, line: 1, column: 1, message: `cannot read pack: ${(err as Error).message}` });
  }
  const yaml = parseDocument(text, { uniqueKeys: true });
  const yamlError = firstYamlError(yaml);
  if (yamlError) {
    // An unquoted pattern that starts with "[" reads as a YAML list, and YAML's complaint does not say so.
    const bracket = /^\s*-\s*\[[^\]]*\]\s*\S/.test(text.split(/\r?\n/)[yamlError.line - 1] ?? '');
    const hint = bracket ? " (a pattern that starts with '[' must be quoted)" : '';
    throw new PackLoadError({ file, line: yamlError.line, column: yamlError.column, message: `invalid YAML: ${yamlError.message}${hint}` });
  }
  const locator = new Locator(yaml, text);
  const result = packSchema.safeParse(yaml.toJS());
  if (!result.success) throw schemaProblem(file, locator, [], result.error);
  const expected = basename(file).replace(/\.ya?ml$/, '');
  if (result.data.pack !== expected) {
    const { line, column } = locator.at(['pack']);
    throw new PackLoadError({ file, line, column, message: `pack name '${result.data.pack}' must match its file name '${expected}'` });
  }
  return { file, doc: result.data, locator };
}

function compilePack({ file, doc, locator }: ParsedPack, sets: SetRegistry): Pack {
  const rules = doc.rules.map((raw, i): CompiledRule => {
    const at: Path = ['rules', i];
    const fail = (path: Path, message: string, key?: string): never => {
      throw new PackLoadError({ file, ...locator.at([...at, ...path], key), message });
    };
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail([], 'each rule must be a mapping with id, kind, step, severity, message and tip');
    const fields = raw as Record<string, unknown>;
    const base: Record<string, unknown> = {};
    const options: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) (RULE_BASE_KEYS.includes(k) ? base : options)[k] = v;

    const kind = KINDS[String(base.kind)];
    if (base.kind === undefined) fail([], `rule is missing 'kind'; expected one of ${Object.keys(KINDS).join(', ')}`);
    if (!kind) fail(['kind'], `unknown rule kind '${String(base.kind)}'; expected one of ${Object.keys(KINDS).join(', ')}`);
    const checkedBase = ruleBaseSchema.safeParse(base);
    if (!checkedBase.success) throw schemaProblem(file, locator, at, checkedBase.error);
    const checkedOptions = kind!.options.safeParse(options);
    if (!checkedOptions.success) throw schemaProblem(file, locator, at, checkedOptions.error);
    const info = checkedBase.data;
    if (!info.id.startsWith(`${doc.pack}/`)) fail(['id'], `rule id '${info.id}' must start with its pack name: '${doc.pack}/…'`);

    const ctx: CompileContext = {
      phrases: (patterns, path) => {
        try {
          return compilePhrases(patterns, sets.resolverFor(doc.pack));
        } catch (err) {
          if (!(err instanceof PatternError)) throw err;
          const index = (err as PatternError & { patternIndex?: number }).patternIndex ?? 0;
          throw new PackLoadError({ file, ...locator.inString([...at, ...path, index], err.offset), message: `bad phrase pattern: ${err.message}` });
        }
      },
    };
    return { id: info.id, pack: doc.pack, kind: info.kind, step: info.step, severity: info.severity, message: info.message, tip: info.tip, check: kind!.kind.compile(checkedOptions.data as never, ctx) };
  });
  return { name: doc.pack, description: doc.description, source: doc.source, file, rules };
}

/** Phrase sets of every parsed pack, compiled on first use; a pack's own sets need no prefix. */
class SetRegistry {
  private readonly compiled = new Map<string, Fragment>();
  private readonly pending = new Set<string>();

  constructor(private readonly packs: ReadonlyMap<string, ParsedPack>) {}

  resolverFor(pack: string): (name: string) => Fragment | undefined {
    return (name) => {
      if (name in BUILTIN_SETS) return BUILTIN_SETS[name];
      const [owner, set] = name.includes('.') ? name.split('.', 2) : [pack, name];
      return this.source(owner!, set!);
    };
  }

  private source(pack: string, set: string): Fragment | undefined {
    const key = `${pack}.${set}`;
    const done = this.compiled.get(key);
    if (done !== undefined) return done;
    const parsed = this.packs.get(pack);
    const patterns = parsed?.doc.sets[set];
    if (!parsed || !patterns) return undefined;
    if (this.pending.has(key)) {
      throw new PackLoadError({ file: parsed.file, ...parsed.locator.at(['sets', set]), message: `phrase set '${set}' refers to itself through @ references` });
    }
    this.pending.add(key);
    try {
      const resolve = this.resolverFor(pack);
      const fragments = patterns.map((p, i) => {
        try {
          return compilePattern(p, resolve);
        } catch (err) {
          if (!(err instanceof PatternError)) throw err;
          throw new PackLoadError({ file: parsed.file, ...parsed.locator.inString(['sets', set, i], err.offset), message: `bad phrase pattern in set '${set}': ${err.message}` });
        }
      });
      const fragment = alternativesOf(fragments);
      this.compiled.set(key, fragment);
      return fragment;
    } finally {
      this.pending.delete(key);
    }
  }
}

function schemaProblem(file: string, locator: Locator, at: Path, error: z.ZodError): PackLoadError {
  const issue = error.issues[0]!;
  const path = [...at, ...(issue.path as (string | number)[])];
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const where = path.length ? `${formatPath(path)}: ` : '';
  const message = issue.code === 'unrecognized_keys' ? `unknown key '${key}'` : issue.message.replace(/^Invalid input: /, '');
  return new PackLoadError({ file, ...locator.at(path, key), message: `${where}${message}` });
}

function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function checkDuplicateIds(packs: readonly Pack[], parsed: readonly ParsedPack[], problems: PackProblem[]): void {
  const seen = new Set<string>();
  for (const pack of packs) {
    pack.rules.forEach((rule, i) => {
      if (!seen.has(rule.id)) return void seen.add(rule.id);
      const { locator } = parsed.find((p) => p.file === pack.file)!;
      problems.push({ file: pack.file, ...locator.at(['rules', i, 'id']), message: `duplicate rule id '${rule.id}'` });
    });
  }
}
