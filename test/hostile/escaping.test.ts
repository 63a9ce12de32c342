import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli.js';
import { invalidOutput } from './validators.js';

const work = mkdtempSync(join(tmpdir(), 'callcoach-escape-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ESC = '\u001b';
// A screen clear, an OSC 8 link, a window title and a bidi override, in every place input reaches a report.
const NASTY = `${ESC}[2J${ESC}]8;;http://evil${ESC}\\click${ESC}]8;;${ESC}\\${ESC}]0;owned\u0007\u202e\u0000\u000b`;
const dir = join(work, 'calls');
mkdirSync(dir);
writeFileSync(
  join(dir, 'a`b <img src=x onerror=alert(1)>.json'),
  JSON.stringify({
    id: '=HYPERLINK("http://evil","x")',
    metadata: { agent: `@SUM(1+1) <script>alert(1)</script> # [link](http://evil) ${NASTY}` },
    turns: [
      { speaker: 'Customer', role: 'customer', text: 'I want a refund for this' },
      { speaker: `Agent${NASTY}`, role: 'agent', text: `there is nothing I can do ${NASTY} its our policy` },
    ],
  }),
);
writeFileSync(join(dir, 'bad.txt'), `Customer: hello\n[1${NASTY}] Agent: hi\n`);
writeFileSync(join(work, 'long.txt'), `Customer: hello\n[1${' '.repeat(50_000)}x] Agent: hi\n`);
const FORMATS = ['stylish', 'json', 'jsonl', 'junit', 'sarif', 'github', 'csv', 'markdown'];

describe('outputs carry no live text from the transcript', () => {
  it.each(FORMATS)('%s is valid in its format and holds no control sequence', async (format) => {
    const r = await cli(['check', dir, '-f', format, '--group-by', 'agent'], { env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(2);
    expect(invalidOutput(format, r.stdout)).toBeUndefined();
    expect(r.stdout).not.toContain(ESC + ']');
  });

  it('stylish shows the escapes as visible text', async () => {
    const r = await cli(['check', dir, '--no-progress']);
    expect(r.stdout).toContain('\\x1b[2J');
    expect(r.stdout).toContain('Agent\\x1b[2J');
    expect(r.stdout).not.toContain(ESC);
  });

  it("CSV prefixes formula cells with ' and writes a byte order mark with --csv-bom", async () => {
    const plain = await cli(['check', dir, '-f', 'csv']);
    expect(plain.stdout).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(plain.stdout).toContain("'@SUM(1+1)");
    expect(plain.stdout.startsWith('\ufeff')).toBe(false);
    expect((await cli(['check', dir, '-f', 'csv', '--csv-bom'])).stdout.startsWith('\ufeffpath,')).toBe(true);
  });

  it('Markdown escapes HTML, headings, links and @mentions, and a backtick cannot break out of a code span', async () => {
    const r = await cli(['check', dir, '-f', 'markdown', '--group-by', 'agent']);
    expect(r.stdout).not.toContain('<script>');
    // Inside a code span HTML is shown, not rendered; outside one there is none.
    expect(r.stdout.replace(/(`+)[^`].*?\1/g, '')).not.toContain('<img');
    expect(r.stdout).toContain('\\@SUM');
    expect(r.stdout).toContain('\\[link\\]\\(http://evil\\)');
    expect(r.stdout).toMatch(/``[^`]*a`b <img[^`]*``/);
  });

  it('JUnit replaces characters XML cannot hold', async () => {
    const r = await cli(['check', dir, '-f', 'junit']);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(r.stdout).toContain('\ufffd');
  });

  it('error messages quote a short, escaped excerpt of the input', async () => {
    const r = await cli(['check', join(dir, 'bad.txt'), '-f', 'json']);
    const message = JSON.parse(r.stdout).files[0].errors[0].message as string;
    expect(message).toMatch(/^malformed timestamp \[1\\x1b\[2J\\x1b\]: expected/);
    expect(message).not.toContain(ESC);
    const long = await cli(['check', join(work, 'long.txt'), '-f', 'json']);
    expect(JSON.parse(long.stdout).files[0].errors[0].message).toMatch(/^malformed timestamp \[1 {39}…\]: expected/);
  });
});
