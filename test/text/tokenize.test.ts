import { describe, expect, it } from 'vitest';
import { stem } from '../../dist/text/stem.js';
import { tokenize } from '../../dist/text/tokenize.js';

const words = (text: string) => tokenize(text).map((t) => t.word);

describe('tokenize', () => {
  it('expands contractions so patterns need only the full form', () => {
    expect(words("There's nothing I can't do, I'm sure we'll manage")).toEqual([
      'there',
      'is',
      'nothing',
      'i',
      'can',
      'not',
      'do',
      'i',
      'am',
      'sure',
      'we',
      'will',
      'manage',
    ]);
    expect(words('it’s fine, won’t happen')).toEqual(['it', 'is', 'fine', 'will', 'not', 'happen']);
  });

  it('drops the possessive s but keeps the word', () => {
    expect(words("the customer's order")).toEqual(['the', 'customer', 'order']);
  });

  it('keeps e-mail addresses and phone numbers whole', () => {
    expect(tokenize('write to ana.ruiz@example.com or call 207-555-0193').map((t) => t.stem)).toEqual([
      'write',
      'to',
      '#email',
      'or',
      'call',
      '#phone',
    ]);
  });

  it('keeps decimals and abbreviations with inner dots', () => {
    expect(words('11.2 gallons by 6 p.m.')).toEqual(['11.2', 'gallons', 'by', '6', 'pm']);
  });

  it('records where each word sits in the text', () => {
    const [, second] = tokenize('Hello  world');
    expect(second).toMatchObject({ raw: 'world', start: 7, end: 12 });
  });
});

describe('stem', () => {
  it('folds inflections and British spellings onto one stem', () => {
    expect(stem('transferring')).toBe(stem('transfer'));
    expect(stem('apologise')).toBe(stem('apologize'));
    expect(stem('colour')).toBe(stem('color'));
    expect(stem('centre')).toBe(stem('center'));
  });
});

describe('the tables of words seen', () => {
  // A 100,000-conversation stream took a process past 300 MB: every order and phone number was kept.
  it('keep words, not the numbers and codes a long stream says once each', async () => {
    const { formsKept } = await import('../../dist/text/tokenize.js');
    const { stemsKept } = await import('../../dist/text/stem.js');
    tokenize('my order number is 1 and the code is ab0');
    const [forms, stems] = [formsKept(), stemsKept()];
    for (let i = 0; i < 5000; i++) tokenize(`order ${66_000_000 + i}, code sv${i}, call 555-${1000 + i}`);
    expect(formsKept() - forms).toBeLessThanOrEqual(2);
    expect(stemsKept() - stems).toBeLessThanOrEqual(2);
    expect(tokenize('order 66000001').map((t) => t.stem)).toEqual(['order', '66000001']);
  });
});
