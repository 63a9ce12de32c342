import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../cli/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'callcoach-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the package', () => {
  it('declares its licence, repository, homepage and bugs, and builds on prepack, never at install', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository.url).toBe('git+https://github.com/callcoach/callcoach.git');
    expect(pkg.homepage).toBe('https://github.com/callcoach/callcoach#readme');
    expect(pkg.bugs.url).toBe('https://github.com/callcoach/callcoach/issues');
    expect(pkg.scripts.prepack).toBe('npm run build');
    for (const hook of ['prepare', 'preinstall', 'install', 'postinstall']) expect(pkg.scripts[hook], hook).toBeUndefined();
  });

  it('installs from the packed tarball in a fresh directory and runs `npx callcoach check` on a fixture', async () => {
    // npm test has just built dist/; packing without scripts keeps the build the other tests use.
    const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)) as {
      filename: string;
      files: { path: string }[];
    }[];
    const shipped = packed!.files.map((f) => f.path);
    expect(shipped).toContain('dist/index.js');
    expect(shipped).toContain('dist/bundled-packs.json');
    expect(shipped).toContain('LICENSE');
    expect(shipped.some((p) => p.startsWith('src/') || p.startsWith('test/'))).toBe(false);

    const app = join(work, 'app');
    cpSync(join(ROOT, 'fixtures/calls/pharmacy-refill.txt'), join(app, 'calls', 'pharmacy-refill.txt'));
    writeFileSync(join(app, 'package.json'), '{"name": "qa-team", "private": true}\n');
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed!.filename)], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/install script|prepare/i);
    expect(existsSync(join(app, 'node_modules/callcoach/dist/cli/run.js'))).toBe(true);

    const r = spawnSync('npx', ['--no-install', 'callcoach', 'check', '-f', 'json', 'calls'], { cwd: app, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1); // the fixture's findings, not a failure to run
    const out = JSON.parse(r.stdout);
    expect(out.files[0].path).toBe('calls/pharmacy-refill.txt');
    // The installed package judges the call exactly as this checkout does.
    const here = JSON.parse((await cli(['check', '-f', 'json', 'calls/pharmacy-refill.txt'], { cwd: app })).stdout);
    expect(out.files[0].scorecard).toEqual(here.files[0].scorecard);
    expect(r.stderr).toContain('callcoach: --fail-on error tripped');
  }, 180_000);
});
