import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRules } from '../dist/rules/engine.js';
import type { Finding } from '../dist/rules/engine.js';
import { bundledPackFiles, loadPacks, type PackProblem } from '../dist/rules/load.js';
import type { CompiledRule } from '../dist/rules/types.js';
import type { Conversation } from '../dist/transcript/model.js';
import { readTranscript } from '../dist/transcript/read.js';

/** Reads an inline transcript (plain text unless the path says otherwise); fails the test on a read error. */
export function conversation(text: string, path = 'inline.txt'): Conversation {
  const result = readTranscript({ path, text });
  if (result.error) throw new Error(`fixture did not read: ${JSON.stringify(result.error)}`);
  return result.conversation;
}

let bundled: CompiledRule[] | undefined;

export function bundledRules(): CompiledRule[] {
  if (!bundled) {
    const { packs, problems } = loadPacks(bundledPackFiles());
    if (problems.length) throw new Error(`bundled packs do not load: ${JSON.stringify(problems)}`);
    bundled = packs.flatMap((p) => p.rules);
  }
  return bundled;
}

/** Findings of one bundled pack on an inline transcript, as "turn" numbers for terse assertions. */
export function turnsFlagged(pack: string, text: string, path?: string): number[] {
  return findings(text, path)
    .filter((f) => f.pack === pack)
    .map((f) => f.turn);
}

export function findings(text: string, path?: string): Finding[] {
  return runRules(conversation(text, path), bundledRules()).flatMap((o) => o.findings);
}

/** Loads a pack written inline (YAML text) from a temporary file named after the pack. */
export function packFrom(yamlText: string, name = 'test'): { rules: CompiledRule[]; problems: PackProblem[] } {
  const dir = mkdtempSync(join(tmpdir(), 'callcoach-pack-'));
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, yamlText);
  try {
    const { packs, problems } = loadPacks([file]);
    return { rules: packs.flatMap((p) => p.rules), problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Turns one inline rule (the kind's fields as YAML lines) flags in an inline transcript. */
export function ruleTurns(ruleYaml: string, transcript: string, path?: string): number[] {
  const header =
    'pack: test\ndescription: d\nsource: s\nrules:\n  - id: test/rule\n    step: 1\n    severity: warning\n    message: m\n    tip: t\n';
  const { rules, problems } = packFrom(header + ruleYaml.replace(/^/gm, '    '));
  if (problems.length) throw new Error(JSON.stringify(problems));
  return runRules(conversation(transcript, path), rules).flatMap((o) => o.findings.map((f) => f.turn));
}

/** A short call (an upset customer, an apology, a blind transfer, a goodbye) for stream and executor tests. */
export const SAMPLE_CALL: [role: string, text: string][] = [
  ['customer', 'This is ridiculous, I have called three times.'],
  ['agent', "I'm so sorry about that. Can I take your account number?"],
  ['agent', "I'll transfer you to billing, please hold."],
  ['customer', 'Okay.'],
  ['agent', 'Thanks for calling, have a good day.'],
];
