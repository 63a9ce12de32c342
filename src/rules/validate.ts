import { readFileSync } from 'node:fs';
import { type Document, parseDocument } from 'yaml';
import { z } from 'zod';
import { definedOnly } from '../util/defined.js';
import { didYouMean } from '../util/did-you-mean.js';
import { firstYamlError } from '../util/yaml-error.js';
import { Locator, type Path } from './locate.js';
import { packNameOf } from './pack-files.js';
import { PackLoadError } from './problems.js';
import { kindOptions } from './schema/kinds.js';
import { packSchema, RULE_BASE_KEYS, ruleBaseSchema } from './schema/pack.js';
import type { RuleInfo } from './types.js';

// Validation is the only user of zod and the YAML parser for packs: load.ts requires this module
// only for packs without a prebuilt snapshot, so a plain `check` starts without them.

/** A rule that passed validation: its common fields and its kind's options (defaults filled in). */
interface ValidatedRule {
  info: Omit<RuleInfo, 'pack'>;
  options: Record<string, unknown>;
}

export interface ValidatedPack {
  pack: string;
  description: string;
  source: string;
  sets: Record<string, string[]>;
  rules: ValidatedRule[];
}

/**
 * Reads a YAML file (a pack or a config) up to its parsed document: unreadable, oversized, deeply
 * nested or invalid YAML is a PackLoadError located in the file.
 */
export function readYamlFile(file: string, what: 'pack' | 'config'): { yaml: Document; locator: Locator } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PackLoadError({ file, line: 1, column: 1, message: `cannot read ${what}: ${(err as Error).message}` });
  }
  refuseOversized(file, text);
  const yaml = parseDocument(text, { uniqueKeys: true });
  const yamlError = firstYamlError(yaml);
  if (yamlError) {
    // An unquoted pattern that starts with "[" reads as a YAML list, and YAML's complaint does not say so.
    const bracket = /^\s*-\s*\[[^\]]*\]\s*\S/.test(text.split(/\r?\n/)[yamlError.line - 1] ?? '');
    const hint = bracket ? " (a pattern that starts with '[' must be quoted)" : '';
    throw new PackLoadError({ file, line: yamlError.line, column: yamlError.column, message: `invalid YAML: ${yamlError.message}${hint}` });
  }
  return { yaml, locator: new Locator(yaml, text) };
}

/** Reads and fully validates one pack file; throws PackLoadError with file, line and column. */
export function validatePack(file: string): { doc: ValidatedPack; locator: Locator } {
  const { yaml, locator } = readYamlFile(file, 'pack');
  const result = packSchema.safeParse(yaml.toJS());
  if (!result.success) throw schemaProblem(file, locator, [], result.error);
  const expected = packNameOf(file);
  if (result.data.pack !== expected) {
    throw new PackLoadError({
      file,
      ...locator.at(['pack']),
      message: `pack name '${result.data.pack}' must match its file name '${expected}'`,
    });
  }
  const { pack, description, source, sets } = result.data;
  return {
    doc: { pack, description, source, sets, rules: result.data.rules.map((raw, i) => validateRule(raw, i, pack, file, locator)) },
    locator,
  };
}

function validateRule(raw: unknown, i: number, pack: string, file: string, locator: Locator): ValidatedRule {
  const at: Path = ['rules', i];
  const fail = (path: Path, message: string): never => {
    throw new PackLoadError({ file, ...locator.at([...at, ...path]), message });
  };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    fail([], 'each rule must be a mapping with id, kind, step, severity, message and tip');
  const base: Record<string, unknown> = {};
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) (RULE_BASE_KEYS.includes(k) ? base : options)[k] = v;

  const known = kindOptions();
  const kinds = [...known.keys()].join(', ');
  if (base.kind === undefined) fail([], `rule is missing 'kind'; expected one of ${kinds}`);
  const schema = known.get(String(base.kind));
  if (!schema)
    fail(['kind'], `unknown rule kind '${String(base.kind)}'${didYouMean(String(base.kind), known.keys())}; expected one of ${kinds}`);
  // Options first: a misspelt common key ("severty") lands among them, and is best reported as itself.
  const checkedOptions = schema!.safeParse(options);
  if (!checkedOptions.success) throw schemaProblem(file, locator, at, checkedOptions.error, keysOf(String(base.kind)));
  const checkedBase = ruleBaseSchema.safeParse(base);
  if (!checkedBase.success) throw schemaProblem(file, locator, at, checkedBase.error);
  const { id, kind, step, severity, message, tip, description, handled, channels, tips, severities, portraits, tests } = checkedBase.data;
  if (!id.startsWith(`${pack}/`)) fail(['id'], `rule id '${id}' must start with its pack name: '${pack}/…'`);
  return {
    info: {
      ...definedOnly({ id, kind, step, severity, message, tip, description, handled, channels, tips, severities, portraits }),
      tests,
    },
    options: checkedOptions.data as Record<string, unknown>,
  };
}

/** Every property name a kind's rules may use (its own and the common ones), for "did you mean". */
const keyCache = new Map<string, string[]>();
function keysOf(kind: string): string[] {
  let keys = keyCache.get(kind);
  if (!keys) {
    const found = new Set(RULE_BASE_KEYS);
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      if (props) for (const k of Object.keys(props)) found.add(k);
      Object.values(node).forEach(walk);
    };
    walk(z.toJSONSchema(kindOptions().get(kind)!, { io: 'input', unrepresentable: 'any' }));
    keyCache.set(kind, (keys = [...found]));
  }
  return keys;
}

export function schemaProblem(
  file: string,
  locator: Locator,
  at: Path,
  error: z.ZodError,
  knownKeys: readonly string[] = RULE_BASE_KEYS,
): PackLoadError {
  // A misspelt key also makes its correct spelling missing; the misspelling is the problem to show.
  const issue = error.issues.find((i) => i.code === 'unrecognized_keys') ?? error.issues[0]!;
  const path = [...at, ...(issue.path as (string | number)[])];
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const where = path.length ? `${formatPath(path)}: ` : '';
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown key '${key}'${didYouMean(key!, knownKeys)}`
      : (allowed(issue) ??
        issue.message.replace(/^Invalid input: /, '').replace(/^expected (\w+), received undefined$/, 'missing: expected a $1'));
  return new PackLoadError({ file, ...locator.at(path, key), message: `${where}${message}` });
}

/**
 * What the value may be, when the schema lists it (an enum, or a union of an enum and other shapes):
 * "expected one of off, info, warning, error, or an object" rather than zod's "Invalid input".
 */
function allowed(issue: z.core.$ZodIssue): string | undefined {
  const branches = issue.code === 'invalid_union' ? issue.errors.flat() : [issue];
  const values = branches.flatMap((b) => (b.code === 'invalid_value' ? b.values.map(String) : []));
  if (values.length === 0) return undefined;
  const shapes = branches.flatMap((b) => (b.code === 'invalid_type' && b.expected !== 'string' ? [`an ${b.expected}`] : []));
  return `expected one of ${values.join(', ')}${shapes.length ? `, or ${[...new Set(shapes)].join(' or ')}` : ''}`;
}

const MAX_PACK_BYTES = 1_000_000;
const MAX_PACK_DEPTH = 32;

/**
 * Refuses a pack too large or too deeply nested before the YAML parser sees it: a hostile or broken
 * file must not exhaust memory or the stack (the parser can abort the process on very deep input).
 */
function refuseOversized(file: string, text: string): void {
  if (text.length > MAX_PACK_BYTES)
    throw new PackLoadError({
      file,
      line: 1,
      column: 1,
      message: `pack file is ${Math.round(text.length / 1000)} KB; packs are limited to ${MAX_PACK_BYTES / 1000} KB`,
    });
  let flow = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let deepest = flow;
    for (const ch of line.replace(/(["'])(?:(?!\1).)*\1/g, '').replace(/#.*$/, '')) {
      if (ch === '[' || ch === '{') deepest = Math.max(deepest, ++flow);
      else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
    }
    const indent = /^ */.exec(line)![0].length / 2 + (line.match(/^\s*(?:- )+/)?.[0].split('-').length ?? 1) - 1;
    if (deepest > MAX_PACK_DEPTH || indent > MAX_PACK_DEPTH) {
      throw new PackLoadError({
        file,
        line: i + 1,
        column: 1,
        message: `pack nests deeper than ${MAX_PACK_DEPTH} levels; a pack needs only a few`,
      });
    }
  }
}

function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** A locator for a pack already known to be valid (for pattern errors found while compiling). */
export function locatorFor(file: string): Locator {
  const text = readFileSync(file, 'utf8');
  return new Locator(parseDocument(text) as Document, text);
}
