// npm run bench: throughput, memory and start-up of callcoach against its nearest JavaScript peer
// (textlint + textlint-rule-prh with the jargon pack's terms) and a raw single-regex scan of the same bytes.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { jsonlCorpus, writeCorpus } from './corpus.mjs';
import { htmlBench } from './html.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILES = Number(process.env.BENCH_FILES ?? 2000);
const STREAMS = (process.env.BENCH_STREAMS ?? '10000,100000').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const WORK = join(tmpdir(), `callcoach-bench-v1-${FILES}`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => bytes / 1e6;

function filesOf(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => /\.(txt|vtt|json)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** One callcoach run in a fresh process: wall time (start-up excluded), CPU time and peak RSS. */
function measure(args, stdinFile) {
  // Its output goes to /dev/null as to a file a user redirects it to (written synchronously, as Node writes files).
  const child = spawn(process.execPath, [join(ROOT, 'bench/measure.mjs'), stdinFile, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) =>
    child.on('close', () => {
      try {
        resolve(JSON.parse(stderr.trim().split('\n').pop()));
      } catch {
        reject(new Error(`callcoach ${args.join(' ')} failed: ${stderr}`));
      }
    }),
  );
}

/** Commands run at the same time, as one: the wall time of the slowest, their CPU times added, the largest peak RSS. */
async function measureTogether(commands) {
  const rs = await Promise.all(commands.map(({ args, stdin = '/dev/null' }) => measure(args, stdin)));
  return {
    wallMs: Math.max(...rs.map((r) => r.wallMs)),
    cpuMs: rs.reduce((n, r) => n + r.cpuMs, 0),
    maxRssKb: Math.max(...rs.map((r) => r.maxRssKb)),
  };
}

/**
 * Several callcoach commands run in turn (A B C A B C …), so a machine whose speed drifts (other work
 * on its cores) slows each alike; each gets its median wall time, its spread and its peak RSS. A
 * command with `together` is several run at once.
 */
async function interleaved(commands, repeat = REPEAT) {
  const runs = commands.map(() => []);
  for (let i = 0; i < repeat; i++)
    for (const [k, { args, stdin = '/dev/null', together }] of commands.entries())
      runs[k].push(await (together ? measureTogether(together) : measure(args, stdin)));
  return runs.map((rs) => ({
    wallMs: median(rs.map((r) => r.wallMs)),
    minMs: Math.min(...rs.map((r) => r.wallMs)),
    maxMs: Math.max(...rs.map((r) => r.wallMs)),
    cpuMs: median(rs.map((r) => r.cpuMs)),
    maxRssMb: median(rs.map((r) => r.maxRssKb)) / 1024,
  }));
}

const streamRate = (n, r) => `${(n / (r.wallMs / 1000)).toFixed(0)} conversations/s`;
const streamNote = (r) => `${spread(r)}; CPU ${(r.cpuMs / 1000).toFixed(1)} s; peak RSS ${r.maxRssMb.toFixed(0)} MB`;

/** The first and second halves of a JSON Lines file, written beside it once. */
function halvesOf(file) {
  const halves = [`${file}.half-1`, `${file}.half-2`];
  if (!halves.every((h) => existsSync(h))) {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const middle = Math.ceil(lines.length / 2);
    writeFileSync(halves[0], `${lines.slice(0, middle).join('\n')}\n`);
    writeFileSync(halves[1], `${lines.slice(middle).join('\n')}\n`);
  }
  return halves;
}

const spread = (r) => `spread ${(r.minMs / 1000).toFixed(2)}–${(r.maxMs / 1000).toFixed(2)} s`;

/** Median wall times of whole commands, start-up included, run in turn. */
function walls(commands, times = 11) {
  const ms = commands.map(() => []);
  for (let i = 0; i < times; i++)
    commands.forEach(([cmd, args], k) => {
      const t = performance.now();
      spawnSync(cmd, args, { stdio: 'ignore' });
      ms[k].push(performance.now() - t);
    });
  return ms.map(median);
}

function jargonTerms() {
  const pack = parse(readFileSync(join(ROOT, 'rules/jargon.yaml'), 'utf8'));
  const entries = pack.rules[0].terms;
  // Phrase-pattern operators have no meaning to prh or a plain regex: keep the literal variants.
  return entries.map((e) => ({
    plain: e.plain,
    variants: (Array.isArray(e.term) ? e.term : [e.term])
      .flatMap((t) => t.split('|'))
      .map((t) =>
        t
          .replace(/[()[\]=*@]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter(Boolean),
  }));
}

// No "\-": prh compiles patterns with the u flag, which rejects needless escapes.
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

async function textlint(files, dict) {
  const { createLinter } = await import('textlint');
  const { TextlintKernelDescriptor } = await import('@textlint/kernel');
  const text = (await import('@textlint/textlint-plugin-text')).default;
  const prh = (await import('textlint-rule-prh')).default;
  const descriptor = new TextlintKernelDescriptor({
    rules: [{ ruleId: 'prh', rule: prh.default ?? prh, options: { rulePaths: [dict] } }],
    plugins: [{ pluginId: 'text', plugin: text.default ?? text }],
    filterRules: [],
  });
  const linter = createLinter({ descriptor });
  let bytes = 0;
  let messages = 0;
  const t = performance.now();
  for (const f of files) {
    const content = readFileSync(f, 'utf8');
    bytes += Buffer.byteLength(content);
    messages += (await linter.lintText(content, `${f}.txt`)).messages.length;
  }
  return { ms: performance.now() - t, bytes, messages };
}

function rawScan(files, terms) {
  const re = new RegExp(
    `\\b(?:${terms
      .flatMap((t) => t.variants)
      .map(escapeRe)
      .join('|')})\\b`,
    'gi',
  );
  const runs = [];
  let bytes = 0;
  for (let i = 0; i < REPEAT; i++) {
    bytes = 0;
    const t = performance.now();
    for (const f of files) {
      const s = readFileSync(f, 'utf8');
      bytes += Buffer.byteLength(s);
      for (const _ of s.matchAll(re));
    }
    runs.push(performance.now() - t);
  }
  return { ms: median(runs), bytes };
}

async function main() {
  spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const corpus = join(WORK, 'files');
  if (!existsSync(join(WORK, 'ready'))) {
    mkdirSync(corpus, { recursive: true });
    writeCorpus(corpus, FILES);
    writeFileSync(join(WORK, 'ready'), '');
  }
  const files = filesOf(corpus);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const star = join(ROOT, '../shared/corpora/star/conversations.normalized.jsonl.gz');

  const rows = [];
  const add = (what, value, note = '') => rows.push([what, value, note]);
  add(
    'corpus',
    `${files.length} calls, ${mb(bytes).toFixed(1)} MB (${(bytes / files.length / 1024).toFixed(1)} KB each; text, timed text, WebVTT, Call Analytics JSON)`,
  );

  const check = (jobs) => ({ args: ['check', '-f', 'jsonl', ...(jobs ? ['--jobs', jobs] : []), corpus] });
  const [j1, j2, auto] = await interleaved([check('1'), check('2'), check(undefined)]);
  const rate = (r) => ({ mbs: mb(bytes) / (r.wallMs / 1000), cps: files.length / (r.wallMs / 1000) });
  for (const [what, r] of [
    ['callcoach --jobs 1', j1],
    ['callcoach --jobs 2', j2],
    ['callcoach (default job count)', auto],
  ])
    add(
      what,
      `${rate(r).mbs.toFixed(2)} MB/s, ${rate(r).cps.toFixed(0)} conversations/s`,
      `${spread(r)}; CPU ${(r.cpuMs / 1000).toFixed(2)} s; peak RSS ${r.maxRssMb.toFixed(0)} MB`,
    );

  const terms = jargonTerms();
  const dict = join(WORK, 'prh.yml');
  writeFileSync(
    dict,
    `version: 1\nrules:\n${terms.flatMap((t) => t.variants.map((v) => `  - expected: ${JSON.stringify(t.plain)}\n    pattern: ${JSON.stringify(`/\\b${escapeRe(v)}\\b/i`)}\n`)).join('')}`,
  );
  const sample = files.slice(0, Math.min(files.length, 300));
  const tl = await textlint(sample, dict);
  const tlRate = mb(tl.bytes) / (tl.ms / 1000);
  add('textlint + prh (jargon terms)', `${tlRate.toFixed(3)} MB/s`, `${sample.length} calls, ${tl.messages} messages`);

  const raw = rawScan(files, terms);
  const rawRate = mb(raw.bytes) / (raw.ms / 1000);
  add('raw single-regex scan (read + match)', `${rawRate.toFixed(1)} MB/s`, `${terms.flatMap((t) => t.variants).length} alternatives`);

  const bin = join(ROOT, 'bin/callcoach.js');
  const [nodeStart, version, oneFile] = walls([
    [process.execPath, ['-e', '0']],
    [process.execPath, [bin, '--version']],
    [process.execPath, [bin, 'check', join(ROOT, 'fixtures/calls/pharmacy-refill.txt')]],
  ]);
  add('node -e 0', `${nodeStart.toFixed(0)} ms`, `NODE_EXTRA_CA_CERTS ${process.env.NODE_EXTRA_CA_CERTS ? 'set' : 'unset'}`);
  add('callcoach --version', `${version.toFixed(0)} ms`);
  add('callcoach check (one file)', `${oneFile.toFixed(0)} ms`);

  const stream = (file, jobs) => ({ args: ['check', '--stdin-format', 'jsonl', '-f', 'jsonl', '--jobs', jobs, '-'], stdin: file });
  const streams = [];
  let streamJobs;
  for (const n of STREAMS) {
    const file = join(WORK, `stream-${n}.jsonl`);
    if (!existsSync(file)) {
      const out = createWriteStream(file);
      jsonlCorpus(n, (line) => out.write(line));
      await new Promise((resolve) => out.end(resolve));
    }
    // The first (shorter) stream at both job counts, and as two halves checked at once by two processes
    // at --jobs 1: nothing shared, nothing handed over, the most two threads get from this machine. The
    // longer ones, which take minutes and show memory staying flat (no median needed), once at --jobs 2.
    const first = streams.length === 0;
    if (first) {
      const halves = halvesOf(file);
      const [r, one, split] = await interleaved(
        [stream(file, '2'), stream(file, '1'), { together: halves.map((half) => stream(half, '1')) }],
        Math.min(REPEAT, 3),
      );
      streamJobs = { n, j1: one, j2: r, split };
      streams.push({ n, ...r });
      for (const [what, x] of [
        ['--jobs 1', one],
        ['--jobs 2', r],
        ['two --jobs 1 processes, a half each', split],
      ])
        add(`stream of ${n} conversations (${what})`, streamRate(n, x), streamNote(x));
    } else {
      const [r] = await interleaved([stream(file, '2')], 1);
      streams.push({ n, ...r });
      add(`stream of ${n} conversations (--jobs 2)`, streamRate(n, r), streamNote(r));
    }
  }
  if (existsSync(star)) {
    // Real chat dialogues (Rasa STAR, MIT): the same pipeline on text nobody wrote for this benchmark.
    const file = join(WORK, 'star.jsonl');
    if (!existsSync(file)) writeFileSync(file, gunzipSync(readFileSync(star)));
    const count = readFileSync(file, 'utf8').trimEnd().split('\n').length;
    const byJobs = await interleaved([stream(file, '1'), stream(file, '2')], 1);
    byJobs.forEach((r, k) =>
      add(
        `STAR corpus, ${count} dialogues (--jobs ${k + 1})`,
        `${(mb(statSync(file).size) / (r.wallMs / 1000)).toFixed(2)} MB/s, ${(count / (r.wallMs / 1000)).toFixed(0)} conversations/s`,
        `peak RSS ${r.maxRssMb.toFixed(0)} MB`,
      ),
    );
  }

  const last = streams.at(-1);
  const ratios = [
    ['callcoach / textlint+prh (jobs 1)', rate(j1).mbs / tlRate, '≥ 50×'],
    ['callcoach / raw scan (jobs 1)', rate(j1).mbs / rawRate, '≥ 0.10'],
    ['jobs 2 / jobs 1, bench corpus', j1.wallMs / j2.wallMs, '≥ 1.6×'],
    ['default job count / jobs 1, bench corpus', j1.wallMs / auto.wallMs, '≥ 1.0×'],
    [`jobs 2 / jobs 1, stream of ${streamJobs.n}`, streamJobs.j1.wallMs / streamJobs.j2.wallMs, '≥ 1.6×'],
    [
      `two processes on halves / jobs 1, stream of ${streamJobs.n}`,
      streamJobs.j1.wallMs / streamJobs.split.wallMs,
      'none: the most two threads reach here',
    ],
    ['one-file check / node -e 0', oneFile / nodeStart, '≤ 3×'],
    ['--version / node -e 0', version / nodeStart, '≤ 3×'],
    [
      `peak RSS ${last.n} / ${streams[0].n} conversations`,
      last.maxRssMb / streams[0].maxRssMb,
      `≤ 1.2, < 300 MB (${last.maxRssMb.toFixed(0)} MB)`,
    ],
  ];
  // The HTML report in Chromium (BENCH_HTML=0 leaves it out; BENCH_HTML_SIZES=1000,10000 by default).
  if (process.env.BENCH_HTML !== '0')
    rows.push(...(await htmlBench(ROOT, (process.env.BENCH_HTML_SIZES ?? '1000,10000').split(',').map(Number))));
  const width = Math.max(...rows.map((r) => r[0].length), ...ratios.map((r) => r[0].length));
  console.log('\ncallcoach benchmark\n');
  for (const [what, value, note] of rows) console.log(`${what.padEnd(width)}  ${value}${note ? `  (${note})` : ''}`);
  console.log('');
  for (const [what, value, target] of ratios) console.log(`${what.padEnd(width)}  ${value.toFixed(value < 0.1 ? 3 : 2)}  target ${target}`);
  // Other work on the machine's cores shows as spread: a run's figures are only as quiet as its machine.
  console.log(
    `\nload average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} on ${availableParallelism()} cores`,
  );
}

await main();
