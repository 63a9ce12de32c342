import type { Document, Node } from 'yaml';
import { yaml } from '../util/yaml.js';
import { positionsOf } from '../transcript/errors.js';

export type Path = readonly (string | number)[];

interface Position {
  line: number;
  column: number;
}

/** Maps a path inside a parsed YAML document back to line and column in its file. */
export class Locator {
  readonly position: (offset: number) => Position;

  constructor(
    private readonly doc: Document,
    text: string,
  ) {
    this.position = positionsOf(text);
  }

  /** The closest existing node on the path (a missing key points at its parent). With `key`, the key itself. */
  at(path: Path, key?: string): Position {
    const { isMap, isNode, isScalar } = yaml();
    let node: unknown = this.doc.contents;
    let found: Node | undefined = isNode(node) ? node : undefined;
    for (const step of path) {
      const next = isNode(node) && 'get' in node ? (node as { get(k: unknown, keep: true): unknown }).get(step, true) : undefined;
      if (!isNode(next)) break;
      node = next;
      found = next;
    }
    if (key !== undefined && isMap(found)) {
      const pair = found.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isNode(pair.key)) found = pair.key;
    }
    return this.position(found?.range?.[0] ?? 0);
  }

  /** Position of a character inside a string scalar, for errors inside a phrase pattern. */
  inString(path: Path, offset: number): Position {
    const node = this.doc.getIn(path as (string | number)[], true);
    if (!yaml().isScalar(node) || !node.range) return this.at(path);
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
    return this.position(node.range[0] + quoted + offset);
  }
}
