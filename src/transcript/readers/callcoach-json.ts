import { z } from 'zod';
import { ReadError } from '../errors.js';
import { ROLES } from '../model.js';
import { conversationOf } from './assemble.js';
import { type JsonDocument, parseJson } from './json.js';
import type { Reader, Source } from './reader.js';

const ms = z.number().nonnegative();

/** callcoach's own conversation model as JSON, so any source can be converted with a short script. */
export const conversationSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  turns: z
    .array(
      z.looseObject({
        speaker: z.string().min(1),
        /** Omitted: unknown, settled by --roles, a sidecar or inference. */
        role: z.enum(ROLES).optional(),
        text: z.string(),
        startMs: ms.optional(),
        endMs: ms.optional(),
        words: z.array(z.strictObject({ text: z.string(), startMs: ms, endMs: ms })).optional(),
      }),
    )
    .min(1),
});

/** Validates one conversation object (a whole .json file, or one line of a .jsonl file). */
export function conversationFromValue(source: Source, value: unknown, lineAt: JsonDocument['lineAt'], format: string) {
  const parsed = conversationSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    throw new ReadError(`${where ? `${where}: ` : ''}${issue.message.replace(/^Invalid input: /, '')}`, lineAt(issue.path as (string | number)[]), 1);
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
