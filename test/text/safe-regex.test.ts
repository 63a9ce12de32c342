import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regexMatches, regexProblem, requiredChars, userRegex } from '../../dist/text/safe-regex.js';
import { textView } from '../../dist/text/view.js';

describe('characters every match of a pack regex contains', () => {
  it('are the plain literals of the top-level sequence that cannot repeat zero times', () => {
    expect(requiredChars('#(?:stop|boycott|ban)\\w+')).toEqual(['#']);
    expect(requiredChars('(?:^|\\s)@[a-z0-9_]{2,}')).toEqual(['@']);
    expect(requiredChars('(?:your\\s+)?(?:account|order)\\s+(?:number|no)\\s*\\?')).toEqual(['?']);
    expect(requiredChars('ab?c*d{0,2}e{1,3}f+')).toEqual(['a', 'e', 'f']);
    expect(requiredChars('a|b')).toEqual([]);
    expect(requiredChars('[?!]x\\d\\.')).toEqual(['x', '.']);
    expect(requiredChars('a{,2}b')).toEqual(['b']);
  });

  // The check skips a turn only when no match is possible: it must never leave out a turn a match needs.
  it('are in every text the regex matches, for generated patterns and texts', () => {
    const piece = fc.constantFrom(
      'a',
      'b',
      '?',
      '\\?',
      '.',
      '\\.',
      '#',
      '@',
      '\\s',
      '\\w',
      '\\d',
      '[ab]',
      '[?x]',
      '^',
      '$',
      '(?:a|b)',
      '(a)',
      '(?:ab|c)',
    );
    const quantifier = fc.constantFrom('', '', '', '?', '*', '+', '{2}', '{0,1}', '{1,2}', '+?', '{0}');
    const pattern = fc
      .array(fc.tuple(piece, quantifier), { minLength: 1, maxLength: 6 })
      .chain((parts) => fc.constantFrom(parts.map(([p, q]) => p + q).join(''), `${parts.map(([p, q]) => p + q).join('')}|b`));
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '?', '.', '#', '@', ' ', '1'), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(pattern, text, (source, t) => {
        // Packs are validated first: only what the linear engine runs reaches here.
        fc.pre(regexProblem(source) === undefined);
        const { re, required } = userRegex(source);
        if ([...t.matchAll(re)].length > 0) for (const c of required) expect(t).toContain(c);
      }),
      { numRuns: 5000, seed: 3 },
    );
  });
});

describe('matches of a pack regex', () => {
  // Each match was placed among the turn's tokens by a search from the first token: quadratic in a
  // long turn of matches (160,000 characters: 7 s), with --max-turn-chars raised.
  it('are placed among the tokens in time linear in the turn', () => {
    const re = userRegex('a');
    const fastest = (n: number) => {
      const view = textView('a '.repeat(n / 2));
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        expect(regexMatches([re], view)).toHaveLength(n / 2);
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    fastest(20_000);
    expect(fastest(160_000) / fastest(40_000)).toBeLessThan(8);
  });
});
