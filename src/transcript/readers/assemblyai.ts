import { ReadError } from '../errors.js';
import { conversationOf, type RawTurn, type RawWord, speakerLabel, turnsFromWords } from './assemble.js';
import { parseJson } from './json.js';
import type { Reader, Source } from './reader.js';

type Item = Record<string, unknown>;

const ms = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);

/**
 * AssemblyAI transcript JSON: `utterances[]` (speaker "A", "B"…, times in ms) when speaker labels
 * were on; otherwise the `words[]`, grouped by their speaker. Roles are not in the file.
 */
export const assemblyAiReader: Reader = {
  format: 'assemblyai',
  extensions: ['.json'],
  sniff: (head) =>
    /"(?:acoustic_model|language_model|audio_url|speaker_labels)"\s*:/.test(head) && /"(?:words|utterances|text)"\s*:/.test(head),
  read(source: Source) {
    const doc = parseJson(source.text);
    const body = doc.value as Item;
    if (!body || (!Array.isArray(body.utterances) && !Array.isArray(body.words)))
      throw new ReadError('expected "utterances" or "words" (AssemblyAI transcript)', 1, 1);
    const timed = (w: Item) => ({ text: String(w.text ?? ''), startMs: ms(w.start)!, endMs: ms(w.end)! });
    if (Array.isArray(body.utterances) && body.utterances.length > 0) {
      const turns: RawTurn[] = (body.utterances as Item[]).map((u, i) => {
        const words = Array.isArray(u.words) ? (u.words as Item[]).map(timed) : [];
        return {
          speaker: speakerLabel(u.speaker),
          role: 'unknown',
          text: String(u.text ?? '').trim(),
          ...(ms(u.start) !== undefined && { startMs: ms(u.start)! }),
          ...(ms(u.end) !== undefined && { endMs: ms(u.end)! }),
          ...(words.length > 0 && { words }),
          line: doc.lineAt(['utterances', i]),
        };
      });
      return conversationOf(source, 'assemblyai', turns, { id: body.id });
    }
    const words: RawWord[] = (body.words as Item[]).map((w, i) => ({
      ...timed(w),
      speaker: speakerLabel(w.speaker),
      line: doc.lineAt(['words', i]),
    }));
    return conversationOf(
      source,
      'assemblyai',
      turnsFromWords(words, () => 'unknown'),
      { id: body.id },
    );
  },
};
