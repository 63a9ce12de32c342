// The README's pictures of the HTML report, made from the bundled sample calls (fixtures/calls) only:
// `npm run build && node scripts/report-screenshots.mjs` rewrites docs/report-overview.png and docs/report-call.png.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const report = join(mkdtempSync(join(tmpdir(), 'callcoach-readme-')), 'report.html');
spawnSync(process.execPath, ['bin/callcoach.js', 'check', 'fixtures/calls', '--group-by', 'agent', '-f', `html:${report}`], {
  cwd: ROOT,
  stdio: 'inherit',
});
mkdirSync(join(ROOT, 'docs'), { recursive: true });
const { context, close } = await launchChromium({ viewport: { width: 1200, height: 800 } });
try {
  const page = await context.newPage();
  for (const [hash, name] of [
    ['', 'report-overview.png'],
    ['#/call/2?from=sort%3Dscore', 'report-call.png'],
  ]) {
    await page.goto(pathToFileURL(report).href + hash);
    await page.waitForSelector('main#main > *');
    // Open one rule's explanation, so the picture shows what the call view can say about a finding.
    if (hash) await page.locator('.finding details summary').first().click();
    await page.screenshot({ path: join(ROOT, 'docs', name), fullPage: true });
  }
} finally {
  await close();
}
