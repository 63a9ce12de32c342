import { describe, expect, it } from 'vitest';
import { checkSource } from '../../dist/index.js';
import { bundledPackFiles } from '../../dist/rules/load.js';
import { prepare } from '../../dist/run/setup.js';
import { benign, SHAPES } from './shapes.js';

const { rules } = prepare({ packFiles: bundledPackFiles(), cwd: process.cwd() });
const SIZE = 50_000;
// Linear work is within a small factor of an ordinary transcript of the same size; the quadratic paths
// these shapes once hit were 30 to 1000 times slower at this size (and grow with it).
const MAX_RATIO = 10;

/** The fastest of a few runs, in ms: the least disturbed by a busy machine. */
function fastest(path: string, text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    checkSource({ path, text }, { rules });
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('hostile shapes cost time linear in their size', () => {
  const yardstick = benign(SIZE);
  fastest('warm.txt', yardstick);
  const base = Math.max(fastest('benign.txt', yardstick), 1);
  for (const shape of SHAPES) {
    it(`${shape.name}: within ${MAX_RATIO}× an ordinary transcript of the same size`, () => {
      const text = shape.make(SIZE);
      expect(fastest(shape.path, text) / base).toBeLessThan(MAX_RATIO);
    });
  }
});
