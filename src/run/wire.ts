import type { TaskOutput } from './task.js';

/**
 * Results as they cross from a worker thread to the main thread. A finding's rule, pack, message and
 * tip are most of its bytes and recur across the findings of a batch, and structured cloning copies
 * every string it meets: sent once per batch in a table, and as numbers into it in the findings.
 */
export interface WireBatch {
  strings: string[];
  outputs: TaskOutput[];
}

const SHARED = ['rule', 'pack', 'severity', 'speaker', 'role', 'message', 'tip'] as const;

type Fields = Record<(typeof SHARED)[number], unknown>;

/** In the worker: the findings' shared strings become numbers into the batch's table (in place: the results are the worker's). */
export function toWire(outputs: TaskOutput[]): WireBatch {
  const strings: string[] = [];
  const numbers = new Map<string, number>();
  for (const o of outputs) {
    if (!('findings' in o)) continue;
    for (const f of o.findings as unknown as Fields[]) {
      for (const key of SHARED) {
        const s = f[key] as string;
        let n = numbers.get(s);
        if (n === undefined) {
          n = strings.push(s) - 1;
          numbers.set(s, n);
        }
        f[key] = n;
      }
    }
  }
  return { strings, outputs };
}

/** On the main thread: the strings back in place, each field where it was (so output keys keep their order). */
export function fromWire({ strings, outputs }: WireBatch): TaskOutput[] {
  for (const o of outputs) {
    if (!('findings' in o)) continue;
    for (const f of o.findings as unknown as Fields[]) for (const key of SHARED) f[key] = strings[f[key] as number];
  }
  return outputs;
}
