import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_SETS } from '../text/builtin-sets.js';
import { alternativesOf, type Fragment } from '../text/phrase.js';
import { PhraseIndex } from '../text/phrase-index.js';
import { type FragmentJson, fragmentFromJson, fragmentToJson } from '../text/phrase-json.js';
import { compilePattern, compilePhrases, PatternError } from '../text/phrase-pattern.js';
import { KINDS } from './kinds/index.js';
import { BUNDLED_RULES_DIR, packNameOf } from './pack-files.js';
import type { Locator } from './locate.js';
import { isPackLoadError, PackLoadError, type PackProblem } from './problems.js';
import type { CompiledRule, CompileContext } from './types.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { ValidatedPack } from './validate.js';

export type { PackProblem } from './problems.js';
export { BUNDLED_RULES_DIR, bundledPackFiles } from './pack-files.js';

export interface Pack {
  name: string;
  description: string;
  source: string;
  file: string;
  rules: CompiledRule[];
  /** The rule compiled again with other options (already validated), for configuration overrides. */
  recompile(rule: CompiledRule, options: Record<string, unknown>): CompiledRule;
}

export interface LoadResult {
  packs: Pack[];
  problems: PackProblem[];
}

/** The bundled packs, validated at build time (see scripts/snapshot-packs.mjs). */
export const SNAPSHOT_FILE = fileURLToPath(new URL('../bundled-packs.json', import.meta.url));

// zod and the YAML parser cost a third of a plain run's start-up; only packs without a valid
// snapshot need them, so validation is loaded on first use (synchronously: require of ES modules).
const require = createRequire(import.meta.url);
let validation: typeof import('./validate.js') | undefined;
const validator = () => (validation ??= require('./validate.js') as typeof import('./validate.js'));

/** The snapshot's layout: a snapshot written by another layout is not read. */
export const SNAPSHOT_VERSION = 2;

interface Snapshot {
  snapshotVersion: typeof SNAPSHOT_VERSION;
  /** Which validation code produced it: a snapshot from before a schema change is not trusted. */
  validator: string;
  packs: Record<string, { sha1: string; doc: ValidatedPack }>;
  /** Compiled phrase lists of the bundled packs, by `pack\u0001patterns` (valid only with every pack unchanged). */
  phrases: Record<string, FragmentJson>;
}

export const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** A hash of the compiled validation code: the validator, the shared schemas and each kind (whose options schema it holds). */
export function validatorFingerprint(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const files = ['validate.js', ...['schema', 'kinds'].flatMap((dir) => readdirSync(join(here, dir)).map((f) => join(dir, f)))]
    .filter((f) => f.endsWith('.js'))
    .sort();
  return sha1(files.map((f) => readFileSync(join(here, f), 'utf8')).join('\u0000'));
}

// The CLI's bundle is built from the same compiled files as the snapshot, so it carries their
// fingerprint (scripts/bundle.mjs) instead of reading and hashing them on every start.
declare const BUNDLED_VALIDATOR: string | undefined;
const currentValidator = () => (typeof BUNDLED_VALIDATOR === 'string' ? BUNDLED_VALIDATOR : validatorFingerprint());

let snapshot: Snapshot | null | undefined;
function readSnapshot(): Snapshot | null {
  if (snapshot === undefined) {
    try {
      const read = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Snapshot;
      snapshot = read.snapshotVersion === SNAPSHOT_VERSION && read.validator === currentValidator() ? read : null;
    } catch {
      snapshot = null;
    }
  }
  return snapshot;
}

function snapshotFor(file: string): ValidatedPack | undefined {
  if (resolve(dirname(file)) !== resolve(BUNDLED_RULES_DIR)) return undefined;
  const entry = readSnapshot()?.packs[basename(file)];
  // A pack edited since the build is validated again: the snapshot only stands in for identical files.
  return entry && entry.sha1 === sha1(readFileSync(file, 'utf8')) ? entry.doc : undefined;
}

/** Compiled phrase lists by pack and patterns: filled from the snapshot, or as packs compile. */
export const phraseCache = new Map<string, Fragment>();
const phraseKey = (pack: string, patterns: readonly string[]) => `${pack}\u0001${patterns.join('\u0000')}`;

export function phraseCacheJson(): Record<string, FragmentJson> {
  return Object.fromEntries([...phraseCache].map(([k, f]) => [k, fragmentToJson(f)]));
}

interface ParsedPack {
  file: string;
  doc: ValidatedPack;
  /** Built on demand: only a problem needs to point into the file. */
  locator: () => Locator;
  fromSnapshot: boolean;
}

function parsePack(file: string): ParsedPack {
  const known = snapshotFor(file);
  if (known) {
    let located: Locator | undefined;
    return { file, doc: known, locator: () => (located ??= validator().locatorFor(file)), fromSnapshot: true };
  }
  const { doc, locator } = validator().validatePack(file);
  return { file, doc, locator: () => locator, fromSnapshot: false };
}

/**
 * Validates every pack fully, then compiles the rules of the selected ones (all when `only` is
 * omitted). Unselected packs are still parsed so their phrase sets can be shared as @pack.set.
 */
export function loadPacks(files: readonly string[], only?: readonly string[]): LoadResult {
  const problems: PackProblem[] = [];
  const parsed: ParsedPack[] = [];
  const failed = new Set<string>();
  for (const file of files) {
    try {
      parsed.push(parsePack(file));
    } catch (err) {
      if (!isPackLoadError(err)) throw err;
      problems.push(err.problem);
      failed.add(packNameOf(file));
    }
  }
  const byName = new Map(parsed.map((p) => [p.doc.pack, p]));
  if (only) {
    for (const name of only) {
      // A pack that failed to load has been reported already.
      if (!byName.has(name) && !failed.has(name))
        problems.push({
          file: '--packs',
          line: 1,
          column: 1,
          message: `unknown pack '${name}'${didYouMean(name, byName.keys())}; available: ${[...byName.keys()].sort().join(', ')}`,
        });
    }
  }
  const sets = new SetRegistry(byName);
  // Set references cross packs, so compiled phrases are reused only when every pack came from the snapshot.
  if (parsed.length > 0 && parsed.every((p) => p.fromSnapshot) && phraseCache.size === 0) {
    for (const [key, json] of Object.entries(readSnapshot()?.phrases ?? {})) phraseCache.set(key, fragmentFromJson(json));
  }
  const usePhraseCache = parsed.every((p) => p.fromSnapshot);
  const packs: Pack[] = [];
  // Where every pack's phrase lists can start is looked up once per turn.
  const index = new PhraseIndex();
  for (const p of parsed) {
    if (only && !only.includes(p.doc.pack)) continue;
    try {
      packs.push(compilePack(p, sets, index, usePhraseCache));
    } catch (err) {
      if (!isPackLoadError(err)) throw err;
      problems.push(err.problem);
    }
  }
  checkDuplicateIds(packs, parsed, problems);
  return { packs, problems };
}

function compilePack({ file, doc, locator }: ParsedPack, sets: SetRegistry, index: PhraseIndex, useCache: boolean): Pack {
  const compile = (
    info: ValidatedPack['rules'][number]['info'],
    options: Record<string, unknown>,
    i: number,
    cache: boolean,
  ): CompiledRule => {
    const ctx: CompileContext = {
      phrases: (patterns, path) => {
        const key = phraseKey(doc.pack, patterns);
        const cached = cache ? phraseCache.get(key) : undefined;
        if (cached) return index.set(cached);
        try {
          const compiled = compilePhrases(patterns, sets.resolverFor(doc.pack), index);
          if (cache) phraseCache.set(key, compiled.fragment);
          return compiled;
        } catch (err) {
          if (!(err instanceof PatternError)) throw err;
          const index = (err as PatternError & { patternIndex?: number }).patternIndex ?? 0;
          const message = `bad phrase pattern: ${err.message}${unknownSetHint(err.message, doc.pack, sets)}`;
          throw new PackLoadError({ file, ...locator().inString(['rules', i, ...path, index], err.offset), message });
        }
      },
    };
    return { ...info, pack: doc.pack, options, check: KINDS[info.kind]!.compile(options, ctx) };
  };
  const rules = doc.rules.map(({ info, options }, i) => compile(info, options, i, useCache));
  return {
    name: doc.pack,
    description: doc.description,
    source: doc.source,
    file,
    rules,
    recompile: (rule, options) => compile(doc.rules.find((r) => r.info.id === rule.id)!.info, options, rules.indexOf(rule), false),
  };
}

function unknownSetHint(message: string, pack: string, sets: SetRegistry): string {
  const name = /unknown phrase set '@([^']+)'/.exec(message)?.[1];
  return name ? didYouMean(name, sets.namesFor(pack)) : '';
}

/** Phrase sets of every parsed pack, compiled on first use; a pack's own sets need no prefix. */
class SetRegistry {
  private readonly compiled = new Map<string, Fragment>();
  private readonly pending = new Set<string>();

  constructor(private readonly packs: ReadonlyMap<string, ParsedPack>) {}

  /** Every set name a pattern in `pack` can use. */
  namesFor(pack: string): string[] {
    const own = Object.keys(this.packs.get(pack)?.doc.sets ?? {});
    const others = [...this.packs].flatMap(([name, p]) => Object.keys(p.doc.sets).map((s) => `${name}.${s}`));
    return [...Object.keys(BUILTIN_SETS), ...own, ...others];
  }

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
      throw new PackLoadError({
        file: parsed.file,
        ...parsed.locator().at(['sets', set]),
        message: `phrase set '${set}' refers to itself through @ references`,
      });
    }
    this.pending.add(key);
    try {
      const resolve = this.resolverFor(pack);
      const fragments = patterns.map((p, i) => {
        try {
          return compilePattern(p, resolve);
        } catch (err) {
          if (!(err instanceof PatternError)) throw err;
          throw new PackLoadError({
            file: parsed.file,
            ...parsed.locator().inString(['sets', set, i], err.offset),
            message: `bad phrase pattern in set '${set}': ${err.message}`,
          });
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

function checkDuplicateIds(packs: readonly Pack[], parsed: readonly ParsedPack[], problems: PackProblem[]): void {
  const seen = new Set<string>();
  for (const pack of packs) {
    pack.rules.forEach((rule, i) => {
      if (!seen.has(rule.id)) return void seen.add(rule.id);
      const { locator } = parsed.find((p) => p.file === pack.file)!;
      problems.push({ file: pack.file, ...locator().at(['rules', i, 'id']), message: `duplicate rule id '${rule.id}'` });
    });
  }
}
