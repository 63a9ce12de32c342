import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium as present, launchChromium } from '../../scripts/chromium.mjs';

/** Debian's Chromium at CHROMIUM (`apt-get install chromium`; CI installs it). */
export const hasChromium = present();
export { CHROMIUM };
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
  const { context, close } = await launchChromium({ viewport: { width: 1280, height: 900 } });
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
    close,
  };
}
