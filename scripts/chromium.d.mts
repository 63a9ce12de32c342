import type { BrowserContext, LaunchOptions } from 'playwright-core';

export const CHROMIUM: string;
export function hasChromium(): boolean;
export function launchChromium(options?: Partial<LaunchOptions> & { viewport?: { width: number; height: number } }): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}>;
