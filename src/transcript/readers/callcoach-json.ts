import { createRequire } from 'node:module';
import { ReadError } from '../errors.js';
import { conversationOf } from './assemble.js';
import { type JsonDocument, parseJson } from './json.js';
import type { Reader, Source } from './reader.js';

// zod is loaded on first use (synchronously), so runs that never read this format do not pay for it.
const require = createRequire(import.meta.url);
let schemas: typeof import('./callcoach-schema.js') | undefined;
const conversationSchema = () =>
  (schemas ??= require('./callcoach-schema.js') as typeof import('./callcoach-schema.js')).conversationSchema;

/** Validates one conversation object (a whole .json file, or one line of a .jsonl file). */
export function conversationFromValue(source: Source, value: unknown, lineAt: JsonDocument['lineAt'], format: string) {
  const parsed = conversationSchema().safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new ReadError(
      `${where ? `${where}: ` : ''}${issue.message.replace(/^Invalid input: /, '')}`,
      lineAt(issue.path as (string | number)[]),
      1,
    );
  }
  const c = parsed.data;
  const turns = c.turns.map((t, i) => ({
    speaker: t.speaker,
    role: t.role ?? ('unknown' as const),
    text: t.text,
    ...(t.startMs !== undefined && { startMs: t.startMs }),
    ...(t.endMs !== undefined && { endMs: t.endMs }),
    ...(t.words && t.words.length > 0 && { words: t.words }),
    line: lineAt(['turns', i]),
  }));
  return conversationOf(source, format, turns, { id: c.id, metadata: c.metadata ?? {} });
}

export const callcoachJsonReader: Reader = {
  format: 'callcoach',
  extensions: ['.json'],
  sniff: (head) => /"turns"\s*:\s*\[/.test(head) && /"speaker"\s*:/.test(head),
  read(source: Source) {
    const doc = parseJson(source.text);
    return conversationFromValue(source, doc.value, doc.lineAt, 'callcoach');
  },
};
