import { ReadError } from '../errors.js';
import type { AssignableRole, Conversation, Turn, Word } from '../model.js';
import { speakersOf } from '../model.js';
import { turnOf } from './assemble.js';
import { conversationId } from './id.js';
import { parseJson } from './json.js';
import type { Reader, Source } from './reader.js';

const ROLE: Record<string, AssignableRole> = { AGENT: 'agent', CUSTOMER: 'customer' };
const LABEL: Record<AssignableRole, string> = { agent: 'Agent', customer: 'Customer', other: 'Other' };

/** Amazon Transcribe Call Analytics output: `Transcript[]` of ParticipantRole/Content/Begin- and EndOffsetMillis. */
export const awsTcaReader: Reader = {
  format: 'aws-tca',
  extensions: ['.json'],
  sniff: (head) => /"Transcript"\s*:\s*\[/.test(head) && /"ParticipantRole"/.test(head),
  read(source: Source): Conversation {
    const doc = parseJson(source.text);
    const body = doc.value as { JobName?: unknown; Transcript?: unknown } | null;
    if (!body || typeof body !== 'object' || !Array.isArray(body.Transcript)) {
      throw new ReadError(
        'expected an object with a "Transcript" array (Amazon Transcribe Call Analytics output)',
        doc.lineAt(['Transcript']),
        1,
      );
    }
    const turns: Turn[] = body.Transcript.map((item: unknown, i: number) => {
      const line = doc.lineAt(['Transcript', i]);
      const where = `Transcript[${i}]`;
      if (!item || typeof item !== 'object') throw new ReadError(`${where} must be an object`, line, 1);
      const { ParticipantRole: who, Content: text, BeginOffsetMillis: start, EndOffsetMillis: end } = item as Record<string, unknown>;
      if (typeof who !== 'string') throw new ReadError(`${where}.ParticipantRole must be "AGENT" or "CUSTOMER"`, line, 1);
      if (typeof text !== 'string') throw new ReadError(`${where}.Content must be a string`, line, 1);
      for (const [key, v] of [
        ['BeginOffsetMillis', start],
        ['EndOffsetMillis', end],
      ] as const) {
        if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0))
          throw new ReadError(`${where}.${key} must be a non-negative number of milliseconds`, line, 1);
      }
      const role = ROLE[who.toUpperCase()] ?? 'other';
      const words = wordsOf((item as { Items?: unknown }).Items);
      return turnOf(
        {
          speaker: role === 'other' ? who : LABEL[role],
          role,
          text: text.trim(),
          startMs: typeof start === 'number' ? start : undefined,
          endMs: typeof end === 'number' ? end : undefined,
          words: words.length > 0 ? words : undefined,
          line,
        },
        i + 1,
      );
    });
    return {
      id: conversationId(body.JobName, source.path),
      path: source.path,
      format: 'aws-tca',
      metadata: {},
      speakers: speakersOf(turns),
      turns,
    };
  },
};

/** Timed words from `Items[]` (pronunciations; punctuation items carry no time). */
function wordsOf(items: unknown): Word[] {
  if (!Array.isArray(items)) return [];
  const words: Word[] = [];
  for (const it of items as Record<string, unknown>[]) {
    if (
      it?.Type === 'pronunciation' &&
      typeof it.Content === 'string' &&
      typeof it.BeginOffsetMillis === 'number' &&
      typeof it.EndOffsetMillis === 'number'
    ) {
      words.push({ text: it.Content, startMs: it.BeginOffsetMillis, endMs: it.EndOffsetMillis });
    }
  }
  return words;
}
