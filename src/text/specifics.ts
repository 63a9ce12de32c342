import stopwords from 'natural/lib/natural/util/stopwords.js';
import { NUMBER, type TextView } from './view.js';

// Words that carry no specifics of their own: English function words, plus the small talk of service
// conversations ("please", "thanks", "help") that either side says whatever the problem.
const CHATTER = [
  'please',
  'thank',
  'thanks',
  'hello',
  'hi',
  'hey',
  'sorry',
  'okay',
  'ok',
  'yes',
  'yeah',
  'just',
  'really',
  'help',
  'get',
  'got',
  'can',
  'could',
  'would',
  'will',
  'know',
  'let',
  'also',
  'still',
  'one',
  'like',
  'want',
  'need',
  'say',
  'said',
  'tell',
  'look',
  'see',
  'go',
  'now',
  'today',
  'right',
  'sure',
  'make',
  'thing',
  'way',
  'much',
  'well',
  'even',
  'time',
  'back',
  'again',
  'issue',
  'problem',
  'trouble',
];
const IGNORED = new Set([...stopwords.words, ...CHATTER]);

/**
 * What a turn names: its content words (by stem, at least three letters, no function words or
 * pleasantries) and its numbers, from token `from` up to `to`. Two turns that share several of these talk about the same particulars.
 */
export function specificsOf(view: TextView, from = 0, to = view.tokens.length): Set<string> {
  const out = new Set<string>();
  view.tokens.slice(from, to).forEach((t, j) => {
    const i = from + j;
    if (t.word.startsWith('#') || IGNORED.has(t.word) || IGNORED.has(t.stem)) return;
    if (view.numerals[i] === NUMBER) out.add(t.word.replace(/[^\d]/g, '') || t.word);
    else if (/^\p{L}{3,}$/u.test(t.word)) out.add(t.stem);
  });
  return out;
}

/** How many of `theirs` the specifics `mine` repeat. */
export function overlapOf(mine: ReadonlySet<string>, theirs: ReadonlySet<string>): number {
  let n = 0;
  for (const s of mine) if (theirs.has(s)) n++;
  return n;
}
