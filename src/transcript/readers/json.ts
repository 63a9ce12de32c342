import { getNodeValue, type JSONPath, type Node, type ParseError, ParseErrorCode, parseTree } from 'jsonc-parser';
import { jsonOffsets } from './json-offsets.js';
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
  /** 1-based line of the value at a path (the nearest existing parent when it is missing), so turns can point into the file. */
  lineAt(path: JSONPath): number;
}

/**
 * Strict JSON: JSON.parse (native, several times faster), and the locating parser only to say where
 * a syntax error is (JSON.parse only says "position N"). Lines are found on first use.
 */
export function parseJson(text: string): JsonDocument {
  const source = text.replace(/^\uFEFF/, '');
  const value = parseValue(source);
  let located: { offsetAt: ReturnType<typeof jsonOffsets>; positionAt: ReturnType<typeof positionsOf> } | undefined;
  const lineAt = (path: JSONPath) => {
    located ??= { offsetAt: jsonOffsets(source), positionAt: positionsOf(source) };
    for (let n = path.length; n >= 0; n--) {
      const offset = located.offsetAt(path.slice(0, n));
      if (offset !== undefined) return located.positionAt(offset).line;
    }
    return 1;
  };
  return { value, lineAt };
}

/** Only the value of strict JSON text (a JSON Lines record: its lines are all 1); a syntax error is thrown located. */
export function parseJsonValue(text: string): unknown {
  return parseValue(text.replace(/^\uFEFF/, ''));
}

function parseValue(source: string): unknown {
  const tooDeep = nestingBeyond(source, MAX_DEPTH);
  if (tooDeep >= 0) {
    const { line, column } = positionsOf(source)(tooDeep);
    throw new ReadError(`JSON nested more than ${MAX_DEPTH} levels deep: no transcript format needs that many`, line, column);
  }
  try {
    return JSON.parse(source);
  } catch {
    // Throws the located error; JSON text the locating parser accepts is read as it reads it.
    return getNodeValue(locate(source));
  }
}

/** The located syntax tree of JSON text JSON.parse rejected: its first error is thrown, located; the tree when there is none. */
function locate(source: string): Node {
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first || !root) {
    const { line, column } = positionsOf(source)(first?.offset ?? 0);
    throw new ReadError(`invalid JSON: ${first ? (EXPECTED[first.error] ?? 'syntax error') : 'empty file'}`, line, column);
  }
  return root;
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
