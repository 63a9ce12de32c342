import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli.js';
import { type Browser, hasChromium, launch } from './browser.js';

// Every way text could become markup or code: tags that run, a closing tag for the data block, an
// event handler, a javascript: link, template syntax, and an HTML comment opener.
const HOSTILE = [
  '<script>window.__ran = "script"</script>',
  '</script><script>window.__ran = "close"</script>',
  '<img src=x onerror="window.__ran = \'img\'">',
  '<a href="javascript:window.__ran=\'link\'">click me</a>',
  '{{constructor.constructor(\'window.__ran = "template"\')()}}',
  '<!-- <svg onload="window.__ran = \'svg\'">',
];

const dir = mkdtempSync(join(tmpdir(), 'callcoach-html-hostile-'));
const transcript = [
  '---',
  `id: "</script><img src=x onerror=window.__ran='id'>"`,
  `agent: "<b onmouseover=window.__ran='agent'>Mallory</b>"`,
  '---',
  `[00:01] Agent: Hello, ${HOSTILE[0]} how can I help?`,
  ...HOSTILE.slice(1).map((text, k) => `[00:${String(5 + k * 5).padStart(2, '0')}] ${k % 2 ? 'Agent' : 'Customer'}: ${text}`),
  '[00:40] Agent: Let me check the ONT for you, thanks for waiting.',
].join('\n');

describe.skipIf(!hasChromium)('HTML report: transcript text is data, never markup', () => {
  let browser: Browser;
  const html = join(dir, 'report.html');
  beforeAll(async () => {
    writeFileSync(join(dir, '<img src=x onerror=alert(1)>.txt'), transcript);
    await cli(['check', dir, '-f', `html:${html}`]);
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('shows every hostile string as text and runs none of it', async () => {
    for (const hash of ['', '#/calls', '#/agents', '#/call/0']) {
      const { page, errors, requests } = await browser.open(html, hash);
      const dialogs: string[] = [];
      page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()));
      // Hover over the text that could carry a handler, had it become markup.
      for (const el of await page.locator('ol.transcript p.text, #call-title, table.calls tbody td').all())
        await el.hover({ timeout: 1000 });
      expect(await page.evaluate(() => (window as unknown as { __ran?: string }).__ran)).toBeUndefined();
      expect(await page.locator('img, iframe, object, embed, main script, main b, main svg[onload]').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    }
    const { page } = await browser.open(html, '#/call/0');
    const text = await page.locator('ol.transcript').textContent();
    for (const h of HOSTILE) expect(text).toContain(h);
    expect(await page.textContent('#call-title')).toBe("</script><img src=x onerror=window.__ran='id'>");
  }, 60_000);
});
