import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redactText } from '../../dist/results/redact.js';
import { cli } from '../cli/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'callcoach-redact-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Every listed kind, as people say and type them: the strings that must not survive.
const PII = {
  card: ['4111 1111 1111 1111', '4111-1111-1111-1111', '5500005555555559'],
  account: ['12345678', '00443322119'],
  email: ['jane.doe@example.com'],
  phone: ['+44 20 7946 0958', '(555) 123-4567', '07700 900123'],
  postcode: ['SW1A 1AA', '90210'],
  name: ['Priya', 'Okafor', 'Jane'],
};
/** The listed strings a text still holds, as written or as bare digits. */
const leaks = (text: string) =>
  Object.values(PII)
    .flat()
    .filter((s) => text.includes(s) || (s.replace(/\D/g, '').length >= 5 && text.includes(s.replace(/\D/g, ''))));

const dir = join(work, 'calls');
mkdirSync(dir);
writeFileSync(
  join(dir, 'call.txt'),
  [
    '---',
    'id: call-1',
    'agent: Priya Okafor',
    'roles: {Priya Okafor: agent, Jane: customer}',
    '---',
    'Priya Okafor: Thanks for calling, this is Priya. How can I help?',
    `Jane: My card 4111 1111 1111 1111 was charged twice, account 12345678, email jane.doe@example.com.`,
    'Priya Okafor: Sorry Jane. Is your number +44 20 7946 0958 or (555) 123-4567, or 07700 900123?',
    'Jane: The postcode is SW1A 1AA, or 90210 for the other card, 4111-1111-1111-1111 and 5500005555555559, ref 00443322119.',
    'Priya Okafor: There is nothing I can do, it is our policy.',
  ].join('\n'),
);
writeFileSync(join(dir, 'broken.txt'), 'Jane: hi\n[1 jane.doe@example.com 4111 1111 1111 1111] Priya: hello\n');
// A pack whose regex matches whole turns, so quotes carry everything said.
const pack = join(work, 'all.yaml');
writeFileSync(
  pack,
  "pack: all\ndescription: d\nsource: s\nrules:\n  - id: all/everything\n    kind: phrase\n    speaker: [agent, customer]\n    step: 3\n    severity: warning\n    message: m\n    tip: t\n    regex: ['.+']\n",
);
const FORMATS = ['stylish', 'json', 'jsonl', 'junit', 'sarif', 'github', 'csv', 'markdown'];

describe('--redact', () => {
  it.each(FORMATS)('leaves no listed kind of personal data in %s', async (format) => {
    const args = ['check', dir, '--no-config', '--packs', `${pack},rule-book`, '-f', format, '--group-by', 'agent'];
    const plain = await cli(args);
    expect(leaks(plain.stdout).length).toBeGreaterThan(0); // the data is there to be masked
    const redacted = await cli([...args, '--redact']);
    expect(redacted.code).toBe(2);
    expect(leaks(redacted.stdout)).toEqual([]);
    expect(leaks(redacted.stderr)).toEqual([]);
  });

  it('says what was masked', () => {
    expect(redactText('card 4111 1111 1111 1111, acct 12345678, jane.doe@example.com, +44 20 7946 0958, SW1A 1AA, Jane', [/Jane/g])).toBe(
      'card [card], acct [number], [email], [phone], [postcode], [name]',
    );
    // A run that fails Luhn's check is not a card, but is still masked.
    expect(redactText('4111 1111 1111 1112', [])).toBe('[number]');
  });

  it('comes from the config too', async () => {
    const cwd = join(work, 'configured');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'callcoach.config.yaml'), `redact: true\nextends: [${pack}]\n`);
    const r = await cli(['check', join(dir, 'call.txt'), '-f', 'json'], { cwd });
    expect(leaks(r.stdout)).toEqual([]);
  });
});

describe('--quote-chars', () => {
  it('cuts every quote', async () => {
    const r = await cli(['check', join(dir, 'call.txt'), '--no-config', '--packs', pack, '-f', 'json', '--quote-chars', '12']);
    const quotes = JSON.parse(r.stdout).files[0].findings.map((f: { quote: string }) => f.quote);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q.length).toBeLessThanOrEqual(13);
  });
});
