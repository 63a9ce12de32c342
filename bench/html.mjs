// The HTML report at 1,000 and 10,000 conversations: its size, what --transcript adds to the JSON
// results, and how long Debian's Chromium takes to load the page and draw the overview, then the calls table.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { CHROMIUM, hasChromium, launchChromium } from '../scripts/chromium.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeCorpus } from './corpus.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

function timedRun(root, args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin/callcoach.js'), ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status === 2) throw new Error(`callcoach ${args.join(' ')}: ${r.stderr}`);
  return performance.now() - t;
}

/** Milliseconds from navigation to the overview drawn, then to the calls table drawn and sorted by score. */
async function pageTimes(context, file) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const t0 = performance.now();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.waitForSelector('[data-stat="files"]');
  // Until the frame with the overview is painted.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  const overview = performance.now() - t0;
  const t1 = performance.now();
  await page.click('header nav a[data-view="calls"]');
  await page.waitForSelector('table.calls tbody tr');
  await page.click('a[data-sort="score"]');
  await page.waitForSelector('th[aria-sort="ascending"]');
  const calls = performance.now() - t1;
  await page.close();
  if (errors.length) throw new Error(`the report failed in Chromium: ${errors.join('; ')}`);
  return { overview, calls };
}

export async function htmlBench(root, sizes = [1000, 10000], repeat = 3) {
  const rows = [];
  if (!hasChromium()) return [['HTML report', 'skipped', `no ${CHROMIUM} (apt-get install chromium)`]];
  const { context, close } = await launchChromium();
  try {
    for (const n of sizes) {
      const work = join(tmpdir(), `callcoach-bench-html-${n}`);
      const corpus = join(work, 'calls');
      if (!existsSync(join(work, 'ready'))) {
        mkdirSync(corpus, { recursive: true });
        writeCorpus(corpus, n, 11);
        writeFileSync(join(work, 'ready'), '');
      }
      const out = (name) => join(work, name);
      const plainMs = timedRun(root, ['check', corpus, '--no-progress', '-f', `json:${out('plain.json')}`]);
      const turnsMs = timedRun(root, ['check', corpus, '--no-progress', '--transcript', '-f', `json:${out('turns.json')}`]);
      timedRun(root, ['check', corpus, '--no-progress', '--group-by', 'agent', '-f', `html:${out('report.html')}`]);
      const html = statSync(out('report.html')).size;
      const times = [];
      for (let i = 0; i < repeat; i++) times.push(await pageTimes(context, out('report.html')));
      rows.push(
        [`HTML report, ${n} conversations`, mb(html), `${(html / n / 1024).toFixed(1)} KB a conversation`],
        [
          `  Chromium: load and draw the overview`,
          `${Math.round(median(times.map((t) => t.overview)))} ms`,
          `then the calls table sorted by score: ${Math.round(median(times.map((t) => t.calls)))} ms (median of ${repeat})`,
        ],
        [
          `  JSON results without / with --transcript`,
          `${mb(statSync(out('plain.json')).size)} / ${mb(statSync(out('turns.json')).size)}`,
          `check ${(plainMs / 1000).toFixed(1)} s / ${(turnsMs / 1000).toFixed(1)} s`,
        ],
      );
    }
  } finally {
    await close();
  }
  return rows;
}

// `node bench/html.mjs`: just these figures.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = new URL('..', import.meta.url).pathname;
  for (const [what, value, note] of await htmlBench(root)) console.log(`${what.padEnd(48)}  ${value}${note ? `  (${note})` : ''}`);
}
