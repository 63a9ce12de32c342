import { findNodeAtLocation, getNodeValue, type JSONPath, type Node, type ParseError, ParseErrorCode, parseTree } from 'jsonc-parser';
import { positionsOf, ReadError } from '../errors.js';

const EXPECTED: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'unexpected character',
  [ParseErrorCode.InvalidNumberFormat]: 'malformed number',
  [ParseErrorCode.PropertyNameExpected]: 'expected a property name in double quotes',
  [ParseErrorCode.ValueExpected]: 'expected a value',
  [ParseErrorCode.ColonExpected]: "expected ':'",
  [ParseErrorCode.CommaExpected]: "expected ',' between items",
  [ParseErrorCode.CloseBraceExpected]: "expected '}'",
  [ParseErrorCode.CloseBracketExpected]: "expected ']'",
  [ParseErrorCode.EndOfFileExpected]: 'expected the end of the file after the top-level value',
  [ParseErrorCode.UnexpectedEndOfString]: 'string is not closed',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape sequence',
  [ParseErrorCode.InvalidUnicode]: 'invalid \\u escape',
  [ParseErrorCode.InvalidCharacter]: 'invalid character in string',
};

export interface JsonDocument {
  value: unknown;
  /** The located syntax tree, built on first use: only lines need it. */
  readonly root: Node;
  /** 1-based line of a node, so turns can point into the file. */
  lineOf(node: Node): number;
  /** 1-based line of the value at a path (the nearest existing parent when it is missing). */
  lineAt(path: JSONPath): number;
}

/**
 * Strict JSON: JSON.parse (native, several times faster), and the locating parser only to say where
 * a syntax error is (JSON.parse only says "position N") or, on first use, where a value's line is.
 */
export function parseJson(text: string): JsonDocument {
  const source = text.replace(/^\uFEFF/, '');
  const value = parseValue(source);
  let tree: { root: Node; positionAt: ReturnType<typeof positionsOf> } | undefined;
  const located = () => (tree ??= locate(source));
  const lineOf = (node: Node) => located().positionAt(node.offset).line;
  const lineAt = (path: JSONPath) => {
    const { root } = located();
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(root, path.slice(0, n));
      if (node) return lineOf(node);
    }
    return 1;
  };
  return {
    value,
    get root() {
      return located().root;
    },
    lineOf,
    lineAt,
  };
}

/** Only the value of strict JSON text (a JSON Lines record: its lines are all 1); a syntax error is thrown located. */
export function parseJsonValue(text: string): unknown {
  return parseValue(text.replace(/^\uFEFF/, ''));
}

function parseValue(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    // Throws the located error; JSON text the locating parser accepts is read as it reads it.
    return getNodeValue(locate(source).root);
  }
}

function locate(source: string): { root: Node; positionAt: ReturnType<typeof positionsOf> } {
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const positionAt = positionsOf(source);
  if (first || !root) {
    const { line, column } = positionAt(first?.offset ?? 0);
    throw new ReadError(`invalid JSON: ${first ? (EXPECTED[first.error] ?? 'syntax error') : 'empty file'}`, line, column);
  }
  return { root, positionAt };
}
