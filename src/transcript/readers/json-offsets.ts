/** A value's children (by key in an object, by index in an array): a child container, or a scalar's offset. */
interface Container {
  offset: number;
  /** An object's keys, one per child; null for an array. */
  keys: string[] | null;
  children: (Container | number)[];
  /** A large object's keys to the first child of each, made on first lookup. */
  byKey?: Map<string, number>;
}

/**
 * Where the values of JSON text start, for paths into it. Only for text `JSON.parse` accepted: the
 * locating parser (jsonc-parser) says where a syntax error is, and built a node with its position
 * for every value, ten for each word of a word-timed transcript, at 15 times the cost of parsing.
 * This pass keeps only containers, skips strings with indexOf, and never rereads the text.
 */
export function jsonOffsets(text: string): (path: readonly (string | number)[]) => number | undefined {
  const root = containersOf(text);
  return (path) => {
    let node: Container | number = root;
    for (const segment of path) {
      if (typeof node === 'number') return undefined;
      // As jsonc-parser's findNodeAtLocation: the first of duplicate keys; a key of an array, or an index of an object, is not there.
      const at: number = typeof segment === 'string' ? keyIndex(node, segment) : node.keys ? -1 : segment;
      const child: Container | number | undefined = at >= 0 ? node.children[at] : undefined;
      if (child === undefined) return undefined;
      node = child;
    }
    return typeof node === 'number' ? node : node.offset;
  };
}

/** Which child of an object holds `key` (the first of duplicates), -1 for none or an array. */
function keyIndex(node: Container, key: string): number {
  const { keys } = node;
  if (!keys) return -1;
  // Hostile input can give an object a million keys, and every turn is looked up through it.
  if (keys.length <= 16) return keys.indexOf(key);
  if (!node.byKey) {
    node.byKey = new Map();
    keys.forEach((k, i) => node.byKey!.has(k) || node.byKey!.set(k, i));
  }
  return node.byKey.get(key) ?? -1;
}

function containersOf(text: string): Container | number {
  const top: Container = { offset: -1, keys: null, children: [] };
  const open: Container[] = [top];
  let expectKey = false;
  let key = '';
  const add = (child: Container | number) => {
    const parent = open[open.length - 1]!;
    parent.keys?.push(key);
    parent.children.push(child);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        expectKey = false;
      } else add(i);
      i = end;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      const container: Container = { offset: i, keys: c === 123 ? [] : null, children: [] };
      add(container);
      open.push(container);
      expectKey = c === 123;
    } else if (c === 125 /* } */ || c === 93 /* ] */) open.pop();
    else if (c === 44 /* , */) expectKey = open[open.length - 1]!.keys !== null;
    else if (c !== 58 /* : */ && c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      // A number, true, false or null: it runs to the next delimiter.
      add(i);
      while (i + 1 < text.length && !DELIMITER.has(text.charCodeAt(i + 1))) i++;
    }
  }
  return top.children[0] ?? 0;
}

const DELIMITER = new Set([44, 93, 125, 32, 9, 10, 13]);

/** The offset of the quote that closes the string opening at `from` (one preceded by an even run of backslashes). */
function stringEnd(text: string, from: number): number {
  for (let q = text.indexOf('"', from + 1); q >= 0; q = text.indexOf('"', q + 1)) {
    let k = q - 1;
    while (text.charCodeAt(k) === 92 /* \ */) k--;
    if ((q - 1 - k) % 2 === 0) return q;
  }
  return text.length;
}
