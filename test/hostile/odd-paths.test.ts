import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../dist/results/collect.js';
import { cli } from '../cli/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'callcoach-paths-'));
const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
  rmSync(work, { recursive: true, force: true });
});
const GOOD = 'Customer: my bill is wrong\nAgent: thanks for calling, let me check that for you\n';
const isRoot = process.getuid?.() === 0;
const errorsBy = (stdout: string) =>
  Object.fromEntries((JSON.parse(stdout) as Results).files.map((f) => [f.path.replace(`${work}/`, ''), f.errors[0]?.message ?? 'ok']));
const fresh = (name: string) => {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'good.txt'), GOOD);
  return dir;
};
const BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefgh'.split('').map(
    (c, i) =>
      `${c}: &${c} [${Array(9)
        .fill(`*${String.fromCharCode(97 + i)}`)
        .join(',')}]`,
  ),
].join('\n');

describe('odd paths are each reported, and the batch goes on', () => {
  it('a FIFO given as a path or found in a directory (never opened: it would block)', async () => {
    const dir = fresh('fifo');
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const r = await cli(['check', dir, join(dir, 'pipe.txt'), '-f', 'json']);
    expect(r.code).toBe(2);
    expect(errorsBy(r.stdout)).toEqual({ 'fifo/good.txt': 'ok', 'fifo/pipe.txt': 'a named pipe (FIFO): only regular files are read' });
  });

  it('a socket and a device', async () => {
    const dir = fresh('socket');
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(join(dir, 'sock.txt'), resolve));
    const r = await cli(['check', dir, '/dev/null', '-f', 'json']);
    expect(errorsBy(r.stdout)).toEqual({
      '/dev/null': 'a device: only regular files are read',
      'socket/good.txt': 'ok',
      'socket/sock.txt': 'a socket: only regular files are read',
    });
  });

  it('symlinks: followed to files and directories, a loop walked once, a broken or looping link reported', async () => {
    const dir = fresh('links');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'inner.txt'), GOOD);
    symlinkSync(join(dir, 'good.txt'), join(dir, 'alias.txt'));
    symlinkSync(dir, join(dir, 'sub', 'back-to-top'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'broken.txt'));
    symlinkSync(join(dir, 'self.txt'), join(dir, 'self.txt'));
    const r = await cli(['check', dir, '-f', 'json']);
    expect(errorsBy(r.stdout)).toEqual({
      'links/alias.txt': 'ok',
      'links/broken.txt': 'symbolic link: no such file or directory',
      'links/good.txt': 'ok',
      'links/self.txt': 'symbolic link: too many levels of symbolic links',
      'links/sub/inner.txt': 'ok',
    });
  });

  it.skipIf(isRoot)('an unreadable directory and an unreadable file', async () => {
    const dir = fresh('unreadable');
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'secret.txt'), GOOD);
    chmodSync(join(dir, 'locked'), 0);
    chmodSync(join(dir, 'secret.txt'), 0);
    const r = await cli(['check', dir, '-f', 'json']);
    chmodSync(join(dir, 'locked'), 0o755);
    expect(errorsBy(r.stdout)).toEqual({
      'unreadable/good.txt': 'ok',
      'unreadable/locked': 'cannot list this directory: permission denied',
      'unreadable/secret.txt': 'permission denied',
    });
  });

  it('roles sidecars that are an alias bomb, a directory, or too large are errors of their transcript only', async () => {
    const dir = fresh('sidecars');
    for (const name of ['bomb', 'dir', 'large']) writeFileSync(join(dir, `${name}.txt`), GOOD);
    writeFileSync(join(dir, 'bomb.roles.yaml'), BOMB);
    mkdirSync(join(dir, 'dir.roles.yaml'));
    writeFileSync(join(dir, 'large.roles.yaml'), `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    const r = await cli(['check', dir, '-f', 'json']);
    expect(r.code).toBe(2);
    const errors = errorsBy(r.stdout);
    expect(errors['sidecars/good.txt']).toBe('ok');
    expect(errors['sidecars/bomb.txt']).toMatch(/^.*bomb\.roles\.yaml: invalid YAML: Excessive alias count/);
    expect(errors['sidecars/dir.txt']).toMatch(/dir\.roles\.yaml: a directory: only regular files are read$/);
    expect(errors['sidecars/large.txt']).toMatch(/large\.roles\.yaml: input is 2 MB, more than the limit of 1 MB/);
  });

  it('an alias bomb in front matter is a located error of that transcript', async () => {
    const dir = fresh('front');
    writeFileSync(join(dir, 'bomb.txt'), `---\n${BOMB}\n---\n${GOOD}`);
    const r = await cli(['check', dir, '-f', 'json']);
    expect(errorsBy(r.stdout)).toEqual({
      'front/bomb.txt': expect.stringMatching(/^invalid YAML front matter: Excessive alias count/),
      'front/good.txt': 'ok',
    });
  });

  it('an alias bomb in a pack is a pack error (exit 2, located), not an internal error', async () => {
    const dir = fresh('pack');
    writeFileSync(join(dir, 'bomb.yaml'), `pack: bomb\n${BOMB}\n`);
    const r = await cli(['check', join(dir, 'good.txt'), '--packs', join(dir, 'bomb.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bomb\.yaml:1:1: invalid YAML: Excessive alias count/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('deeply nested JSON is a located error, the same at --jobs 1 and 2', async () => {
    const dir = fresh('deep');
    writeFileSync(join(dir, 'deep.json'), `{"turns": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `good-${i}.txt`), GOOD);
    const one = await cli(['check', dir, '-f', 'json', '--jobs', '1']);
    const two = await cli(['check', dir, '-f', 'json', '--jobs', '2']);
    expect(two.stdout).toBe(one.stdout);
    const deep = (JSON.parse(one.stdout) as Results).files.find((f) => f.path.endsWith('deep.json'))!;
    expect(deep.errors).toEqual([
      { message: 'JSON nested more than 256 levels deep: no transcript format needs that many', line: 1, column: 266 },
    ]);
  });
});
