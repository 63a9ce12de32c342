import { ReadError } from '../errors.js';
import type { Word } from '../model.js';
import { conversationOf, type RawTurn, secondsToMs, speakerLabel } from './assemble.js';
import { parseJson } from './json.js';
import type { Reader, Source } from './reader.js';

type Item = Record<string, unknown>;

/** Rev.ai transcript JSON: one turn per `monologues[]` entry; `text` elements are timed, `punct` are not. */
export const revAiReader: Reader = {
  format: 'revai',
  extensions: ['.json'],
  sniff: (head) => /"monologues"\s*:/.test(head),
  read(source: Source) {
    const doc = parseJson(source.text);
    const body = doc.value as Item;
    if (!Array.isArray(body?.monologues)) throw new ReadError('expected "monologues" (Rev.ai transcript)', 1, 1);
    const turns: RawTurn[] = (body.monologues as Item[]).map((m, i) => {
      const elements = Array.isArray(m.elements) ? (m.elements as Item[]) : [];
      const words: Word[] = elements
        .filter((e) => e.type === 'text' && secondsToMs(e.ts) !== undefined && secondsToMs(e.end_ts) !== undefined)
        .map((e) => ({ text: String(e.value), startMs: secondsToMs(e.ts)!, endMs: secondsToMs(e.end_ts)! }));
      return {
        speaker: typeof m.speaker_name === 'string' && m.speaker_name ? m.speaker_name : speakerLabel(m.speaker),
        role: 'unknown',
        text: elements
          .map((e) => String(e.value ?? ''))
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
        ...(words.length > 0 && { startMs: words[0]!.startMs, endMs: words[words.length - 1]!.endMs, words }),
        line: doc.lineAt(['monologues', i]),
      };
    });
    return conversationOf(source, 'revai', turns);
  },
};
