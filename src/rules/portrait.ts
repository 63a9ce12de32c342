import { quoteOf } from '../text/quote.js';
import type { Conversation } from '../transcript/model.js';
import { portraitKind } from './kinds/portrait.js';
import type { CompiledRule, PortraitCandidate } from './types.js';

/** The customer's portrait (source 001) as reports show it: which one, how sure, and the turns that show it. */
export interface Portrait {
  name: string;
  /** 0.5 when the signals just reach the portrait's threshold, nearer 1 the further past it they go. */
  confidence: number;
  /** How to handle this kind of customer (the portrait rule's tip). */
  tip: string;
  turns: { turn: number; quote: string; signal: string }[];
}

export const isPortraitRule = (rule: CompiledRule) => rule.kind === portraitKind.name;

/**
 * At most one portrait per conversation: of the portrait rules whose signals reach their threshold,
 * the strongest (signal weight over threshold); on a tie, the one listed first. Null when none holds.
 */
export function decidePortrait(conversation: Conversation, rules: readonly CompiledRule[]): Portrait | null {
  let best: PortraitCandidate | undefined;
  let tip = '';
  for (const rule of rules) {
    if (!isPortraitRule(rule)) continue;
    const found = rule.check(conversation).portrait;
    if (found && (!best || found.strength > best.strength)) [best, tip] = [found, rule.tip];
  }
  if (!best) return null;
  const turns = [...best.evidence]
    .sort((a, b) => a.turn.index - b.turn.index)
    .map((e) => ({ turn: e.turn.index, quote: quoteOf(e.turn, e.first, e.last), signal: e.signal }));
  return { name: best.name, confidence: Math.round((1 - 0.5 ** best.strength) * 100) / 100, tip: tip.replace(/\s+/g, ' ').trim(), turns };
}
