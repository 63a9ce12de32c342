import type { Conversation } from '../transcript/model.js';
import { quoteOf } from '../text/quote.js';
import { isPortraitRule } from './portrait.js';
import type { CompiledRule, Hit, Severity } from './types.js';

export interface Finding {
  rule: string;
  pack: string;
  step: number;
  severity: Severity;
  turn: number;
  speaker: string;
  role: string;
  startMs: number | null;
  line: number;
  quote: string;
  message: string;
  tip: string;
}

export interface RuleOutcome {
  rule: CompiledRule;
  applicable: boolean;
  findings: Finding[];
  /** The turns where the situation arose and was handled: a pass's evidence. */
  handled: number[];
  /** Why the transcript cannot show what the rule checks (see CheckResult). */
  unobservable?: string;
}

const fill = (template: string, vars: Record<string, string> | undefined) =>
  vars ? template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole) : template;

/**
 * Runs every rule over one conversation. Outcomes keep rule order; findings within a rule are in turn order.
 * With the customer's portrait known, a rule gives its tip and severity for that portrait, and a rule
 * limited to other portraits has nothing to judge. Portrait rules only judge (see decidePortrait).
 */
export function runRules(conversation: Conversation, rules: readonly CompiledRule[], portrait: string | null = null): RuleOutcome[] {
  // Two rules of one pack on one turn are one problem told twice: the first rule in pack order keeps it.
  const taken = new Set<string>();
  return rules.map((rule) => {
    // A rule for other channels (a social-media norm on a call), or for other customers, has nothing to judge here.
    const otherChannel = rule.channels && conversation.channel && !rule.channels.includes(conversation.channel);
    const otherPortrait = rule.portraits && (portrait === null || !rule.portraits.includes(portrait));
    if (otherChannel || otherPortrait || isPortraitRule(rule)) return { rule, applicable: false, findings: [], handled: [] };
    const { applicable, hits, unobservable, handled } = rule.check(conversation);
    const severity = (portrait !== null && rule.severities?.[portrait]) || rule.severity;
    const tip = (portrait !== null && rule.tips?.[portrait]) || rule.tip;
    const findings = findingsOf(rule, hits, taken, severity, tip);
    return {
      rule,
      applicable: applicable || findings.length > 0,
      findings,
      handled: handled && handled.length > 0 ? [...new Set(handled.map((h) => h.turn.index))].sort((a, b) => a - b) : [],
      ...(unobservable !== undefined && !applicable && findings.length === 0 && { unobservable }),
    };
  });
}

/**
 * One finding per rule and turn, whatever number of matches the turn holds, unless an earlier rule of
 * the pack took the turn. Most rules find nothing in most conversations: nothing is built for them.
 */
function findingsOf(rule: CompiledRule, hits: readonly Hit[], taken: Set<string>, severity: Severity, tip: string): Finding[] {
  if (hits.length === 0) return [];
  const findings: Finding[] = [];
  const seen = new Set<number>();
  for (const hit of hits) {
    const { turn } = hit;
    if (seen.has(turn.index)) continue;
    seen.add(turn.index);
    const key = `${rule.pack}\u0000${turn.index}`;
    if (taken.has(key)) continue;
    taken.add(key);
    findings.push({
      rule: rule.id,
      pack: rule.pack,
      step: rule.step,
      severity,
      turn: turn.index,
      speaker: turn.speaker,
      role: turn.role,
      startMs: turn.startMs ?? null,
      line: turn.line,
      quote: quoteOf(turn, hit.first, hit.last),
      message: fill(rule.message, hit.vars),
      tip: fill(tip, hit.vars),
    });
  }
  return findings;
}

/** The order every report uses: by turn, then step, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.turn - b.turn || a.step - b.step || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
