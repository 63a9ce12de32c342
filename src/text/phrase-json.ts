import { type Fragment, NONE, stemFragment } from './phrase.js';

/**
 * A fragment as compact JSON, for the build-time snapshot of compiled bundled packs: a word of one
 * stem (most of every list) is that stem, a sequence is an array, other nodes are objects keyed by
 * their kind, and a word node leaves out what it does not use. A start reads thousands of them.
 */
export type FragmentJson =
  string | FragmentJson[] | { alt: FragmentJson[] } | { opt: FragmentJson } | { any: 1 } | { gap: number } | WordJson;

interface WordJson {
  stems?: string[];
  words?: string[];
  numbers?: 1;
  ordinals?: 1;
  families?: [string, string[]][];
}

export function fragmentToJson(f: Fragment): FragmentJson {
  switch (f.kind) {
    case 'word': {
      const { stems, words, numbers, ordinals, families } = f.accepts;
      if (stems.size === 1 && words.size === 0 && !numbers && !ordinals && !families) return [...stems][0]!;
      return {
        ...(stems.size > 0 && { stems: [...stems] }),
        ...(words.size > 0 && { words: [...words] }),
        ...(numbers && { numbers: 1 }),
        ...(ordinals && { ordinals: 1 }),
        ...(families && { families: [...families].map(([stem, bases]): [string, string[]] => [stem, [...bases]]) }),
      };
    }
    case 'seq':
      return f.items.map(fragmentToJson);
    case 'alt':
      return { alt: f.options.map(fragmentToJson) };
    case 'opt':
      return { opt: fragmentToJson(f.item) };
    case 'any':
      return { any: 1 };
    case 'gap':
      return { gap: f.max };
  }
}

// Most word nodes have no exact words and many no stems: they share one empty set.
const setOf = (values: readonly string[] | undefined): ReadonlySet<string> => (values?.length ? new Set(values) : NONE);

export function fragmentFromJson(j: FragmentJson): Fragment {
  if (typeof j === 'string') return stemFragment(j);
  if (Array.isArray(j)) return { kind: 'seq', items: j.map(fragmentFromJson) };
  if ('alt' in j) return { kind: 'alt', options: j.alt.map(fragmentFromJson) };
  if ('opt' in j) return { kind: 'opt', item: fragmentFromJson(j.opt) };
  if ('any' in j) return { kind: 'any' };
  if ('gap' in j) return { kind: 'gap', max: j.gap };
  return {
    kind: 'word',
    accepts: {
      stems: setOf(j.stems),
      words: setOf(j.words),
      numbers: j.numbers === 1,
      ordinals: j.ordinals === 1,
      ...(j.families && { families: new Map(j.families.map(([stem, bases]) => [stem, new Set(bases)])) }),
    },
  };
}
