import type { Conversation } from '../transcript/model.js';
import { quoteOf } from '../text/quote.js';
import { isPortraitRule } from './portrait.js';
import type { CompiledRule, Severity } from './types.js';

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
    // One finding per rule and turn, whatever number of matches the turn holds.
    const seen = new Set<number>();
    const findings = hits
      .filter((h) => !seen.has(h.turn.index) && seen.add(h.turn.index))
      .filter((h) => !taken.has(`${rule.pack}\u0000${h.turn.index}`) && taken.add(`${rule.pack}\u0000${h.turn.index}`))
      .map((hit): Finding => ({
        rule: rule.id,
        pack: rule.pack,
        step: rule.step,
        severity,
        turn: hit.turn.index,
        speaker: hit.turn.speaker,
        role: hit.turn.role,
        startMs: hit.turn.startMs ?? null,
        line: hit.turn.line,
        quote: quoteOf(hit.turn, hit.first, hit.last),
        message: fill(rule.message, hit.vars),
        tip: fill(tip, hit.vars),
      }));
    return {
      rule,
      applicable: applicable || findings.length > 0,
      findings,
      handled: [...new Set((handled ?? []).map((h) => h.turn.index))].sort((a, b) => a - b),
      ...(unobservable !== undefined && !applicable && findings.length === 0 && { unobservable }),
    };
  });
}

/** The order every report uses: by turn, then step, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.turn - b.turn || a.step - b.step || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
