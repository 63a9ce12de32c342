import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkSource, colors, REPORTERS, SummaryBuilder } from '../../dist/index.js';
import { runInfoOf } from '../../dist/results/model.js';
import { bundledPackFiles } from '../../dist/rules/load.js';
import { prepare } from '../../dist/run/setup.js';
import { ROOT } from '../cli/run-cli.js';
import { SHAPES } from './shapes.js';
import { invalidOutput } from './validators.js';

const { rules, packs } = prepare({ packFiles: bundledPackFiles(), cwd: ROOT });
const info = runInfoOf(
  packs.map((p) => p.name),
  rules,
);
const context = { rules: info.rules, packs: info.packs, color: colors({ isTTY: true, env: { FORCE_COLOR: '1' } }) };
const FORMATS = Object.keys(REPORTERS);

/** Every fixture and vendor sample, by name: the seeds that mutations start from. */
export const SEEDS: readonly { path: string; text: string }[] = ['fixtures/calls', 'fixtures/formats', 'fixtures/malformed'].flatMap(
  (dir) => readdirSync(join(ROOT, dir)).map((name) => ({ path: name, text: readFileSync(join(ROOT, dir, name), 'utf8') })),
);

export interface Outcome {
  /** An exception escaped the pipeline or a reporter. */
  thrown?: string;
  /** An output its format's validator rejects. */
  invalid?: string;
  /** Results reporting an internal error (a reader or rule bug caught at the boundary). */
  internal: number;
  ms: number;
}

/** Reads, checks and renders one input in every format, and validates each output. */
export function runCase(path: string, text: string): Outcome {
  const started = performance.now();
  let internal = 0;
  try {
    const results = checkSource({ path, text }, { rules });
    const builder = new SummaryBuilder(true);
    for (const r of results) {
      builder.add(r);
      internal += r.errors.filter((e) => e.internal).length;
      const bad = nonFinite(r);
      if (bad) return { invalid: `${bad} is not a finite number`, internal, ms: performance.now() - started };
    }
    const summary = builder.build();
    for (const format of FORMATS) {
      const reporter = REPORTERS[format]!(context);
      const output = reporter.head() + results.map((r) => reporter.file(r)).join('') + reporter.tail(summary);
      const problem = invalidOutput(format, output);
      if (problem) return { invalid: `${format}: ${problem}`, internal, ms: performance.now() - started };
    }
  } catch (err) {
    return { thrown: err instanceof Error ? (err.stack ?? err.message) : String(err), internal, ms: performance.now() - started };
  }
  return { internal, ms: performance.now() - started };
}

/** The path of the first number in a result that is NaN or infinite (JSON would silently write null). */
function nonFinite(value: unknown, at = 'result'): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : at;
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      const found = nonFinite(v, `${at}.${k}`);
      if (found) return found;
    }
  return undefined;
}

const EXTENSIONS = ['.txt', '.vtt', '.srt', '.json', '.jsonl'];
const nasty = fc.constantFrom(
  '\u001b[2J',
  '\u001b]8;;http://x\u001b\\',
  '\u0000',
  '\u202e',
  '\ud800',
  '=cmd',
  '@x',
  '<b>',
  '`',
  '|',
  '&amp;',
  '-->',
  '\r',
  '\t',
  '[',
  ']',
  ':',
  '"',
  '\\',
);
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  nasty,
  fc.constantFrom(
    'Agent: ',
    'Customer: ',
    '[00:01] ',
    '00:00:01,000 --> 00:00:02,000',
    '00:00:01.000 --> 00:00:02.000',
    '<v Agent>',
    'WEBVTT',
    '---',
    '\n',
    '\n\n',
    '1\n',
  ),
);

/** Byte and line mutations of a seed: replace, insert, delete, duplicate, truncate. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.nat({ max: 8 }), text: piece }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: piece }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat(), times: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'replace':
      return text.slice(0, at) + m.text + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      return [...lines.slice(0, i + 1), ...Array(m.times).fill(lines[i]), ...lines.slice(i + 1)].join('\n');
    }
  }
}

/** An input: a mutated seed (kept under its own name, or renamed to another reader), arbitrary JSON, lines of pieces, or a small hostile shape. */
export const inputs: fc.Arbitrary<{ path: string; text: string }> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...SEEDS),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.option(fc.constantFrom(...EXTENSIONS), { freq: 5 }),
      )
      .map(([seed, ms, ext]) => ({ path: ext ? seed.path.replace(/\.\w+$/, ext) : seed.path, text: ms.reduce(mutate, seed.text) })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom('.json', '.jsonl', '.txt'))
      .map(([v, ext]) => ({ path: `j${ext}`, text: JSON.stringify(v) })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.array(
          fc.record(
            {
              speaker: fc.oneof(fc.string(), nasty),
              text: fc.oneof(fc.string(), nasty),
              startMs: fc.option(fc.oneof(fc.integer(), fc.double())),
              endMs: fc.option(fc.integer()),
              role: fc.option(fc.constantFrom('agent', 'customer', 'other', 'x')),
            },
            { requiredKeys: ['speaker', 'text'] },
          ),
          { maxLength: 8 },
        ),
        fc.option(fc.string()),
      )
      .map(([turns, id]) => ({
        path: 'c.json',
        text: JSON.stringify({ ...(id !== null && { id }), turns }, (_k, v) => (v === null ? undefined : v)),
      })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.array(piece, { maxLength: 30 }), fc.constantFrom(...EXTENSIONS))
      .map(([ps, ext]) => ({ path: `p${ext}`, text: ps.join('') })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...SHAPES), fc.integer({ min: 1, max: 3000 })).map(([s, n]) => ({ path: s.path, text: s.make(n) })),
  },
);

export interface FuzzFigures {
  cases: number;
  thrown: number;
  invalid: number;
  internal: number;
  slowest: number;
  failures: { path: string; text: string; why: string }[];
}

/** Runs `cases` inputs from a fixed seed and counts what went wrong. */
export function fuzz(cases: number, seed: number, hangMs = 5_000): FuzzFigures {
  const figures: FuzzFigures = { cases: 0, thrown: 0, invalid: 0, internal: 0, slowest: 0, failures: [] };
  fc.assert(
    fc.property(inputs, ({ path, text }) => {
      const o = runCase(path, text);
      figures.cases++;
      figures.internal += o.internal;
      figures.slowest = Math.max(figures.slowest, o.ms);
      const why = o.thrown
        ? `threw: ${o.thrown}`
        : o.invalid
          ? `invalid output: ${o.invalid}`
          : o.ms > hangMs
            ? `took ${o.ms.toFixed(0)} ms`
            : undefined;
      if (o.thrown) figures.thrown++;
      if (o.invalid) figures.invalid++;
      if (why && figures.failures.length < 10) figures.failures.push({ path, text: text.slice(0, 300), why: why.slice(0, 500) });
      return true;
    }),
    { numRuns: cases, seed },
  );
  return figures;
}
