import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { ROOT } from '../cli/run-cli.js';

const sarifSchema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const sarif = ajv.compile(sarifSchema);

const XML_ILLEGAL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Terminal escape sequences and other controls a report must never pass through from its input.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Why an output is not valid in its format, or undefined when it is. */
export function invalidOutput(format: string, text: string): string | undefined {
  try {
    switch (format) {
      case 'json':
        JSON.parse(text);
        return undefined;
      case 'jsonl':
        for (const line of text.split('\n').filter(Boolean)) JSON.parse(line);
        return undefined;
      case 'sarif': {
        if (sarif(JSON.parse(text))) return undefined;
        return `SARIF schema: ${ajv.errorsText(sarif.errors)}`;
      }
      case 'junit': {
        // The parser checks structure only: XML 1.0's character rules are checked here (callcoach never writes character references).
        const illegal = XML_ILLEGAL.exec(text);
        if (illegal) return `XML: character U+${illegal[0].charCodeAt(0).toString(16).padStart(4, '0')} is not allowed`;
        const verdict = XMLValidator.validate(text);
        return verdict === true ? undefined : `XML: ${verdict.err.msg} at ${verdict.err.line}:${verdict.err.col}`;
      }
      case 'csv': {
        // Two tables when grouped by agent (conversations, then agents): rows may differ in length.
        const rows = parseCsv(text.replace(/^\ufeff/, ''), { relax_column_count: true, bom: true }) as string[][];
        const formula = rows.flat().find((c) => /^[=+\-@\t\r]/.test(c));
        return formula === undefined ? undefined : `CSV cell starts a formula: ${JSON.stringify(formula.slice(0, 40))}`;
      }
      case 'stylish':
      case 'github':
      case 'markdown': {
        const found = CONTROLS.exec(text.replace(/\u001b\[[0-9;]*m/g, ''));
        return found ? `control character U+${found[0].charCodeAt(0).toString(16).padStart(4, '0')} in the output` : undefined;
      }
      case 'html': {
        // Input is data, never markup: every data block parses as JSON and holds no '<' that could end it,
        // the page's own script is the only other one, and no block is left open.
        const blocks = [...text.matchAll(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)];
        for (const [, body] of blocks) {
          if (body!.includes('<')) return "HTML: a data block holds '<'";
          JSON.parse(body!);
        }
        const opened = text.match(/<script\b/g)?.length ?? 0;
        const closed = text.match(/<\/script>/g)?.length ?? 0;
        if (opened !== closed || opened - blocks.length !== 1)
          return `HTML: ${opened} scripts opened, ${closed} closed, ${blocks.length} data blocks`;
        const found = CONTROLS.exec(text);
        return found ? `control character U+${found[0].charCodeAt(0).toString(16).padStart(4, '0')} in the page` : undefined;
      }
      default:
        return `no validator for ${format}`;
    }
  } catch (err) {
    return `${format}: ${(err as Error).message.slice(0, 200)}`;
  }
}
