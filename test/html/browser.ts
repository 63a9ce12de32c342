import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; CI installs it). */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** Screenshots for people to look at, outside the repository. */
export const SHOTS = join(tmpdir(), 'callcoach-shots');

export interface Opened {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every request that was not for the report file itself. */
  requests: string[];
}

export interface Browser {
  open(file: string, hash?: string): Promise<Opened>;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile and nothing that phones home. */
export async function launch(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'callcoach-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    async open(file, hash = '') {
      const url = pathToFileURL(file).href;
      const page = await context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => r.url().split('#')[0] !== url && requests.push(r.url()));
      // Should the page ever try, nothing leaves the machine.
      await page.route(/^(?!file:)/, (route) => route.abort());
      await page.goto(url + hash);
      await page.waitForSelector('main#main > *');
      return { page, errors, requests };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
