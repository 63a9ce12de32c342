import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../src/results/collect.js';
import { cli } from '../cli/run-cli.js';
import { type Browser, hasChromium, launch, type Opened, SHOTS } from './browser.js';

const dir = mkdtempSync(join(tmpdir(), 'callcoach-html-'));
const html = join(dir, 'report.html');
let results: Results;
let browser: Browser;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Clicks, then waits until the page has drawn the view of the new hash. */
async function go(page: Opened['page'], selector: string): Promise<void> {
  const before = await page.evaluate(() => location.hash);
  await page.click(selector);
  await settled(page, before);
}

async function settled(page: Opened['page'], before?: string): Promise<void> {
  await page.waitForFunction((b) => location.hash !== b && document.body.dataset.route === location.hash, before);
}

/** Sets a filter control as a user would (typing a number, choosing an option) and waits for the table. */
async function choose(page: Opened['page'], name: string, value: string): Promise<void> {
  const before = await page.evaluate(() => location.hash);
  const control = page.locator(`[name="${name}"]`);
  if ((await control.evaluate((e) => e.tagName)) === 'SELECT') await control.selectOption(value);
  else {
    await control.fill(value);
    await control.press('Tab');
  }
  await settled(page, before);
}

/** The calls table's rows as their paths, in order (every page). */
async function tablePaths(page: Opened['page']): Promise<string[]> {
  const paths: string[] = [];
  for (;;) {
    paths.push(...(await page.$$eval('table.calls tbody tr', (rows) => rows.map((r) => r.getAttribute('data-path')!))));
    const next = page.locator('nav.pager a', { hasText: 'Next' });
    if ((await next.count()) === 0) return paths;
    await go(page, 'nav.pager a:text-is("Next")');
  }
}

const conversations = () => results.files.filter((f) => f.conversation);

describe.skipIf(!hasChromium)('HTML report in Chromium', () => {
  beforeAll(async () => {
    const run = await cli(['check', 'fixtures/calls', '--group-by', 'agent', '-f', `html:${html}`, '-f', `json:${join(dir, 'r.json')}`]);
    expect(run.code).toBeLessThan(2);
    results = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as Results;
    mkdirSync(SHOTS, { recursive: true });
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens with no console errors and no requests, and the overview shows the summary', async () => {
    const { page, errors, requests } = await browser.open(html);
    const stat = (id: string) => page.locator(`[data-stat="${id}"]`).textContent();
    const s = results.summary;
    expect(await stat('files')).toBe(String(s.files));
    expect(await stat('conversations')).toBe(String(s.conversations));
    expect(await stat('unreadable')).toBe(String(s.unreadable));
    expect(await stat('findings')).toBe(String(s.findings));
    expect(await stat('empty')).toBe(String(s.unjudged.empty));
    expect(await stat('unjudged')).toBe(String(s.unjudged.total));
    expect(await stat('mean')).toBe(String(s.scores.mean));
    expect(await stat('min')).toBe(String(s.scores.min));
    expect(await stat('severity')).toBe(`${s.bySeverity.error} · ${s.bySeverity.warning} · ${s.bySeverity.info}`);
    const bands = await page.$$eval('svg.histogram text.count', (t) => t.map((x) => Number(x.textContent)));
    expect(bands).toEqual(s.scores.distribution.map((d) => d.count));
    const topRules = await page.$$eval('table.top-rules tbody tr', (rows) =>
      rows.map((r) => [r.cells[0]!.textContent, Number(r.cells[1]!.textContent)]),
    );
    expect(topRules).toEqual(s.topRules.map((t) => [t.rule, t.count]));
    // Each step's bar counts the conversations by status.
    const stepText = await page.$$eval('svg.steps > g > text.count', (t) => t.map((x) => x.textContent));
    const expected = [1, 2, 3, 4, 5, 6, 7].map((step) => {
      const count = (status: string) => conversations().filter((f) => f.scorecard!.steps[step - 1]!.status === status).length;
      return `pass ${count('pass')} · fail ${count('fail')} · n/a ${count('n/a')} · not observable ${count('not-observable')}`;
    });
    expect(stepText).toEqual(expected);
    await page.screenshot({ path: join(SHOTS, 'overview.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('counts unreadable and unjudged conversations, and shows them for what they are', async () => {
    const mixed = join(dir, 'mixed');
    mkdirSync(mixed, { recursive: true });
    writeFileSync(join(mixed, 'hello.txt'), 'Agent: Hello, thanks for calling.\n');
    const page = join(dir, 'mixed.html');
    await cli(['check', 'fixtures/malformed', mixed, '-f', `html:${page}`, '-f', `json:${join(dir, 'mixed.json')}`]);
    const mixedResults = JSON.parse(readFileSync(join(dir, 'mixed.json'), 'utf8')) as Results;
    const s = mixedResults.summary;
    expect(s.unreadable).toBeGreaterThan(0);
    expect(s.unjudged.total).toBeGreaterThan(0);
    const opened = await browser.open(page);
    const stat = (id: string) => opened.page.locator(`[data-stat="${id}"]`).textContent();
    expect(await stat('unreadable')).toBe(String(s.unreadable));
    expect(await stat('unjudged')).toBe(String(s.unjudged.total));
    await go(opened.page, 'header nav a[data-view="calls"]');
    const scores = await opened.page.$$eval('table.calls tbody tr td:nth-child(5)', (tds) => tds.map((t) => t.textContent));
    expect(scores).toEqual(
      mixedResults.files.map((f) => (f.errors.length ? 'unreadable' : f.scorecard?.unjudged ? 'not judged' : String(f.scorecard!.score))),
    );
    const unreadable = mixedResults.files.findIndex((f) => f.errors.length > 0);
    await go(opened.page, `table.calls tbody tr:nth-child(${unreadable + 1}) th a`);
    expect(await opened.page.locator('section[aria-label="Errors"] li').first().textContent()).toContain(
      mixedResults.files[unreadable]!.errors[0]!.message,
    );
    expect(opened.errors).toEqual([]);
  });

  it('names records of a stream by their line, and the lowest scores link to the right one', async () => {
    const page = join(dir, 'stream.html');
    const input = readFileSync('fixtures/formats/calls.jsonl', 'utf8');
    await cli(['check', '--stdin-format', 'jsonl', '-', '-f', `html:${page}`, '-f', `json:${join(dir, 'stream.json')}`], { input });
    const stream = JSON.parse(readFileSync(join(dir, 'stream.json'), 'utf8')) as Results;
    const { page: p, errors } = await browser.open(page);
    const lowest = stream.summary.lowest[0]!;
    await go(p, `ol.lowest li:first-child a`);
    expect(await p.textContent('#call-title')).toBe(lowest.id);
    expect(await p.textContent('.facts')).toContain(`<stdin>:${lowest.line}`);
    expect(errors).toEqual([]);
  });

  it('sorts by any column, both ways', async () => {
    const { page } = await browser.open(html, '#/calls');
    expect(await tablePaths(page)).toEqual(results.files.map((f) => f.path));
    await go(page, 'a[data-sort="score"]');
    const byScore = [...results.files].sort((a, b) => a.scorecard!.score! - b.scorecard!.score! || 0);
    expect(await tablePaths(page)).toEqual(byScore.map((f) => f.path));
    expect(await page.getAttribute('th[aria-sort]', 'aria-sort')).toBe('ascending');
    await go(page, 'a[data-sort="score"]');
    const desc = [...results.files].sort(
      (a, b) => b.scorecard!.score! - a.scorecard!.score! || results.files.indexOf(a) - results.files.indexOf(b),
    );
    expect(await tablePaths(page)).toEqual(desc.map((f) => f.path));
    await go(page, 'a[data-sort="warnings"]');
    const warnings = (f: (typeof results.files)[number]) => f.findings.filter((x) => x.severity === 'warning').length;
    expect(await tablePaths(page)).toEqual([...results.files].sort((a, b) => warnings(a) - warnings(b)).map((f) => f.path));
  });

  it('each filter selects the calls it names, and the hash restores the view', async () => {
    const { page, errors } = await browser.open(html, '#/calls');
    const files = results.files;
    const check = async (expected: typeof files) => expect((await tablePaths(page)).sort()).toEqual(expected.map((f) => f.path).sort());

    const agent = files.find((f) => f.conversation?.agent)!.conversation!.agent!;
    await choose(page, 'agent', agent);
    await check(files.filter((f) => f.conversation?.agent === agent));
    await choose(page, 'agent', '');

    await choose(page, 'step', '3');
    await check(files.filter((f) => f.scorecard?.steps[2]!.status === 'fail'));
    await choose(page, 'step', '');

    const rule = results.summary.topRules[1]!.rule;
    await choose(page, 'rule', rule);
    await check(files.filter((f) => f.findings.some((x) => x.rule === rule)));
    await choose(page, 'rule', '');

    await choose(page, 'severity', 'error');
    await check(files.filter((f) => f.findings.some((x) => x.severity === 'error')));
    await choose(page, 'severity', '');

    await choose(page, 'min', '80');
    await choose(page, 'max', '90');
    await check(files.filter((f) => f.scorecard!.score! >= 80 && f.scorecard!.score! <= 90));

    await page.fill('input[name="q"]', 'parcel');
    await page.waitForFunction(() => location.hash.includes('q=parcel'));
    await check(files.filter((f) => f.path.includes('parcel') && f.scorecard!.score! >= 80 && f.scorecard!.score! <= 90));
    // Typing keeps the focus in the search box.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('q');

    // The same view from its link alone.
    const hash = await page.evaluate(() => location.hash);
    const again = await browser.open(html, hash);
    expect(await again.page.inputValue('input[name="q"]')).toBe('parcel');
    expect(await again.page.inputValue('input[name="min"]')).toBe('80');
    expect(await tablePaths(again.page)).toEqual(await tablePaths(page));

    const restored = await browser.open(html, `#/calls?rule=${encodeURIComponent(rule)}&sort=score&dir=desc`);
    expect(await restored.page.inputValue('select[name="rule"]')).toBe(rule);
    await restored.page.waitForSelector('th[aria-sort="descending"]');
    expect(errors).toEqual([]);
  });

  it('filters by portrait, lists the portraits seen, and shows a portrait with its evidence', async () => {
    // Portraits as results will carry them ({name, confidence, evidence}), merged into a report.
    const withPortraits = {
      ...results,
      files: results.files.map((f, k) =>
        k % 2
          ? {
              ...f,
              portrait: {
                name: k % 4 === 1 ? 'the worried regular' : 'the expert',
                confidence: 0.8,
                evidence: [{ turn: 2, quote: 'second turn' }],
              },
            }
          : f,
      ),
    };
    writeFileSync(join(dir, 'portraits.json'), JSON.stringify(withPortraits));
    const page = join(dir, 'portraits.html');
    await cli(['merge', join(dir, 'portraits.json'), '-f', `html:${page}`]);
    const { page: p, errors } = await browser.open(page);
    const seen = await p.$$eval('section[aria-labelledby="portraits"] li', (li) => li.map((x) => x.textContent));
    expect(seen).toEqual(['the worried regular — 2 calls', 'the expert — 1 call']);
    await go(p, 'header nav a[data-view="calls"]');
    await choose(p, 'portrait', 'the expert');
    expect(await tablePaths(p)).toEqual(withPortraits.files.filter((_, k) => k % 4 === 3).map((f) => f.path));
    await go(p, 'table.calls tbody tr th a');
    expect(await p.textContent('section.portrait')).toContain('“second turn”');
    await go(p, 'section.portrait a');
    await p.waitForFunction(() => document.activeElement?.id === 'turn-2');
    expect(errors).toEqual([]);
  });

  it('a rule on the overview links to the calls that have it', async () => {
    const { page } = await browser.open(html);
    const rule = results.summary.topRules[0]!.rule;
    await page.click(`table.top-rules a:text-is("${rule}")`);
    await page.waitForSelector('table.calls');
    expect((await tablePaths(page)).sort()).toEqual(
      results.files
        .filter((f) => f.findings.some((x) => x.rule === rule))
        .map((f) => f.path)
        .sort(),
    );
  });

  it('the agents view equals the summary of --group-by agent, and an agent links to their calls', async () => {
    const { page } = await browser.open(html, '#/agents');
    const rows = await page.$$eval('table.agents tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    expect(rows).toEqual(
      results.summary.byAgent!.map((a) => [
        a.agent,
        String(a.conversations),
        a.meanScore === null ? '–' : String(a.meanScore),
        ...[1, 2, 3, 4, 5, 6, 7].map((s) => (a.meanByStep[s] === null ? '–' : String(a.meanByStep[s]))),
        a.topFindings.length ? a.topFindings.map((f) => `${f.rule} ×${f.count}`).join('') : '–',
      ]),
    );
    await page.screenshot({ path: join(SHOTS, 'agents.png'), fullPage: true });
    const agent = results.summary.byAgent!.find((a) => a.agent !== '(unknown)')!.agent;
    await go(page, `table.agents a:text-is("${agent}")`);
    await page.screenshot({ path: join(SHOTS, 'agent-calls.png'), fullPage: true });
    expect((await tablePaths(page)).sort()).toEqual(
      results.files
        .filter((f) => f.conversation?.agent === agent)
        .map((f) => f.path)
        .sort(),
    );
  });

  it('a call shows its transcript with each finding on its turn, and a timeline marker scrolls to its turn', async () => {
    const i = results.files.findIndex((f) => f.path.endsWith('fibre-outage.vtt'));
    const file = results.files[i]!;
    const { page, errors } = await browser.open(html, `#/call/${i}`);
    expect(await page.locator('ol.transcript > li').count()).toBe(file.conversation!.turns);
    for (const f of file.findings) {
      const turn = page.locator(`#turn-${f.turn}`);
      await expect(turn.locator('.finding .message', { hasText: f.message }).count()).resolves.toBeGreaterThan(0);
      expect(await turn.locator('mark').count()).toBeGreaterThan(0);
    }
    await page.screenshot({ path: join(SHOTS, 'call.png'), fullPage: true });
    const last = file.findings.at(-1)!;
    // Start from the top so the turn is out of view, with a short window.
    await page.setViewportSize({ width: 1280, height: 400 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click(`a.finding-mark[data-turn="${last.turn}"]`);
    await page.waitForFunction((t) => document.activeElement?.id === `turn-${t}`, last.turn);
    const box = await page.locator(`#turn-${last.turn}`).boundingBox();
    // The turn's start is at the top of the window.
    const inView = await page.evaluate((y) => y >= 0 && y < window.innerHeight / 2, box!.y);
    expect(inView).toBe(true);
    expect(errors).toEqual([]);
  });

  it('the timeline shades silences and holds, and names the hold a holds rule flagged', async () => {
    const i = results.files.findIndex((f) => f.path.endsWith('boiler-hold.txt'));
    const file = results.files[i]!;
    const { page } = await browser.open(html, `#/call/${i}`);
    const shaded = await page.$$eval('svg rect.silence title', (t) => t.map((x) => x.textContent!.split(' ')[0]));
    const holdTurn = file.findings.find((f) => f.rule === 'holds/no-check-back')!.turn;
    expect(shaded).toEqual(file.metrics!.nonTalk!.instances.map((q) => (q.beforeTurn === holdTurn ? 'hold' : 'silence')));
    expect(shaded).toContain('hold');
    expect(await page.locator('section[aria-labelledby="metrics-title"]').textContent()).toContain('1 hold flagged');
  });

  it('previous and next follow the table it was opened from, by keyboard too', async () => {
    const { page } = await browser.open(html, '#/calls?sort=score&dir=asc');
    await page.locator('table.calls tbody tr th a').first().click();
    await page.waitForSelector('article.call');
    const order = [...results.files].sort((a, b) => a.scorecard!.score! - b.scorecard!.score! || 0).map((f) => f.conversation!.id);
    expect(await page.textContent('#call-title')).toBe(order[0]);
    await page.keyboard.press('n');
    await page.waitForFunction((id) => document.querySelector('#call-title')?.textContent === id, order[1]);
    await page.keyboard.press('p');
    await page.waitForFunction((id) => document.querySelector('#call-title')?.textContent === id, order[0]);
  });

  it('has no serious or critical accessibility violations (axe-core) in any view', async () => {
    for (const hash of ['', '#/calls', '#/agents', '#/call/0', '#/call/2']) {
      const { page } = await browser.open(html, hash);
      // Evaluated through the debugging protocol: the page's CSP would refuse an injected script tag.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const r = await (
          window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
        ).axe.run();
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, hash || '#/').toEqual([]);
    }
  }, 60_000);
});
