import { alternativesOf, type Fragment, numeralFragment, stemFragment } from './phrase.js';
import { stem } from './stem.js';
import { EMAIL, PHONE } from './tokenize.js';
import { MASKED_TOKEN, REDACTED_TOKEN, URL_TOKEN } from './view.js';

const words = (list: string) => list.split(/\s+/).map((w) => stemFragment(stem(w)));

const NUMBER_WORDS =
  'a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand couple few several half';
const ORDINAL_WORDS =
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth';
const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun weekend';
// "May" is left out: as a modal verb it would turn "you may hear" into a date.
const MONTHS =
  'january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec';

/**
 * Token classes every pack can use as @name. Each is built on first use: a run whose packs come from
 * the build's snapshot compiles no pattern, and stemming the word lists is start-up time.
 */
export const BUILTIN_SETS: Readonly<Record<string, Fragment>> = lazily({
  number: () => alternativesOf([numeralFragment('numbers'), ...words(NUMBER_WORDS)]),
  ordinal: () => alternativesOf([numeralFragment('ordinals'), ...words(ORDINAL_WORDS)]),
  weekday: () => alternativesOf(words(WEEKDAYS)),
  month: () => alternativesOf(words(MONTHS)),
  phone: () => stemFragment(PHONE),
  email: () => stemFragment(EMAIL),
  /** A link ("https://…", "www.…", "help.example.com/…"). */
  url: () => stemFragment(URL_TOKEN),
  /** A redaction tag ([PII], <name>, XXXX). */
  redacted: () => stemFragment(REDACTED_TOKEN),
  /** A masked swear word ("****", "f***"). */
  masked: () => stemFragment(MASKED_TOKEN),
});

function lazily(builders: Record<string, () => Fragment>): Record<string, Fragment> {
  const built: Record<string, Fragment> = {};
  for (const [name, build] of Object.entries(builders)) {
    let value: Fragment | undefined;
    Object.defineProperty(built, name, { enumerable: true, get: () => (value ??= build()) });
  }
  return Object.freeze(built);
}
