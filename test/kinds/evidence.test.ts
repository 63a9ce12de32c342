import { describe, expect, it } from 'vitest';
import { runRules } from '../../dist/rules/engine.js';
import { scorecard } from '../../dist/scorecard/score.js';
import { conversation, packFrom } from '../helpers.js';

const pack = `pack: test
description: d
source: s
rules:
  - id: test/asked
    kind: evidence
    step: 6
    severity: info
    message: m
    tip: t
    match: ['what would make (it|this) right']`;

describe('evidence kind', () => {
  const { rules } = packFrom(pack);
  const step6 = (text: string) => scorecard(runRules(conversation(text), rules)).steps.find((s) => s.step === 6)!;

  it('makes its step judged, and reports nothing', () => {
    expect(step6('Agent: What would make this right for you?')).toMatchObject({ status: 'pass', score: 100, findings: 0 });
  });

  it('leaves the step n/a when the evidence is absent', () => {
    expect(step6('Agent: Goodbye.').status).toBe('n/a');
  });
});
