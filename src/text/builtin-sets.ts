import { stem } from './stem.js';
import { EMAIL, PHONE } from './tokenize.js';
import { stemSource } from './view.js';

const words = (list: string) => list.split(/\s+/).map((w) => stemSource(stem(w)));
const alternatives = (parts: string[]) => parts.join('|');

const NUMBER_WORDS =
  'a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand couple few several half';
const ORDINAL_WORDS =
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth';
const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun weekend';
// "May" is left out: as a modal verb it would turn "you may hear" into a date.
const MONTHS = 'january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec';

/** Token classes every pack can use as @name. Regex sources over the stem line. */
export const BUILTIN_SETS: Readonly<Record<string, string>> = {
  number: alternatives([String.raw`\d[\d,.]*/\S* `, ...words(NUMBER_WORDS)]),
  ordinal: alternatives([String.raw`\d+(?:st|nd|rd|th)/\S* `, ...words(ORDINAL_WORDS)]),
  weekday: alternatives(words(WEEKDAYS)),
  month: alternatives(words(MONTHS)),
  phone: stemSource(PHONE),
  email: stemSource(EMAIL),
};
