import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignRoles } from '../dist/transcript/assign-roles.js';
import { readTranscript } from '../dist/transcript/read.js';

// Real vendor output from public repositories, outside the project (see its SOURCE.md).
const DIR = '../shared/corpora/vendor-samples';
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) =>
    statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.(json|vtt|srt)$/.test(f) ? [join(dir, f)] : [],
  );

// SOURCE.md: "missing_timeframe.vtt: one cue has no timing line" is the only malformed .json/.vtt/.srt file.
const MALFORMED = new Set(['missing_timeframe.vtt']);

describe.skipIf(!existsSync(DIR))('vendor samples', () => {
  const all = existsSync(DIR) ? files(DIR) : [];
  it.each(all)('%s', (path) => {
    const r = readTranscript({ path, text: readFileSync(path, 'utf8') });
    if (MALFORMED.has(path.split('/').pop()!)) {
      expect(r.error?.line).toBeGreaterThan(0);
      return;
    }
    expect(r.error).toBeUndefined();
    const c = assignRoles(r.conversation!);
    expect(c.turns.length).toBeGreaterThan(0);
    expect(c.turns.every((t) => t.speaker && t.text)).toBe(true);
    expect(['transcript', 'given', 'inferred', 'undecided']).toContain(c.roles?.source);
  });

  it('infers the agent in the two real calls', () => {
    for (const [file, agent] of [
      ['amazon-bedrock-data-automation/bda-standard.json', 'spk_1'],
      ['deepgram/deepgram_example.json', 'speaker 0'],
    ] as const) {
      const path = join(DIR, file);
      const c = assignRoles(readTranscript({ path, text: readFileSync(path, 'utf8') }).conversation!);
      expect(c.speakers.find((s) => s.role === 'agent')?.label).toBe(agent);
    }
  });
});
