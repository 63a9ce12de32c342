import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../dist/results/collect.js';
import { SAMPLE_CALL } from '../helpers.js';
import { cli, ROOT } from './run-cli.js';

const json = (stdout: string) => JSON.parse(stdout) as Results;
const work = mkdtempSync(join(tmpdir(), 'callcoach-batch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const INPUTS = ['fixtures/calls', 'fixtures/formats'];

describe('batch runs', () => {
  it('gives the same bytes with one worker thread or two', async () => {
    const one = await cli(['check', '-f', 'json', '--jobs', '1', ...INPUTS]);
    const two = await cli(['check', '-f', 'json', '--jobs', '2', ...INPUTS]);
    expect(one.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
  });

  it('splits into shards that merge back into the unsharded result', async () => {
    const whole = (await cli(['check', '-f', 'json', ...INPUTS])).stdout;
    const parts: string[] = [];
    for (const i of [1, 2, 3]) {
      const file = join(work, `shard-${i}.json`);
      await cli(['check', '-f', `json:${file}`, '--shard', `${i}/3`, ...INPUTS]);
      parts.push(file);
    }
    const sizes = parts.map((p) => json(readFileSync(p, 'utf8')).files.length);
    expect(sizes.every((n) => n > 0)).toBe(true);
    expect(sizes.reduce((a, b) => a + b)).toBe(json(whole).files.length);
    expect((await cli(['merge', ...parts])).stdout).toBe(whole);
  });

  it("merges a custom pack's runs into the same CSV, SARIF and JSON as one run", async () => {
    const cwd = join(ROOT, 'examples/northwind');
    const single = async (format: string) => (await cli(['check', '-f', format, 'calls'], { cwd })).stdout;
    const parts: string[] = [];
    for (const i of [1, 2]) {
      const file = join(work, `northwind-${i}.json`);
      await cli(['check', '-f', `json:${file}`, '--shard', `${i}/2`, 'calls'], { cwd });
      parts.push(file);
    }
    // merge runs where check ran, so it takes the same config gates
    for (const format of ['csv', 'sarif', 'json'])
      expect((await cli(['merge', '-f', format, ...parts], { cwd })).stdout).toBe(await single(format));
    expect(await single('csv')).toContain('findings northwind');
  });

  it('streams JSON Lines conversations from stdin to JSON Lines results in input order', async () => {
    const lines = [1, 2, 3].map((i) =>
      JSON.stringify({
        id: `c${i}`,
        turns: [
          { speaker: 'Customer', role: 'customer', text: 'This is ridiculous.' },
          { speaker: 'Agent', role: 'agent', text: i === 2 ? 'I am so sorry.' : 'Order number?' },
        ],
      }),
    );
    const r = await cli(['check', '--stdin-format', 'jsonl', '-f', 'jsonl', '-'], { input: `${lines.join('\n')}\n` });
    expect(r.code).toBe(1);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((f) => [f.conversation.id, f.findings.length])).toEqual([
      ['c1', 3],
      ['c2', 1],
      ['c3', 3],
    ]);
  });

  it('gives the same bytes on a stream with the default job count as with --jobs 1', async () => {
    const said = SAMPLE_CALL;
    const lines = Array.from({ length: 240 }, (_, i) =>
      JSON.stringify({
        id: `r${i}`,
        turns: said.filter((_, k) => (i >> k) % 2 === 0 || k === 0).map(([role, text]) => ({ speaker: role, role, text })),
      }),
    );
    const input = `${lines.join('\n')}\n{bad\n`;
    const one = await cli(['check', '--stdin-format', 'jsonl', '-f', 'json', '--jobs', '1', '-'], { input });
    const shared = await cli(['check', '--stdin-format', 'jsonl', '-f', 'json', '-'], { input });
    expect(json(one.stdout).files).toHaveLength(241);
    expect(shared.stdout).toBe(one.stdout);
    expect(shared.code).toBe(one.code);
  });

  it('locates a bad record in a JSON Lines stream by its line, and checks the rest', async () => {
    const good = JSON.stringify({ id: 'ok', turns: [{ speaker: 'Agent', role: 'agent', text: 'Hello.' }] });
    const r = await cli(['check', '--stdin-format', 'jsonl', '-f', 'jsonl', '-'], {
      input: `${good}\n\n{"id":"empty","turns":[]}\n{bad\n${good}\n`,
    });
    expect(r.code).toBe(2);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((f) => f.conversation?.id ?? f.errors[0])).toEqual([
      'ok',
      'empty',
      { message: 'invalid JSON: unexpected character', line: 4, column: 2 },
      'ok',
    ]);
  });

  it('reports a conversation without turns as empty and not judged, without failing the run', async () => {
    const r = await cli(['check', '--stdin-format', 'jsonl', '-f', 'json', '-'], { input: '{"id":"e","turns":[]}\n' });
    expect(r.code).toBe(0);
    const results = json(r.stdout);
    expect(results.files[0]!.scorecard).toMatchObject({ score: null, judged: false, unjudged: { reason: 'empty' } });
    expect(results.summary).toMatchObject({ unreadable: 0, unjudged: { total: 1, empty: 1 } });
  });

  const parallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!parallel)('gives the same JSON Lines through GNU parallel --pipe as directly', async () => {
    const input = `${Array.from({ length: 60 }, (_, i) =>
      JSON.stringify({
        id: `c${i}`,
        turns: [
          { speaker: 'Customer', role: 'customer', text: i % 3 ? 'My bill is wrong.' : 'I am furious.' },
          { speaker: 'Agent', role: 'agent', text: 'Account number?' },
        ],
      }),
    ).join('\n')}\n`;
    const direct = (await cli(['check', '--stdin-format', 'jsonl', '-f', 'jsonl', '-'], { input })).stdout;
    const bin = join(ROOT, 'bin/callcoach.js');
    const piped = spawnSync(
      'parallel',
      [
        '--will-cite',
        '--pipe',
        '-k',
        '-N',
        '7',
        process.execPath,
        bin,
        'check',
        '--stdin-format',
        'jsonl',
        '-f',
        'jsonl',
        '--jobs',
        '1',
        '-',
      ],
      { input, encoding: 'utf8' },
    );
    expect(piped.stdout).toBe(direct);
  });

  it('writes several formats in one run, keeping stdout pure', async () => {
    const out = join(work, 'multi');
    const r = await cli([
      'check',
      '-f',
      'json',
      '-f',
      `junit:${out}/junit.xml`,
      '-f',
      `sarif:${out}/results.sarif`,
      '-f',
      `csv:${out}/results.csv`,
      '-f',
      `markdown:${out}/summary.md`,
      ...INPUTS,
    ]);
    expect(json(r.stdout).files.length).toBeGreaterThan(20);
    for (const f of ['junit.xml', 'results.sarif', 'results.csv', 'summary.md'])
      expect(readFileSync(join(out, f), 'utf8').length).toBeGreaterThan(100);
    expect((await cli(['check', '-f', 'json', '-f', 'csv', 'fixtures/calls'])).stderr).toContain('only one format can write to stdout');
  });

  it('writes SARIF that validates against the SARIF 2.1.0 schema', async () => {
    const sarif = JSON.parse((await cli(['check', '-f', 'sarif', 'fixtures'])).stdout);
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The published schema has one pattern that is only valid without the u flag.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('empathy/no-acknowledgement');
    expect(
      run.results.find((r: { ruleId: string }) => r.ruleId === 'empathy/no-acknowledgement').locations[0].physicalLocation.region.startLine,
    ).toBeGreaterThan(0);
    expect(run.invocations[0].toolExecutionNotifications.length).toBe(4); // fixtures/malformed
  });

  it('writes JUnit with a testsuite per conversation and a testcase per step', async () => {
    const xml = (await cli(['check', '-f', 'junit', 'fixtures/calls/pharmacy-refill.txt', 'fixtures/malformed/broken.json'])).stdout;
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toContain('<testsuite name="fixtures/calls/pharmacy-refill.txt" tests="7" failures="6" errors="0" skipped="0">');
    expect(xml).toContain('<testcase classname="fixtures/calls/pharmacy-refill.txt" name="4. See it from the customer&apos;s side">');
    expect(xml).toContain('<error message="invalid JSON: expected &apos;,&apos; between items">fixtures/malformed/broken.json:5:5');
  });

  it('writes GitHub workflow annotations', async () => {
    const out = (await cli(['check', '-f', 'github', 'fixtures/calls/pharmacy-refill.txt'])).stdout;
    expect(out).toMatch(
      /^::error file=fixtures\/calls\/pharmacy-refill.txt,line=8,title=empathy\/no-acknowledgement::The customer was upset/m,
    );
    expect(out).toMatch(/^::warning file=.*title=jargon\/unexplained-term::/m);
  });

  it('writes CSV rows with step statuses and finding counts per pack, and per-agent rows', async () => {
    const csv = (await cli(['check', '-f', 'csv', '--group-by', 'agent', 'fixtures/calls'])).stdout.split('\r\n');
    expect(csv[0]).toMatch(/^path,id,agent,score,step 1,.*,step 7,findings cold-transfers,findings coldness,findings empathy,/);
    expect(csv).toContain(
      'fixtures/calls/pharmacy-refill.txt,pharmacy-refill,Dana,71,fail,fail,fail,fail,pass,fail,fail,0,0,1,0,0,0,1,1,0,1,1,1,0,0,',
    );
    expect(csv.some((l) => l.startsWith('Dana,1,71,'))).toBe(true);
  });

  it('writes a Markdown summary for pull requests', async () => {
    const md = (await cli(['check', '-f', 'markdown', '--group-by', 'agent', 'fixtures/calls'])).stdout;
    expect(md).toContain('| files | conversations | unreadable | not judged | errors | warnings | info | mean score |');
    expect(md).toContain('### Most frequent rules');
    expect(md).toMatch(/\| Dana \| 1 \| 71 \|/);
  });

  it('ends a stylish batch with a summary and a per-agent table', async () => {
    const out = (await cli(['check', '--group-by', 'agent', '--agent-from-path', 'calls/([a-z]+)-', 'fixtures/calls'])).stdout;
    expect(out).toMatch(/Summary\n {2}files 6 · conversations 6 · unreadable 0 · not judged 0 · mean score 88\.2/);
    expect(out).toContain('most frequent rules');
    expect(out).toContain('lowest scores');
    expect(out).toMatch(/By agent\n.*agent +calls +mean/);
    expect(out).toMatch(/\n {2}lost +1 +85 /); // named from the path
  });
});

describe('gates', () => {
  it('--max-warnings, --fail-under and --fail-on decide the exit code; --min-severity only hides', async () => {
    const file = 'fixtures/calls/fibre-outage.vtt'; // three warnings, score 88
    expect((await cli(['check', file])).code).toBe(0);
    expect((await cli(['check', '--max-warnings', '2', file])).code).toBe(1);
    expect((await cli(['check', '--max-warnings', '3', file])).code).toBe(0);
    expect((await cli(['check', '--fail-under', '90', file])).code).toBe(1);
    expect((await cli(['check', '--fail-on', 'warning', file])).code).toBe(1);
    const hidden = await cli(['check', '-f', 'json', '--min-severity', 'error', '--fail-on', 'warning', file]);
    expect(hidden.code).toBe(1);
    expect(json(hidden.stdout).files[0]!.findings).toEqual([]);
  });

  it('prints one line per tripped gate saying which and why, and puts every gate and the exit reason in the JSON summary', async () => {
    const file = 'fixtures/calls/fibre-outage.vtt'; // three warnings, score 85
    const r = await cli(['check', '-f', 'json', '--max-warnings', '0', '--fail-under', '95', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'callcoach: --max-warnings 0 tripped: too many warnings: 3 (maximum: 0)',
      'callcoach: --fail-under 95 tripped: lowest score 85 (fixtures/calls/fibre-outage.vtt) is below 95',
    ]);
    const { summary } = json(r.stdout);
    expect(summary.gates).toEqual([
      { name: 'fail-on', limit: 'error', actual: 0, tripped: false, message: 'no findings at or above error' },
      { name: 'max-warnings', limit: 0, actual: 3, tripped: true, message: 'too many warnings: 3 (maximum: 0)' },
      {
        name: 'fail-under',
        limit: 95,
        actual: 85,
        tripped: true,
        message: 'lowest score 85 (fixtures/calls/fibre-outage.vtt) is below 95',
      },
    ]);
    expect(summary.exit).toEqual({ code: 1, reason: 'tripped: max-warnings, fail-under' });
    const clean = await cli(['check', '-f', 'json', file]);
    expect(clean.stderr).toBe('');
    expect(json(clean.stdout).summary.exit).toEqual({ code: 0, reason: 'no gate tripped' });
  });

  it('refuses impossible limits', async () => {
    for (const args of [
      ['--fail-under', '120'],
      ['--fail-under', '-1'],
      ['--max-warnings', '-1'],
      ['--max-unjudged', '120%'],
      ['--max-unjudged', 'some'],
    ]) {
      const r = await cli(['check', ...args, 'fixtures/calls']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/invalid|must|takes|cannot|expected/);
    }
    const dir = join(work, 'impossible');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'callcoach.config.yaml'), 'gates:\n  maxUnjudged: "200%"\n');
    const r = await cli(['check', 'x.txt'], { cwd: dir });
    expect(r.code).toBe(2);
  });

  it('unjudged conversations are reported always and fail the run with --max-unjudged', async () => {
    const file = 'fixtures/unjudged/two-names.txt'; // two people, no agent cues: roles undecided
    const plain = await cli(['check', '--fail-under', '90', '--fail-on', 'info', file]);
    expect(plain.stdout).not.toContain('✔ no findings');
    expect(plain.stdout).toContain('no findings in 1 conversation; 1 not judged (1 roles undecided)');
    const out = await cli(['check', '-f', 'json', file]);
    expect(json(out.stdout).summary.unjudged).toEqual({ total: 1, empty: 0, tooShort: 0, rolesUndecided: 1, nothingToJudge: 0 });
    const gated = await cli(['check', '--max-unjudged', '0', file]);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toContain('--max-unjudged 0 tripped: too many unjudged conversations: 1 of 1 (1 roles undecided)');
    const share = await cli(['check', '--max-unjudged', '50%', file, 'fixtures/calls/bike-repair-chat.txt']);
    expect(share.code).toBe(0);
    expect((await cli(['check', '--max-unjudged', '49%', file, 'fixtures/calls/bike-repair-chat.txt'])).code).toBe(1);
    const md = (await cli(['check', '-f', 'markdown', '--max-unjudged', '0', file])).stdout;
    expect(md).toContain('| `--max-unjudged` | 0 | ✖ too many unjudged conversations');
  });

  it('merge takes the same gates, so the merge step of a sharded CI can be the gate', async () => {
    const parts: string[] = [];
    for (const i of [1, 2]) {
      const file = join(work, `gate-shard-${i}.json`);
      await cli(['check', '-f', `json:${file}`, '--shard', `${i}/2`, 'fixtures/calls']);
      parts.push(file);
    }
    const merged = await cli(['merge', '-f', 'json', '--max-warnings', '3', '--fail-on', 'warning', ...parts]);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toContain('callcoach: --max-warnings 3 tripped: too many warnings: 11 (maximum: 3)');
    expect(json(merged.stdout).summary.exit).toEqual({ code: 1, reason: 'tripped: fail-on, max-warnings' });
    expect((await cli(['merge', '--fail-on', 'info', '--fail-under', '0', '--max-warnings', '20', ...parts])).code).toBe(1);
    expect((await cli(['merge', '--fail-under', '200', ...parts])).code).toBe(2);
  });

  it('fails only on findings a baseline does not know, and reports and prunes the fixed ones', async () => {
    const root = join(work, 'baseline');
    const dir = join(root, 'calls');
    mkdirSync(dir, { recursive: true });
    cpSync('fixtures/calls/pharmacy-refill.txt', join(dir, 'call.txt'));
    const baseline = join(root, 'baseline.json');
    const written = await cli(['check', '--baseline', baseline, '--write-baseline', 'calls'], { cwd: root });
    expect(written.code).toBe(0);
    expect(written.stderr).toContain('callcoach: baseline');
    expect(written.stderr).toContain('recorded the findings of 1 checked input (+6 −0); 6 entries in all');
    expect(entries(baseline)).toEqual({ 'calls/call.txt': 6 });
    const again = await cli(['check', '-f', 'json', '--baseline', baseline, 'calls'], { cwd: root });
    expect(again.code).toBe(0);
    expect(json(again.stdout).summary).toMatchObject({ findings: 0, baseline: { known: 6, fixed: [] } });
    // Fix turn 3 (an apology that restates the problem before the ID request), then add a new problem elsewhere.
    const text = readFileSync(join(dir, 'call.txt'), 'utf8')
      .replace(
        "What's your date of birth?",
        "I'm sorry, four days waiting for your blood pressure refill is awful. What's your date of birth?",
      )
      .replace('the plan will review it.', 'the plan will review it. You will need to call our pharmacy benefits department.');
    writeFileSync(join(dir, 'call.txt'), text);
    const changed = json((await cli(['check', '-f', 'json', '--baseline', baseline, 'calls'], { cwd: root })).stdout);
    expect(changed.files[0]!.findings.map((f) => f.rule)).toEqual(['cold-transfers/brush-off']);
    expect(changed.summary.baseline!.fixed.map((f) => [f.path, f.rule])).toEqual([
      ['calls/call.txt', 'empathy/no-acknowledgement'],
      ['calls/call.txt', 'restatement/not-restated'],
      ['calls/call.txt', 'robotism/id-before-contact'],
    ]);
    const pruned = await cli(['check', '--baseline', baseline, '--prune-baseline', 'calls'], { cwd: root });
    expect(pruned.stderr).toContain('pruned 3 fixed findings of 1 checked input');
    expect(entries(baseline)).toEqual({ 'calls/call.txt': 3 });
  });
});

/** Entries per input path in a baseline file. */
const entries = (file: string) =>
  Object.fromEntries(
    Object.entries(JSON.parse(readFileSync(file, 'utf8')).files as Record<string, unknown[]>).map(([p, e]) => [p, e.length]),
  );

describe('baselines', () => {
  const root = join(work, 'qa');
  /** How many findings the fixture each copy is made from has. */
  let n = 0;
  beforeAll(async () => {
    n = json((await cli(['check', '-f', 'json', 'fixtures/calls/pharmacy-refill.txt'])).stdout).files[0]!.findings.length;
  });
  const call = (agent: string, day: string) => join(root, agent, day, 'call-001.txt');
  const setUp = () => {
    rmSync(root, { recursive: true, force: true });
    for (const [agent, day] of [
      ['a', 'mon'],
      ['b', 'mon'],
      ['c', 'tue'],
    ]) {
      mkdirSync(join(root, agent!, day!), { recursive: true });
      cpSync('fixtures/calls/pharmacy-refill.txt', call(agent!, day!));
    }
  };

  it("keys entries by the input's path, so the same file name in another folder is not silenced", async () => {
    setUp();
    const baseline = join(work, 'qa.baseline.json');
    await cli(['check', '--baseline', baseline, '--write-baseline', 'a'], { cwd: root });
    const other = await cli(['check', '-f', 'json', '--baseline', baseline, 'b'], { cwd: root });
    expect(other.code).toBe(1);
    expect(json(other.stdout).summary).toMatchObject({ findings: n, baseline: { known: 0, fixed: [] } });
    // Keys are relative to the baseline file, so running from another directory finds the same entries.
    const elsewhere = await cli(['check', '-f', 'json', '--baseline', baseline, 'mon'], { cwd: join(root, 'a') });
    expect(elsewhere.code).toBe(0);
    expect(json(elsewhere.stdout).summary).toMatchObject({ findings: 0, baseline: { known: n, fixed: [] } });
  });

  it('--write-baseline on some inputs merges: the entries of every other input are kept', async () => {
    setUp();
    const baseline = join(work, 'qa.baseline.json');
    await cli(['check', '--baseline', baseline, '--write-baseline', '.'], { cwd: root });
    expect(entries(baseline)).toEqual({ 'qa/a/mon/call-001.txt': n, 'qa/b/mon/call-001.txt': n, 'qa/c/tue/call-001.txt': n });
    const one = await cli(['check', '--baseline', baseline, '--write-baseline', 'b/mon/call-001.txt'], { cwd: root });
    expect(one.code).toBe(0);
    expect(one.stderr).toContain(`(+0 −0); ${3 * n} entries in all, ${2 * n} of them for inputs not checked in this run`);
    expect(entries(baseline)).toEqual({ 'qa/a/mon/call-001.txt': n, 'qa/b/mon/call-001.txt': n, 'qa/c/tue/call-001.txt': n });
  });

  it('--prune-baseline with --shard prunes only the inputs of that shard, and a reason survives rewriting', async () => {
    setUp();
    const baseline = join(work, 'qa.baseline.json');
    await cli(['check', '--baseline', baseline, '--write-baseline', '.'], { cwd: root });
    const doc = JSON.parse(readFileSync(baseline, 'utf8'));
    doc.files['qa/a/mon/call-001.txt'][0].reason = 'accepted by QA lead, ticket 42';
    writeFileSync(baseline, JSON.stringify(doc));
    for (const f of ['a/mon', 'b/mon', 'c/tue']) rmSync(join(root, f, 'call-001.txt'));
    for (const [agent, day] of [
      ['a', 'mon'],
      ['b', 'mon'],
      ['c', 'tue'],
    ])
      writeFileSync(call(agent!, day!), 'Customer: Hello, my order is late.\nAgent: I am sorry about that, let me check it now.\n');
    const first = json((await cli(['check', '-f', 'json', '--shard', '1/2', '.'], { cwd: root })).stdout).files.map((f) => f.path);
    expect(first).toEqual(['a/mon/call-001.txt', 'c/tue/call-001.txt']);
    const shard = await cli(['check', '--baseline', baseline, '--prune-baseline', '--shard', '1/2', '.'], { cwd: root });
    expect(shard.stderr).toContain(`pruned ${first.length * n} fixed findings of ${first.length} checked input`);
    const left = entries(baseline);
    for (const p of ['a/mon/call-001.txt', 'b/mon/call-001.txt', 'c/tue/call-001.txt'])
      expect(left[`qa/${p}`]).toBe(first.includes(p) ? undefined : n);

    setUp();
    await cli(['check', '--baseline', baseline, '--write-baseline', '.'], { cwd: root });
    const kept = JSON.parse(readFileSync(baseline, 'utf8')).files['qa/a/mon/call-001.txt'];
    expect(kept.filter((e: { reason?: string }) => e.reason)).toHaveLength(first.includes('a/mon/call-001.txt') ? 0 : 1);
  });

  it('every output agrees under a baseline: steps, scores, JUnit and the exit code count the same findings', async () => {
    setUp();
    const baseline = join(work, 'qa.baseline.json');
    await cli(['check', '--baseline', baseline, '--write-baseline', 'a'], { cwd: root });
    const out = json((await cli(['check', '-f', 'json', '--baseline', baseline, 'a'], { cwd: root })).stdout).files[0]!;
    expect(out.findings).toEqual([]);
    expect(out.scorecard!.steps.filter((s) => s.status === 'fail')).toEqual([]);
    expect(out.scorecard!.score).toBe(100);
    expect(out.notices).toContain(`${n} findings are in the baseline (not shown or counted)`);
    const junit = (await cli(['check', '-f', 'junit', '--baseline', baseline, 'a'], { cwd: root })).stdout;
    expect(junit).not.toContain('<failure');
    const stylish = await cli(['check', '--baseline', baseline, 'a'], { cwd: root });
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).not.toContain('fail\n');
    expect(stylish.stdout).toContain(`${n} findings in the baseline (not shown or counted); 0 fixed since it was recorded`);
  });

  it('lists the fixed findings in stylish and markdown, not only in JSON', async () => {
    setUp();
    const baseline = join(work, 'qa.baseline.json');
    await cli(['check', '--baseline', baseline, '--write-baseline', 'a'], { cwd: root });
    writeFileSync(call('a', 'mon'), 'Customer: Hello, my order is late.\nAgent: I am sorry about that, let me check it now.\n');
    const stylish = (await cli(['check', '--baseline', baseline, 'a'], { cwd: root })).stdout;
    expect(stylish).toMatch(/✔ fixed {2}qa\/a\/mon\/call-001\.txt {2}pharmacy-refill {2}empathy\/no-acknowledgement/);
    const md = (await cli(['check', '-f', 'markdown', '--baseline', baseline, 'a'], { cwd: root })).stdout;
    expect(md).toContain('### Baseline');
    expect(md).toMatch(/\| `qa\/a\/mon\/call-001\.txt` \| pharmacy-refill \| `empathy\/no-acknowledgement` \|/);
  });

  it('refuses a baseline it cannot use, and an older one with what to do', async () => {
    setUp();
    const old = join(root, 'old.json');
    writeFileSync(old, JSON.stringify({ tool: 'callcoach', baselineVersion: 1, findings: {} }));
    const r = await cli(['check', '--baseline', old, 'a'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('record it again with --write-baseline');
    const missing = await cli(['check', '--baseline', join(root, 'none.json'), 'a'], { cwd: root });
    expect(missing.stderr).toContain('no such file (record one with --write-baseline)');
  });
});

describe('inputs', () => {
  it('expands globs and honours --ignore and .callcoachignore', async () => {
    const paths = async (args: string[], cwd?: string) =>
      json((await cli(['check', '-f', 'json', ...args], cwd ? { cwd } : {})).stdout).files.map((f) => f.path);
    expect(await paths(['fixtures/formats/*.srt'])).toEqual(['fixtures/formats/call.srt', 'fixtures/formats/whisperx.srt']);
    expect(await paths(['fixtures/calls', '--ignore', '*.vtt', '--ignore', 'fixtures/calls/b*'])).toEqual([
      'fixtures/calls/gym-freeze-warm.txt',
      'fixtures/calls/lost-parcel.json',
      'fixtures/calls/pharmacy-refill.txt',
    ]);
    const dir = join(work, 'ignorefile');
    cpSync('fixtures/calls', join(dir, 'calls'), { recursive: true });
    writeFileSync(join(dir, '.callcoachignore'), '# drafts\n*.json\ncalls/p*\n');
    expect(await paths(['calls'], dir)).toEqual([
      'calls/bike-repair-chat.txt',
      'calls/boiler-hold.txt',
      'calls/fibre-outage.vtt',
      'calls/gym-freeze-warm.txt',
    ]);
  });

  it('reads a list of paths from stdin', async () => {
    const r = await cli(['check', '-f', 'json', '--stdin-format', 'paths', '-'], {
      input: 'fixtures/calls/lost-parcel.json\nfixtures/calls/fibre-outage.vtt\n',
    });
    expect(json(r.stdout).files.map((f) => f.path)).toEqual(['fixtures/calls/fibre-outage.vtt', 'fixtures/calls/lost-parcel.json']);
  });
});
