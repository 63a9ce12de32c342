import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './cli/run-cli.js';

// The labelled dev set lives outside the project; without it this suite is skipped.
const EVAL = join(ROOT, '../shared/eval');
const present = existsSync(join(EVAL, 'score.mjs')) && existsSync(join(EVAL, 'dev/labels.yaml'));

describe.skipIf(!present)('dev-set accuracy (../shared/eval)', () => {
  it('reaches the macro-F1 bar at conversation and turn level', () => {
    const run = cli(['check', '--format', 'json', join(EVAL, 'dev')]);
    expect([0, 1]).toContain(run.code);
    const results = join(mkdtempSync(join(tmpdir(), 'callcoach-eval-')), 'out.json');
    writeFileSync(results, run.stdout);
    const scored = spawnSync(process.execPath, [join(EVAL, 'score.mjs'), join(EVAL, 'dev/labels.yaml'), results], { encoding: 'utf8' });
    const macro = /macro-F1 conversation=([\d.]+) turn=([\d.]+)/.exec(scored.stdout);
    expect(macro, scored.stdout + scored.stderr).not.toBeNull();
    expect(Number(macro![1])).toBeGreaterThanOrEqual(0.85);
    expect(Number(macro![2])).toBeGreaterThanOrEqual(0.75);
  });
});
