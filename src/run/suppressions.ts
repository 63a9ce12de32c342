import type { Finding } from '../rules/engine.js';
import type { FileResult, SuppressedFinding } from '../results/model.js';
import { rescore, type Scoring } from '../scorecard/score.js';
import type { LocatedError } from '../transcript/errors.js';
import type { Suppression } from '../config/suppress.js';
import { parseDocument } from '../util/yaml.js';
import { firstYamlError } from '../util/yaml-error.js';

export type { Suppression } from '../config/suppress.js';

/** Where a transcript's suppressions are written: `call-17.callcoach.yaml` (or `call-17.txt.callcoach.yaml`) beside it. */
export function suppressionSidecarNames(base: string): string[] {
  const inner = base.replace(/\.gz$/i, '');
  const stem = inner.replace(/\.[^.]+$/, '');
  return [...new Set([stem, inner, base])].flatMap((s) => [`${s}.callcoach.yaml`, `${s}.callcoach.yml`]);
}

const KEYS = new Set(['rule', 'reason', 'turn', 'conversation']);

/**
 * Reads a suppression sidecar: `suppress: [{rule, reason, turn?, conversation?}]`. Every entry needs a
 * reason and a rule that runs on the file; a mistake is located in the sidecar.
 */
export function parseSuppressions(text: string, file: string, knownRules: ReadonlySet<string>): Suppression[] | LocatedError {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const bad = firstYamlError(doc);
  if (bad) return { message: `${file}: invalid YAML: ${bad.message}`, line: bad.line, column: bad.column };
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : text.slice(0, offset).split('\n').length);
  const root = doc.toJS() as { suppress?: unknown } | null;
  const fail = (message: string, offset?: number): LocatedError => ({ message: `${file}: ${message}`, line: lineOf(offset), column: 1 });
  if (!root || typeof root !== 'object' || !Array.isArray(root.suppress))
    return fail('expected `suppress:` with a list of {rule, reason, turn?, conversation?}');
  const items = (doc.get('suppress') as { items?: { range?: [number, number, number] }[] } | undefined)?.items ?? [];
  const out: Suppression[] = [];
  for (const [i, entry] of (root.suppress as unknown[]).entries()) {
    const at = items[i]?.range?.[0];
    if (!entry || typeof entry !== 'object' || Array.isArray(entry))
      return fail(`suppress[${i}] must be a mapping such as {rule, reason}`, at);
    const e = entry as Record<string, unknown>;
    const extra = Object.keys(e).find((k) => !KEYS.has(k));
    if (extra) return fail(`suppress[${i}]: unknown key '${extra}'; expected rule, reason, turn, conversation`, at);
    if (typeof e.rule !== 'string' || !knownRules.has(e.rule))
      return fail(
        `suppress[${i}]: ${typeof e.rule === 'string' ? `no rule '${e.rule}' runs on this file` : 'rule is missing'} (see callcoach rules)`,
        at,
      );
    if (typeof e.reason !== 'string' || !e.reason.trim()) return fail(`suppress[${i}]: a suppression needs a reason`, at);
    if (e.turn !== undefined && !(Number.isInteger(e.turn) && (e.turn as number) >= 1))
      return fail(`suppress[${i}]: turn must be a turn number (1 or more)`, at);
    if (e.conversation !== undefined && typeof e.conversation !== 'string') return fail(`suppress[${i}]: conversation must be an id`, at);
    out.push({
      rule: e.rule,
      reason: e.reason.trim(),
      ...(e.turn !== undefined && { turn: e.turn as number }),
      ...(e.conversation !== undefined && { conversation: e.conversation as string }),
      source: `${file}:${lineOf(at)}`,
    });
  }
  return out;
}

const covers = (s: Suppression, f: Finding, conversation: string) =>
  s.rule === f.rule && (s.turn === undefined || s.turn === f.turn) && (s.conversation === undefined || s.conversation === conversation);

/** The result with suppressed findings moved to `suppressed` and the scorecard counting the rest. */
export function applySuppressions(file: FileResult, suppressions: readonly Suppression[], scoring?: Scoring): FileResult {
  if (!file.conversation || suppressions.length === 0) return file;
  const id = file.conversation.id;
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const used = new Set<Suppression>();
  for (const f of file.findings) {
    const s = suppressions.find((x) => covers(x, f, id));
    if (!s) kept.push(f);
    else {
      used.add(s);
      suppressed.push({ ...f, suppression: { reason: s.reason, source: s.source } });
    }
  }
  const unused = suppressions
    .filter((s) => !used.has(s) && (s.conversation === undefined || s.conversation === id))
    .map((s) => `suppression of ${s.rule}${s.turn !== undefined ? ` at turn ${s.turn}` : ''} (${s.source}) matched no finding`);
  if (suppressed.length === 0 && unused.length === 0) return file;
  return {
    ...file,
    findings: kept,
    ...(suppressed.length > 0 && { suppressed, scorecard: file.scorecard && rescore(file.scorecard, kept, scoring) }),
    notices: [...file.notices, ...unused],
  };
}
