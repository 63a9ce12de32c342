// A seeded generator of realistic service calls (about 3 KB each) in the formats callcoach reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = [
  'Northwind Mobile',
  'Harbor Bank',
  'Lumen Energy',
  'Skyline Air',
  'Cobalt Insurance',
  'Pinecrest Clinic',
  'Urbanique Retail',
  'Stackwise Software',
  'Riverside Water',
  'Metro Broadband',
];
const AGENTS = ['Priya', 'Marco', 'Dana', 'Leon', 'Imogen', 'Sol', 'Abby', 'Felix', 'Nora', 'Kwame'];
const PROBLEMS = [
  'my last bill is almost double what it normally is and I have no idea why',
  'the engineer never turned up for the appointment yesterday and nobody called me',
  'my card was declined at the supermarket even though there is money in the account',
  'the parcel says delivered but it is not here and I have checked with the neighbours',
  'I was charged a cancellation fee even though I cancelled within the cooling-off period',
  'my internet has dropped every evening this week right when I need it for work',
  'the refund I was promised three weeks ago still has not arrived',
  'my flight was moved by six hours and now I will miss my connection',
  'the app keeps logging me out and I cannot see my statements',
  'the meter reading on my bill is wrong, it is much higher than the meter shows',
];
const UPSET = [
  'This is ridiculous, honestly.',
  "I'm really fed up with this.",
  'I have called three times already.',
  'This is so frustrating.',
  'I am not happy at all.',
];
const CALM = ['Okay.', 'Right, I see.', 'Sure, that makes sense.', 'Alright, thanks.', 'Mm-hm.'];
const EMPATHY = [
  "I'm sorry about that, that sounds really frustrating.",
  'I understand, and I apologise for the trouble.',
  "That's not the experience we want you to have, I'm sorry.",
];
const ASK = [
  'Can I take your account number, please?',
  'Could you confirm your full name and date of birth?',
  'What is the reference number on the letter?',
  'Can you read me the order number?',
];
const CHECK = [
  'Thanks, let me pull that up.',
  'Give me a moment while I look at the account.',
  'I can see the account here.',
  'Let me check the history on that.',
];
const EXPLAIN = [
  'It looks like the charge came from the pro-rated period after your plan changed.',
  'The payment was held by the fraud engine because of a velocity check on the card.',
  'The ticket is sitting in the escalation queue for tier 2 at the moment.',
  'The system shows the order was manifested but never scanned by the carrier.',
  'Your line was re-provisioned overnight and the settings did not come through.',
  'The claim was pended for review by the underwriting team.',
  'What happened is that the reading was estimated because the meter could not be reached.',
  'There was a problem on our side with the update that went out on Monday.',
];
const FIX = [
  "I've removed the charge and you'll see the credit within three working days.",
  "I've booked a technician for Thursday between 8 and 12, and they'll call you before they arrive.",
  "I've reissued the payment and you'll have it by Friday. I'll email you a confirmation, is your address still the same?",
  "That's our policy, I'm afraid, the fee can't be refunded.",
  "I'll transfer you to the billing team now, please hold.",
  "I've raised it with the team and they will look into it.",
];
const CLOSE_AGENT = [
  'Is there anything else I can help with today?',
  'Thanks for calling, have a good day.',
  'You are welcome, take care now.',
];
const CLOSE_CUSTOMER = ['No, that is everything, thank you.', 'That is all, thanks.', 'Okay, bye.'];

const pick = (r, list) => list[Math.floor(r() * list.length)];

/** One call as turns: [role, text]. About 3 KB of speech. */
export function makeCall(r, i) {
  const company = pick(r, COMPANIES);
  const agent = pick(r, AGENTS);
  const turns = [['agent', `Thanks for calling ${company}, this is ${agent}, how can I help you today?`]];
  turns.push(['customer', `Hi ${agent}. ${pick(r, PROBLEMS)}. ${r() < 0.5 ? pick(r, UPSET) : 'Can you help me sort it out?'}`]);
  turns.push(['agent', `${r() < 0.6 ? `${pick(r, EMPATHY)} ` : ''}${pick(r, ASK)}`]);
  turns.push(['customer', `Sure, it is ${Math.floor(r() * 9e7 + 1e7)}.`]);
  while (turns.reduce((n, [, t]) => n + t.length + 10, 0) < 2000) {
    turns.push(['agent', `${pick(r, CHECK)} ${pick(r, EXPLAIN)}`]);
    turns.push([
      'customer',
      r() < 0.3
        ? pick(r, UPSET)
        : `${pick(r, CALM)} So what happens now? ${r() < 0.5 ? 'I really need this fixed before the weekend.' : 'Will it happen again?'}`,
    ]);
    turns.push(['agent', pick(r, FIX)]);
    turns.push(['customer', pick(r, CALM)]);
  }
  turns.push(['agent', pick(r, CLOSE_AGENT)], ['customer', pick(r, CLOSE_CUSTOMER)]);
  return { id: `call-${String(i).padStart(6, '0')}`, agent, turns };
}

/** Times each turn: about 15 characters a second, short pauses, an occasional overlap. */
function timeline(r, turns) {
  let t = 500;
  let previous = 0;
  return turns.map(([role, text]) => {
    const overlap = r() < 0.1 ? Math.round(400 + r() * 800) : 0;
    const start = Math.max(previous, t - overlap);
    previous = start;
    const end = start + Math.round((text.length / 15) * 1000);
    t = end + 300 + Math.round(r() * 900);
    return { role, text, start, end };
  });
}

const clock = (ms) => {
  const h = Math.floor(ms / 3600000);
  const m = Math.floor((ms % 3600000) / 60000);
  const s = Math.floor((ms % 60000) / 1000);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
};

/** The call in one of the formats, chosen by index so the mix is the same every time. */
export function render(r, call, i) {
  const label = (role) => (role === 'agent' ? 'Agent' : 'Customer');
  const kind = ['text', 'text', 'ranges', 'vtt', 'aws'][i % 5];
  if (kind === 'text')
    return {
      ext: 'txt',
      body: `---\nid: ${call.id}\nagent: ${call.agent}\n---\n${call.turns.map(([role, text]) => `${label(role)}: ${text}`).join('\n')}\n`,
    };
  const timed = timeline(r, call.turns);
  if (kind === 'ranges')
    return { ext: 'txt', body: `${timed.map((t) => `[${clock(t.start)}-${clock(t.end)}] ${label(t.role)}: ${t.text}`).join('\n')}\n` };
  if (kind === 'vtt')
    return {
      ext: 'vtt',
      body: `WEBVTT\n\n${timed.map((t) => `${clock(t.start)} --> ${clock(t.end)}\n<v ${label(t.role)}>${t.text}</v>`).join('\n\n')}\n`,
    };
  const transcript = timed.map((t, k) => ({
    Id: String(k),
    ParticipantRole: t.role.toUpperCase(),
    Content: t.text,
    BeginOffsetMillis: t.start,
    EndOffsetMillis: t.end,
    Sentiment: 'NEUTRAL',
  }));
  return { ext: 'json', body: `${JSON.stringify({ JobName: call.id, JobStatus: 'COMPLETED', Transcript: transcript }, null, 1)}\n` };
}

/** Writes `count` calls as files under `dir`; returns their total size in bytes. */
export function writeCorpus(dir, count, seed = 42) {
  const r = rng(seed);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const { ext, body } = render(r, makeCall(r, i), i);
    writeFileSync(join(sub, `call-${String(i).padStart(6, '0')}.${ext}`), body);
    bytes += Buffer.byteLength(body);
  }
  return bytes;
}

/** The same kind of calls as callcoach JSON Lines, one conversation per line, streamed to `write`. */
export function jsonlCorpus(count, write, seed = 7) {
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const call = makeCall(r, i);
    write(
      `${JSON.stringify({ id: call.id, metadata: { agent: call.agent }, turns: call.turns.map(([role, text]) => ({ speaker: role === 'agent' ? 'Agent' : 'Customer', role, text })) })}\n`,
    );
  }
}
