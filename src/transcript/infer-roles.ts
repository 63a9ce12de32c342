import { BUILTIN_SETS } from '../text/builtin-sets.js';
import { compilePhrases } from '../text/phrase-pattern.js';
import { viewOf } from '../text/view.js';
import type { AssignableRole, Conversation, RoleAssignment, Turn } from './model.js';

// What agents say at the start of a call, and what callers say. Evidence for inference, not a rule pack.
const AGENT_CUES = [
  ['thank you for (calling|contacting|holding|choosing)', 'thanks for (calling|contacting|getting in touch)'],
  [
    '(you are|you have) (through to|speaking (to|with)|reached|called)',
    '(this is|my name is|it is) * [*] (speaking|here|from)',
    '* speaking how can i',
  ],
  ['how (can|may|might) i (help|assist)', 'what can i (do|help)', 'how can we help'],
  [
    '(can|could|may) i (have|get|take|confirm|grab) (your|the) [*] (name|account|number|date of birth|postcode|zip|address|email|reference|order|policy|member|card)',
    'for (security|verification)',
    '(verify|confirm) your (identity|account|details|name)',
  ],
  ['(is there|anything) [anything] else i can', 'have a (great|good|nice|lovely) (day|evening|one)'],
  ['(let me|i will|i can) (check|look|pull up|have a look|see)'],
];
const CUSTOMER_CUES = [
  ['i am calling (about|because|to|regarding|for)', 'i (called|rang) (about|because|yesterday|last)'],
  ['my (account|bill|order|card|internet|phone|booking|reservation|claim|refund|payment|package|parcel|delivery|service|policy)'],
  ['i (have|had|got) (a|an) (problem|issue|question|complaint)', 'i (need|want|would like) (to|a|an|help)'],
  ['can you (help|tell|check|fix|cancel|refund)', 'why (is|was|did|does|has|have) (my|the|it)'],
];

const compile = (groups: string[][]) => groups.map((g) => compilePhrases(g, (name) => BUILTIN_SETS[name]));
let cues: { agent: ReturnType<typeof compile>; customer: ReturnType<typeof compile> } | undefined;
const cueSets = () => (cues ??= { agent: compile(AGENT_CUES), customer: compile(CUSTOMER_CUES) });

/** How many turns at the start of a speaker's part the cues are looked for in: introductions happen early. */
const OPENING_TURNS = 8;
/** The agent's cue lead over the runner-up below which the roles stay undecided. */
const MIN_MARGIN = 1;

interface Evidence {
  label: string;
  words: number;
  score: number;
  said: string[];
}

function evidenceFor(label: string, turns: readonly Turn[], speaksFirst: boolean): Evidence {
  const own = turns.filter((t) => t.speaker === label);
  const opening = own.slice(0, OPENING_TURNS);
  const { agent, customer } = cueSets();
  const said: string[] = [];
  let score = 0;
  for (const [sets, sign] of [
    [agent, 1],
    [customer, -1],
  ] as const) {
    for (const set of sets) {
      const turn = opening.find((t) => set.matches(viewOf(t)).length > 0);
      if (!turn) continue;
      score += sign;
      const view = viewOf(turn);
      const [m] = set.matches(view);
      said.push(`${sign > 0 ? '' : 'customer cue '}"${view.text.slice(view.tokens[m!.first]!.start, view.tokens[m!.last]!.end)}"`);
    }
  }
  // Weak conventions: calls usually open with the agent; stereo recordings put the agent on the right channel (ch_1).
  if (speaksFirst) score += 0.5;
  if (/^(ch|channel)[_ ]?1$/i.test(label)) score += 0.5;
  const words = own.reduce((n, t) => n + viewOf(t).tokens.length, 0);
  return { label, words, score, said };
}

/**
 * Decides the side of each speaker whose role is still unknown, from what they say at the start
 * (greeting with the company name, "how can I help", asking for verification) against customer cues
 * ("I'm calling about my bill"). Leaves them unknown when the evidence does not separate them.
 */
export function inferRoles(conversation: Conversation): { roles: Map<string, AssignableRole>; assignment: RoleAssignment } {
  const { turns, speakers } = conversation;
  const unknown = speakers.filter((s) => s.role === 'unknown').map((s) => s.label);
  const known = new Set(speakers.filter((s) => s.role !== 'unknown').map((s) => s.role));
  const first = turns[0]?.speaker;
  const evidence = unknown
    .map((label) => evidenceFor(label, turns, label === first))
    .sort((a, b) => b.score - a.score || b.words - a.words);
  const roles = new Map<string, AssignableRole>();

  if (!known.has('agent')) {
    const [best, next] = evidence;
    const margin = best ? best.score - (next?.score ?? 0) : 0;
    if (!best || best.score <= 0 || margin < MIN_MARGIN) {
      const detail = evidence.map((e) => `${e.label} ${e.said.length ? e.said.join(', ') : 'no cues'}`).join('; ');
      return {
        roles,
        assignment: {
          source: 'undecided',
          confidence: 0,
          reason: `could not tell which speaker is the agent (${detail || 'no speakers'}); pass --roles, e.g. --roles ${shellWord(`${unknown[0] ?? 'spk_0'}=agent`)}`,
        },
      };
    }
    roles.set(best.label, 'agent');
  }
  // The main remaining speaker is the customer; anyone else is a third party.
  const rest = evidence.filter((e) => !roles.has(e.label)).sort((a, b) => b.words - a.words);
  rest.forEach((e, i) => roles.set(e.label, i === 0 && !known.has('customer') ? 'customer' : 'other'));

  const agent = evidence.find((e) => roles.get(e.label) === 'agent');
  const margin = agent ? agent.score - (evidence.find((e) => e !== agent)?.score ?? 0) : 1;
  const confidence = Math.min(0.95, Number((0.5 + 0.15 * margin).toFixed(2)));
  const because = agent ? `${agent.label} is the agent (${agent.said.join(', ') || 'speaks first'})` : 'the agent was named';
  const others = [...roles].filter(([, r]) => r !== 'agent').map(([label, r]) => `${label} the ${r === 'other' ? 'third party' : r}`);
  return { roles, assignment: { source: 'inferred', confidence, reason: [because, ...others].join('; ') } };
}

/** A word as a shell reads it: quoted when it holds spaces or other special characters, so a hint pastes as is. */
function shellWord(word: string): string {
  return /^[\w.=:@%+/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
