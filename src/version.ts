import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; homepage: string };

/** The package version, read once from package.json so it is never stated twice. */
export const VERSION: string = manifest.version;

/** Where people read about callcoach (package.json `homepage`), for reports that link to the tool. */
export const HOMEPAGE: string = manifest.homepage;
