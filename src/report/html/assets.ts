import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// The page's script, in load order: each file owns one part of the app and they share one scope.
const SCRIPTS = [
  'dom.js',
  'data.js',
  'route.js',
  'charts.js',
  'overview.js',
  'calls.js',
  'agents.js',
  'timeline.js',
  'transcript.js',
  'call.js',
  'main.js',
];
const DIR = new URL('./app/', import.meta.url);

export interface ReportApp {
  js: string;
  css: string;
  /** Only this script and style, by hash; nothing may be fetched, framed, submitted or based elsewhere. */
  csp: string;
}

let app: ReportApp | undefined;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The app's script and style (read once per process) and the Content-Security-Policy that admits exactly them. */
export function reportApp(): ReportApp {
  if (app) return app;
  const js = `(() => {\n'use strict';\n${SCRIPTS.map((f) => readFileSync(new URL(f, DIR), 'utf8')).join('\n')}\n})();`;
  const css = readFileSync(new URL('style.css', DIR), 'utf8');
  // Either would end its element early and spill the rest into the page.
  if (/<\/script/i.test(js) || /<\/style/i.test(css)) throw new Error('the HTML report app must not contain a closing script or style tag');
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(js)}`,
    `style-src ${sha256(css)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return (app = { js, css, csp });
}
