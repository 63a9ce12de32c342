// Findings per 100 conversations and the score distribution on the whole real corpora in
// ../shared/corpora (IBM Twitter care, STAR chats), for `npm run eval`. With --sample FILE it also
// writes 20 random findings per rule (fixed seed, conversations outside the labelled real-dev set)
// with their context, for checking by hand. CALLCOACH_BIN runs another build (for before/after figures).
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { SummaryBuilder } from '../dist/results/summary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpora = join(root, '..', 'shared', 'corpora');
const bin = process.env.CALLCOACH_BIN ?? join(root, 'bin', 'callcoach.js');
const sampleFile = process.argv.includes('--sample') ? process.argv[process.argv.indexOf('--sample') + 1] : undefined;
const CORPORA = [
  ['ibm-twitter-cdp', 'ibm-twitter-cdp/conversations.normalized.jsonl'],
  ['star', 'star/conversations.normalized.jsonl.gz'],
];

if (!existsSync(corpora)) {
  console.log(`no corpora at ${corpora}: nothing to measure`);
  process.exit(0);
}
const realDev = new Set(
  existsSync(join(root, '..', 'shared', 'eval', 'real-dev'))
    ? readdirSync(join(root, '..', 'shared', 'eval', 'real-dev')).map((f) => f.replace(/\.json$/, ''))
    : [],
);

/** A normalized corpus record as callcoach's native JSON (tool events dropped, times in ms). */
function nativeOf(record) {
  const turns = record.turns
    .filter((t) => t.role !== 'system')
    .map((t) => ({ speaker: t.speaker, role: t.role, text: t.text, ...(typeof t.t === 'number' && { startMs: Math.round(t.t * 1000) }) }));
  return { id: record.id, metadata: { channel: record.channel, corpus: record.corpus }, turns };
}

async function measure(name, file) {
  const path = join(corpora, file);
  const input = createReadStream(path);
  const lines = createInterface({ input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
  const child = spawn(process.execPath, [bin, 'check', '--stdin-format', 'jsonl', '-f', 'jsonl', '--no-config', '-'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const records = new Map();
  (async () => {
    for await (const line of lines) {
      if (!line.trim()) continue;
      const native = nativeOf(JSON.parse(line));
      records.set(native.id, native);
      if (!child.stdin.write(`${JSON.stringify(native)}\n`)) await new Promise((r) => child.stdin.once('drain', r));
    }
    child.stdin.end();
  })();
  // The summary a check run gives, for the counts and the score distribution; findings are counted by rule here (all of them).
  const summary = new SummaryBuilder();
  const byRule = new Map();
  const found = new Map();
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    const f = JSON.parse(line);
    summary.add(f);
    if (!f.conversation) continue;
    for (const x of f.findings) {
      byRule.set(x.rule, (byRule.get(x.rule) ?? 0) + 1);
      if (!realDev.has(f.conversation.id)) {
        if (!found.has(x.rule)) found.set(x.rule, []);
        found.get(x.rule).push({ id: f.conversation.id, turn: x.turn, quote: x.quote });
      }
    }
  }
  const total = summary.build();
  const per100 = (n) => ((100 * n) / Math.max(1, total.files)).toFixed(1);
  const findings = [...byRule.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\n## ${name}: ${total.files} conversations (${total.unreadable} unreadable, ${total.unjudged.total} not judged), ${per100(findings)} findings per 100`,
  );
  for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
    console.log(`  ${per100(n).padStart(6)}  ${rule}`);
  const bands = total.scores.distribution.map((b) => `${b.from === b.to ? b.from : `${b.from}-${b.to}`}: ${b.count}`).join(', ');
  console.log(`  scores (mean ${total.scores.mean ?? 'n/a'}): ${bands}`);
  return { found, records };
}

// A small seeded generator, so the same sample comes out each run.
function random(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6b) >>> 0) / 2 ** 32;
}

const sample = [];
for (const [name, file] of CORPORA) {
  const { found, records } = await measure(name, file);
  const next = random(Number(process.env.SAMPLE_SEED ?? 20261201));
  for (const [rule, list] of [...found].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const picked = [...list].sort(() => next() - 0.5).slice(0, 20);
    for (const p of picked) {
      const turns = records.get(p.id).turns;
      sample.push({
        corpus: name,
        rule,
        id: p.id,
        turn: p.turn,
        quote: p.quote,
        context: turns.slice(Math.max(0, p.turn - 4), p.turn).map((t, i) => `${Math.max(0, p.turn - 4) + i + 1} [${t.role}] ${t.text}`),
      });
    }
  }
}
if (sampleFile) writeFileSync(sampleFile, `${sample.map((s) => JSON.stringify(s)).join('\n')}\n`);
