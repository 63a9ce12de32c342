import { describe, expect, it } from 'vitest';
import { runRules } from '../../dist/rules/engine.js';
import { decidePortrait } from '../../dist/rules/portrait.js';
import { conversation, packFrom } from '../helpers.js';

const pack = `pack: test
description: d
source: s
rules:
  - id: test/loud
    kind: portrait
    step: 4
    severity: info
    message: m
    tip: Be direct.
    portrait: loud
    min: 2
    signals:
      - {signal: shouting, weight: 1, signals: [shouting]}
      - {signal: bangs, weight: 1, exclamations: 3}
      - {signal: swearing, weight: 2, signals: [masked-swear]}
  - id: test/polite
    kind: portrait
    step: 4
    severity: info
    message: m
    tip: Apologize.
    portrait: polite
    min: 2
    maxTurnsPerSignal: 2
    signals:
      - {signal: apology, weight: 1, match: ['sorry']}
  - id: test/denied
    kind: phrase
    step: 4
    severity: warning
    severities: {loud: error}
    message: m
    tip: Default tip.
    tips: {loud: Loud tip.}
    match: ['that is correct']
  - id: test/only-polite
    kind: phrase
    step: 5
    severity: warning
    portraits: [polite]
    message: m
    tip: t
    match: ['goodbye']`;

describe('portrait kind and decision', () => {
  const { rules, problems } = packFrom(pack);

  it('loads', () => expect(problems).toEqual([]));

  it('decides the strongest portrait, with its evidence, confidence and tip', () => {
    const c = conversation('Customer: WHERE IS MY ORDER!!! for **** sake\nAgent: That is correct.');
    const p = decidePortrait(c, rules)!;
    expect(p.name).toBe('loud');
    expect(p.tip).toBe('Be direct.');
    expect(p.turns.map((t) => t.signal).sort()).toEqual(['bangs', 'shouting', 'swearing']);
    expect(p.confidence).toBeCloseTo(1 - 0.5 ** 2, 2);
  });

  it('caps how many turns one signal counts in, and needs the threshold', () => {
    const many = conversation('Customer: Sorry.\nCustomer: Sorry.\nCustomer: Sorry.\nAgent: Goodbye.');
    expect(decidePortrait(many, rules)).toMatchObject({ name: 'polite', confidence: 0.5 });
    expect(decidePortrait(conversation('Customer: Sorry.\nAgent: Goodbye.'), rules)).toBeNull();
  });

  it('gives the portrait’s tip and severity, and runs portrait-only rules only for that portrait', () => {
    const c = conversation('Customer: Sorry. Sorry again.\nCustomer: Sorry!\nAgent: That is correct.\nAgent: Goodbye.');
    const plain = runRules(c, rules).flatMap((o) => o.findings);
    expect(plain.map((f) => [f.rule, f.severity, f.tip])).toEqual([['test/denied', 'warning', 'Default tip.']]);
    const loud = runRules(c, rules, 'loud').flatMap((o) => o.findings);
    expect(loud.map((f) => [f.rule, f.severity, f.tip])).toEqual([['test/denied', 'error', 'Loud tip.']]);
    const polite = runRules(c, rules, 'polite').flatMap((o) => o.findings);
    expect(polite.map((f) => f.rule)).toEqual(['test/denied', 'test/only-polite']);
  });

  it('reports no findings of its own', () => {
    const c = conversation('Customer: WHERE IS MY ORDER!!!\nAgent: Hello.');
    expect(
      runRules(c, rules, 'loud')
        .filter((o) => o.rule.kind === 'portrait')
        .flatMap((o) => o.findings),
    ).toEqual([]);
  });
});
