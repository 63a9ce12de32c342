import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './cli/run-cli.js';

// The labelled dev set lives outside the project; without it this suite is skipped.
const SHARED_EVAL = join(ROOT, '../shared/eval');
const present = existsSync(join(SHARED_EVAL, 'score.mjs')) && existsSync(join(SHARED_EVAL, 'dev/labels.yaml'));
// The scorer only runs as a script when invoked by its real path (it compares import.meta.url with argv).
const EVAL = present ? realpathSync(SHARED_EVAL) : SHARED_EVAL;

describe.skipIf(!present)('dev-set accuracy (../shared/eval)', () => {
  it('reaches the macro-F1 bar at conversation and turn level', async () => {
    const run = await cli(['check', '--format', 'json', join(EVAL, 'dev')]);
    expect([0, 1]).toContain(run.code);
    const dir = mkdtempSync(join(tmpdir(), 'callcoach-eval-'));
    const results = join(dir, 'out.json');
    writeFileSync(results, run.stdout);
    const metricsFile = join(dir, 'metrics.json');
    const scored = spawnSync(process.execPath, [join(EVAL, 'score.mjs'), join(EVAL, 'dev/labels.yaml'), results, '--json', metricsFile], {
      encoding: 'utf8',
    });
    const metrics = JSON.parse(readFileSync(metricsFile, 'utf8')) as {
      packs: { pack: string; conversation: { f1: number } }[];
      portrait: { macroF1: number };
    };
    rmSync(dir, { recursive: true, force: true });
    // The packs of the later articles (restating, nerves, robotism, runaround, coldness) and the portraits.
    for (const pack of ['restatement', 'hedging', 'robotism', 'runaround', 'coldness'])
      expect(metrics.packs.find((p) => p.pack === pack)!.conversation.f1, pack).toBeGreaterThanOrEqual(0.85);
    expect(metrics.portrait.macroF1).toBeGreaterThanOrEqual(0.8);
    const macro = /macro-F1 conversation=([\d.]+) turn=([\d.]+)/.exec(scored.stdout);
    expect(macro, scored.stdout + scored.stderr).not.toBeNull();
    expect(Number(macro![1])).toBeGreaterThanOrEqual(0.85);
    expect(Number(macro![2])).toBeGreaterThanOrEqual(0.75);
  });
});
