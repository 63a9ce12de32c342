import fc from 'fast-check';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { parseJson, parseJsonValue } from '../../dist/transcript/readers/json.js';
import { jsonOffsets } from '../../dist/transcript/readers/json-offsets.js';
import { readTranscript } from '../../dist/transcript/read.js';
import { SHAPES } from '../hostile/shapes.js';

describe('strict JSON', () => {
  const text = '{\n  "a": [\n    {"b": 1},\n    {"b": 2}\n  ],\n  "__proto__": {"polluted": true}\n}';

  it('reads values as JSON.parse does, and points at their lines', () => {
    const doc = parseJson(`\uFEFF${text}`);
    expect(doc.value).toEqual(JSON.parse(text));
    // A "__proto__" key is data, not the object's prototype.
    expect(Object.getPrototypeOf(doc.value)).toBe(Object.prototype);
    expect(doc.lineAt(['a', 1])).toBe(4);
    expect(doc.lineAt(['a', 7])).toBe(2);
    expect(doc.lineAt([])).toBe(1);
  });

  it('locates syntax errors by line and column', () => {
    for (const [bad, message, line, column] of [
      ['{\n  "a": [1, 2,]\n}', 'invalid JSON: expected a value', 2, 14],
      ['{"a": 1} x', 'invalid JSON: unexpected character', 1, 10],
      ['', 'invalid JSON: expected a value', 1, 1],
    ] as const) {
      expect(() => parseJsonValue(bad)).toThrow(expect.objectContaining({ message, line, column }));
      expect(() => parseJson(bad)).toThrow(expect.objectContaining({ message, line, column }));
    }
  });
});

describe('offsets of JSON values', () => {
  /** Every path into a value, and some that lead nowhere (a missing key or index, a key of an array). */
  function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
    const paths = [path, [...path, 'missing'], [...path, 99]];
    if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...path, i])));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...path, k]));
    return paths;
  }

  // The locating parser is the reference: lines must not move when the faster pass finds them.
  it('finds every value where the locating parser does, for any JSON and layout', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 1, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const tree = parseTree(text)!;
        const offsetAt = jsonOffsets(text);
        for (const path of pathsOf(value)) expect(offsetAt(path)).toBe(findNodeAtLocation(tree, path)?.offset);
      }),
      { numRuns: 500, seed: 14 },
    );
  });

  it('reads keys with escapes, strings with quotes and backslashes, and the first of duplicate keys', () => {
    const text = '{"a\\"b": {"x": "say \\"hi\\"\\\\", "y": 2}, "dup": 1, "dup": [true, null, -1.5e3, "]"]}';
    const tree = parseTree(text)!;
    const offsetAt = jsonOffsets(text);
    for (const path of [['a"b', 'y'], ['dup'], ['dup', 0], ['a"b', 'x']])
      expect(offsetAt(path)).toBe(findNodeAtLocation(tree, path)?.offset);
    expect(offsetAt(['a"b', 'y'])).toBe(text.indexOf('2'));
  });
});

describe('lines of turns in a JSON object of many keys', () => {
  const shape = SHAPES.find((s) => s.name === 'a JSON object of many keys before its turns')!;
  const fastest = (text: string) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      readTranscript({ path: shape.path, text });
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };

  // Each turn's line is found through the object's keys: searching them per turn made 1.6 MB take 12 s.
  it('costs time linear in the size: four times the input, about four times the time', () => {
    const [small, large] = [shape.make(100_000), shape.make(400_000)];
    const read = readTranscript({ path: shape.path, text: small });
    expect('conversation' in read && read.conversation.turns.length).toBeGreaterThan(500);
    // Warm first: compiling the reader's code is no part of its cost per character. Quadratic is 16 times.
    fastest(small);
    fastest(large);
    expect(fastest(large) / fastest(small)).toBeLessThan(10);
  });
});
