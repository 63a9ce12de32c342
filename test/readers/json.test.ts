import { describe, expect, it } from 'vitest';
import { parseJson, parseJsonValue } from '../../dist/transcript/readers/json.js';

describe('strict JSON', () => {
  const text = '{\n  "a": [\n    {"b": 1},\n    {"b": 2}\n  ],\n  "__proto__": {"polluted": true}\n}';

  it('reads values as JSON.parse does, and points at their lines', () => {
    const doc = parseJson(`\uFEFF${text}`);
    expect(doc.value).toEqual(JSON.parse(text));
    // A "__proto__" key is data, not the object's prototype.
    expect(Object.getPrototypeOf(doc.value)).toBe(Object.prototype);
    expect(doc.lineAt(['a', 1])).toBe(4);
    expect(doc.lineAt(['a', 7])).toBe(2);
    expect(doc.lineOf(doc.root)).toBe(1);
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
