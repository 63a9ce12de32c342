// npm run eval: scores this build on the labelled sets in ../shared/eval (when present) with the
// scorer's own output, then prints how well the score separates conversations with problems from clean ones.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = join(root, '..', 'shared', 'eval');
const CORE = ['interrupting', 'jargon', 'cold-transfers', 'missing-follow-up', 'rule-book', 'empathy'];

if (!existsSync(join(shared, 'score.mjs'))) {
  console.log(`no labelled sets at ${shared}: nothing to score`);
  process.exit(0);
}

/** Gold labels by file, read from the scorer's restricted YAML subset. */
function goldLabels(file) {
  const gold = new Map();
  let current;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const entry = /^- file: (\S+)/.exec(line);
    if (entry) gold.set((current = entry[1]), []);
    const finding = /^\s+- \{pack: ([\w-]+), turn: (\d+)\}/.exec(line);
    if (finding) gold.get(current).push(finding[1]);
  }
  return gold;
}

const work = mkdtempSync(join(tmpdir(), 'callcoach-eval-'));
for (const set of ['dev', 'real-dev']) {
  const dir = join(shared, set);
  if (!existsSync(join(dir, 'labels.yaml'))) continue;
  const check = spawnSync(process.execPath, [join(root, 'bin/callcoach.js'), 'check', '--format', 'json', dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const results = join(work, `${set}.json`);
  writeFileSync(results, check.stdout);
  const score = spawnSync(process.execPath, [join(shared, 'score.mjs'), join(dir, 'labels.yaml'), results], { encoding: 'utf8' });
  console.log(`\n## ${set}\n`);
  process.stdout.write(score.stdout);

  // Separation: "problem" = a conversation with a gold label of the six original packs; "clean" = none of theirs.
  const gold = goldLabels(join(dir, 'labels.yaml'));
  const scores = new Map(JSON.parse(check.stdout).files.map((f) => [basename(f.path), f.scorecard?.score ?? null]));
  const problem = [...gold].filter(([, packs]) => packs.some((p) => CORE.includes(p))).map(([f]) => scores.get(f) ?? null);
  const clean = [...gold].filter(([, packs]) => !packs.some((p) => CORE.includes(p))).map(([f]) => scores.get(f) ?? null);
  const share = (list, test) => (list.length ? Math.round((100 * list.filter(test).length) / list.length) : 0);
  const mean = (list) => {
    const scored = list.filter((s) => s !== null);
    return scored.length ? (scored.reduce((a, b) => a + b, 0) / scored.length).toFixed(1) : 'n/a';
  };
  console.log(
    `separation: problem ${problem.length} (score 100: ${share(problem, (s) => s === 100)} %, not judged: ${share(problem, (s) => s === null)} %, mean ${mean(problem)}); ` +
      `clean ${clean.length} (>= 90 or not judged: ${share(clean, (s) => s === null || s >= 90)} %, mean ${mean(clean)})`,
  );
}
