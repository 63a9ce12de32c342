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
  root: Node;
  /** 1-based line of a node, so turns can point into the file. */
  lineOf(node: Node): number;
  /** 1-based line of the value at a path (the nearest existing parent when it is missing). */
  lineAt(path: JSONPath): number;
}

/** Strict JSON with located errors (JSON.parse only says "position N"). */
export function parseJson(text: string): JsonDocument {
  const errors: ParseError[] = [];
  const source = text.replace(/^\uFEFF/, '');
  const tooDeep = nestingBeyond(source, MAX_DEPTH);
  if (tooDeep >= 0) {
    const { line, column } = positionsOf(source)(tooDeep);
    throw new ReadError(`JSON nested more than ${MAX_DEPTH} levels deep: no transcript format needs that many`, line, column);
  }
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const positionAt = positionsOf(source);
  if (first || !root) {
    const { line, column } = positionAt(first?.offset ?? 0);
    throw new ReadError(`invalid JSON: ${first ? (EXPECTED[first.error] ?? 'syntax error') : 'empty file'}`, line, column);
  }
  const lineOf = (node: Node) => positionAt(node.offset).line;
  const lineAt = (path: JSONPath) => {
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(root, path.slice(0, n));
      if (node) return lineOf(node);
    }
    return 1;
  };
  return { value: getNodeValue(root), root, lineOf, lineAt };
}

// Parsing and reading values recurse once per level: a limit keeps deep input from exhausting the stack,
// whose size differs between the main thread and workers (so results would depend on --jobs).
const MAX_DEPTH = 256;

/** The offset of the first bracket nested deeper than `max` (strings skipped), or -1. */
function nestingBeyond(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91 /* { [ */) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93 /* } ] */) depth--;
  }
  return -1;
}
