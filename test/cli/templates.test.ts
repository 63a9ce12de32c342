import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

describe('message templates outside a conversation', () => {
  it('rules, explain and SARIF rule help show placeholders with their meaning, never raw {value}', async () => {
    const rules = (await cli(['rules'])).stdout;
    expect(rules).not.toMatch(/\{(value|limit|terms|suggestions|detail)\}/);
    expect(rules).toContain('‹the measured figure› of silence');
    const explain = (await cli(['explain', 'jargon/unexplained-term'])).stdout;
    expect(explain).toContain('Use plain words: ‹plain words for each term›.');
    const sarif = JSON.parse((await cli(['check', '-f', 'sarif', 'fixtures/calls/boiler-hold.txt'])).stdout);
    const deadAir = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'holds/dead-air');
    expect(deadAir.shortDescription.text).toBe('‹the measured figure› of silence without telling the customer what was happening.');
    expect(sarif.runs[0].tool.driver.informationUri).toBe('https://github.com/callcoach/callcoach#readme');
    // In a finding the template is filled.
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'holds/dead-air');
    expect(result.message.text).toMatch(/^00:\d\d of silence/);
  });
});
