import { describe, expect, it } from 'vitest';
import { BUILTIN_SETS } from '../../dist/text/builtin-sets.js';
import { PhraseIndex } from '../../dist/text/phrase-index.js';
import { compilePhrases, MAX_SPAN, PatternError } from '../../dist/text/phrase-pattern.js';
import { textView } from '../../dist/text/view.js';

const sets = (name: string) => BUILTIN_SETS[name];
const said = (patterns: string[], text: string) => {
  const view = textView(text);
  return compilePhrases(patterns, sets)
    .matches(view)
    .map((m) => text.slice(view.tokens[m.first]!.start, view.tokens[m.last]!.end));
};

describe('phrase patterns', () => {
  it('match by stem, ignoring case, punctuation and inflection', () => {
    expect(said(['transfer you'], "I'm TRANSFERRING you, okay?")).toEqual(['TRANSFERRING you']);
  });

  it('keep a word written inflected or derived to its own family, where Porter would merge others into it', () => {
    expect(said(['no exceptions'], 'No exceptions, sorry.')).toEqual(['No exceptions']);
    expect(said(['no exceptions'], 'No, except for service animals.')).toEqual([]);
    expect(said(['remediation'], 'a remedy for this')).toEqual([]);
    expect(said(['policies'], 'that policy')).toEqual(['policy']);
    expect(said(['transferring'], 'I transferred it')).toEqual(['transferred']);
    expect(said(['except'], 'all exceptions')).toEqual(['exceptions']);
  });

  it('match each of several patterns that start alike, the longest at each place', () => {
    // Patterns sharing first words compile to one branch per word: every pattern still matches.
    const patterns = ['i am sorry', 'i am', 'i apologize', 'i am [so] sorry about that', 'i am ... help', '=exceptions apply'];
    expect(said(patterns, 'I am. I apologize. I am so sorry about that. I am sorry, I am here to help.')).toEqual([
      'I am',
      'I apologize',
      'I am so sorry about that',
      'I am sorry',
      'I am here to help',
    ]);
    expect(said(['i am sorry', 'i apologize'], 'I am happy')).toEqual([]);
  });

  it('do not match words that merely contain the pattern', () => {
    expect(said(['transfer you'], 'a balance transfer for you')).toEqual([]);
    expect(said(['policy'], 'your policy number is 42')).toEqual(['policy']);
  });

  it('support alternatives, optional words, wildcards and gaps', () => {
    expect(said(['(put|pop) you (through|across)'], 'I will pop you across now')).toEqual(['pop you across']);
    expect(said(['[very] sorry'], 'sorry, very sorry')).toEqual(['sorry', 'very sorry']);
    expect(said(['call * back'], 'call me back')).toEqual(['call me back']);
    expect(said(['stay ... line'], 'I will stay here on the line')).toEqual(['stay here on the line']);
    expect(said(['stay ... line'], 'stay with you and your family while we wait on the line')).toEqual([]);
  });

  it('match an exact word with =, not its inflections', () => {
    expect(said(['=pended'], 'it was pended')).toEqual(['pended']);
    expect(said(['=pended'], 'it is pending')).toEqual([]);
  });

  it('use built-in sets for numbers, ordinals, weekdays, phones and e-mails', () => {
    expect(said(['within @number (day|days)'], 'within 5 days or within three days')).toEqual(['within 5 days', 'within three days']);
    expect(said(['by the @ordinal'], 'by the 14th')).toEqual(['by the 14th']);
    expect(said(['on @weekday'], 'on Tuesday')).toEqual(['on Tuesday']);
    expect(said(['(on|at) (@phone|@email)'], 'call you on 555-0126 or at jo@example.org')).toEqual(['on 555-0126', 'at jo@example.org']);
  });

  it('reject patterns that are empty, unbalanced, punctuation-only or unknown', () => {
    const error = (p: string) => {
      try {
        compilePhrases([p], sets);
      } catch (err) {
        return err instanceof PatternError ? `${err.message}@${err.offset}` : String(err);
      }
      return 'compiled';
    };
    expect(error('')).toBe('empty pattern@0');
    expect(error('(a|b')).toBe("expected ')'@4");
    expect(error('[maybe]')).toBe('pattern can match without any word@0');
    expect(error('really ?')).toContain("'?' is not pattern syntax");
    expect(error('-')).toContain("'-' has no words");
    expect(error('@nope')).toBe("unknown phrase set '@nope'@0");
    // The ends of a match are held in one 32-bit mask: a pattern wider than that is refused, not misread.
    expect(error(Array.from({ length: MAX_SPAN + 1 }, () => 'word').join(' '))).toContain(`more than ${MAX_SPAN} words`);
    expect(error(`${Array.from({ length: MAX_SPAN - 3 }, () => 'word').join(' ')} ...`)).toBe('compiled');
  });

  it('match gaps, optional words and alternatives up to the end of the text', () => {
    expect(said(['call ... back'], 'call you right back')).toEqual(['call you right back']);
    expect(said(['call ... back'], 'call me much later please, back')).toEqual([]);
    expect(said(['(call|ring) [you] *'], 'I will ring you')).toEqual(['ring you']);
    expect(said(['sorry ...'], 'so sorry about that')).toEqual(['sorry about that']);
  });

  it('match alike through one index, however many lists share it', () => {
    // Lists of one index are found through bit sets of where each can start: more than 32 lists span several words of bits.
    const lists = Array.from({ length: 70 }, (_, i) => [
      `word${i} (one|two)`,
      i % 3 === 0 ? 'shared start' : `other${i}`,
      '* tail',
      // A first word whose matches need a second: a number, an exact word, or anything after an optional word.
      i % 2 === 0 ? 'within @number days' : 'within [the] =next *',
    ]);
    const index = new PhraseIndex();
    const shared = lists.map((l) => compilePhrases(l, sets, index));
    const texts = [
      'word5 two and word64 one',
      'a shared start here',
      'other7 then the tail',
      'within 3 days, within next week',
      'within',
      '',
    ];
    for (const text of texts) {
      const view = textView(text);
      shared.forEach((set, i) => expect(set.matches(view)).toEqual(compilePhrases(lists[i]!, sets).matches(view)));
    }
    // Turns' start bits are cut from shared blocks: thousands of turns, and one longer than a block, read back right.
    const long = textView(`${'filler words here '.repeat(4000)}word9 two`);
    const turns = Array.from({ length: 3000 }, (_, i) => textView(`turn ${i}: word${i % 70} one, within ${i} days`));
    for (const view of [...turns, long, ...turns.slice(0, 5)]) {
      const i = view === long ? 9 : turns.indexOf(view) % 70;
      expect(shared[i]!.matches(view)).toEqual(compilePhrases(lists[i]!, sets).matches(view));
    }
    expect(shared[9]!.matches(long)).toEqual([{ first: 12000, last: 12001 }]);
    expect(shared[64]!.matches(textView('word64 one'))).toEqual([{ first: 0, last: 1 }]);
    expect(shared[2]!.matches(textView('within 3 days'))).toEqual([{ first: 0, last: 2 }]);
    expect(shared[3]!.matches(textView('within the next week'))).toEqual([{ first: 0, last: 3 }]);
  });
});

describe('whether a list may match in a turn', () => {
  // Rules skip a list's matching where this says no: it must never say no where the list matches.
  it('says no only where the list matches nowhere, for generated turns', async () => {
    const { default: fc } = await import('fast-check');
    const index = new PhraseIndex();
    const lists = [
      ['escalation queue', 'return authorization number'],
      ['(transfer|put) you (through|over) [to]'],
      ['i ... sorry', 'we apologi[z|s]e'],
      ['@number days', 'by (monday|friday)'],
    ].map((patterns) => compilePhrases(patterns, sets, index));
    const word = fc.constantFrom(
      'I',
      'am',
      'so',
      'sorry',
      'we',
      'apologise',
      'transferring',
      'you',
      'through',
      'to',
      'the',
      'escalation',
      'queues',
      'return',
      'authorization',
      'numbers',
      '3',
      'days',
      'by',
      'Friday',
      'okay',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        const view = textView(words.join(' '));
        for (const list of lists) if (!list.mayMatch(view)) expect(list.matches(view)).toEqual([]);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});
