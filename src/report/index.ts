import { csvReporter } from './csv.js';
import { githubReporter } from './github.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { jsonlReporter } from './jsonl.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import type { ReporterFactory } from './reporter.js';
import { sarifReporter } from './sarif.js';
import { stylishReporter } from './stylish.js';

/** Every output format by the name `--format` takes. */
export const REPORTERS: Readonly<Record<string, ReporterFactory>> = {
  stylish: stylishReporter,
  json: jsonReporter,
  jsonl: jsonlReporter,
  junit: junitReporter,
  sarif: sarifReporter,
  github: githubReporter,
  csv: csvReporter,
  markdown: markdownReporter,
  html: htmlReporter,
};

export const OUTPUT_FORMATS = Object.keys(REPORTERS);

/** Formats that show each conversation's turns, so the run must carry them on its results. */
export const showsTranscript = (format: string): boolean => format === 'html';
