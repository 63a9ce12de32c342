import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../dist/results/collect.js';
import { cli } from './run-cli.js';

const json = (stdout: string) => JSON.parse(stdout) as Results;
const work = mkdtempSync(join(tmpdir(), 'callcoach-inputs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('directory walking', () => {
  const dir = join(work, 'corpus');
  mkdirSync(join(dir, 'calls'), { recursive: true });
  cpSync('fixtures/calls/pharmacy-refill.txt', join(dir, 'calls', 'pharmacy-refill.txt'));
  writeFileSync(join(dir, 'README.md'), '# Calls\n\nWeek 47 calls.\n');
  writeFileSync(join(dir, 'calls', 'SOURCE.md'), 'Recorded with consent.\n');
  writeFileSync(join(dir, 'LICENSE'), 'CC BY 4.0\n');
  writeFileSync(join(dir, 'notes.text'), 'some notes\n');
  writeFileSync(join(dir, 'package.json'), '{"name": "calls"}\n');
  writeFileSync(join(dir, 'calls', 'metadata.json'), '{"week": 47, "source": "dialer"}\n');

  it('takes only the listed extensions, leaves out known non-transcripts, and skips other JSON with a notice', async () => {
    const r = await cli(['check', '-f', 'json', '.'], { cwd: dir });
    expect(json(r.stdout).files.map((f) => f.path)).toEqual(['calls/pharmacy-refill.txt']);
    expect(r.code).toBe(1); // the call's own findings, not the stray files
    expect(r.stderr).toContain('callcoach: skipped calls/metadata.json: not a transcript: unrecognized JSON');
    expect(json(r.stdout).summary.skipped).toEqual([{ path: 'calls/metadata.json', reason: expect.stringContaining('not a transcript') }]);
    expect(json(r.stdout).summary.unreadable).toBe(0);
  });

  it('keeps a file named explicitly an error', async () => {
    const r = await cli(['check', '-f', 'json', 'calls/metadata.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(json(r.stdout).files[0]!.errors[0]).toMatchObject({
      message: expect.stringContaining('not a transcript'),
      code: 'not-a-transcript',
    });
  });

  it('skips callcoach results and baselines found by a walk', async () => {
    const out = join(work, 'walk-results');
    mkdirSync(out, { recursive: true });
    cpSync('fixtures/calls/bike-repair-chat.txt', join(out, 'bike.txt'));
    const first = await cli(['check', '-f', 'json:results.json', '--baseline', 'b.json', '--write-baseline', '.'], { cwd: out });
    expect(first.code).toBe(0);
    const again = await cli(['check', '-f', 'json', '.'], { cwd: out });
    expect(again.stderr).toContain('skipped b.json: not a transcript: this is a callcoach baseline');
    expect(again.stderr).toContain('skipped results.json: not a transcript: this is a callcoach results file');
    expect(json(again.stdout).files.map((f) => f.path)).toEqual(['bike.txt']);
  });

  it('--ext chooses the extensions a walk takes', async () => {
    const r = await cli(['check', '-f', 'json', '--ext', 'text', '.'], { cwd: dir });
    expect(json(r.stdout).files.map((f) => f.path)).toEqual(['notes.text']);
    expect((await cli(['check', '--ext', ',', '.'], { cwd: dir })).code).toBe(2);
  });
});

describe('encodings and compression', () => {
  it('reads UTF-16 (by its byte order mark, or without one), UTF-8 with a BOM, Windows-1252 and gzip', async () => {
    const r = await cli(['check', '-f', 'json', 'fixtures/encodings']);
    const files = json(r.stdout).files;
    expect(files.map((f) => f.path)).toEqual([
      'fixtures/encodings/cafe.txt.gz',
      'fixtures/encodings/calls.jsonl.gz:1',
      'fixtures/encodings/calls.jsonl.gz:2',
      'fixtures/encodings/notepad-utf16le.txt',
      'fixtures/encodings/utf8-bom.txt',
      'fixtures/encodings/utf16be.txt',
      'fixtures/encodings/utf16le-no-bom.txt',
      'fixtures/encodings/windows-1252.txt',
    ]);
    for (const f of files) expect(f.errors, f.path).toEqual([]);
    const cafe = files.filter((f) => !f.path.includes('jsonl'));
    for (const f of cafe) expect(f.conversation!.turns, f.path).toBe(5);
    expect(files[0]!.conversation!.id).toBe('cafe');
    expect(files.find((f) => f.path.endsWith('no-bom.txt'))!.notices[0]).toContain('read as UTF-16LE (no byte order mark)');
    expect(files.find((f) => f.path.endsWith('1252.txt'))!.notices[0]).toContain('not valid UTF-8: read as Windows-1252');
    expect(files.find((f) => f.path.endsWith('notepad-utf16le.txt'))!.notices).toEqual([]);
  });

  it('tells Word, PDF and audio files apart from transcripts and says what to do', async () => {
    for (const [file, kind] of [
      ['transcript.docx', 'a Word document (.docx)'],
      ['transcript.pdf', 'a PDF document'],
      ['call.wav', 'a WAV audio file'],
      ['call.mp3', 'an MP3 audio file'],
    ]) {
      const r = await cli(['check', `fixtures/binary/${file}`]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain(`this is ${kind}, not a transcript: export the transcript as text or JSON`);
    }
  });
});
