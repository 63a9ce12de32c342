import { ReadError } from '../errors.js';
import { conversationOf, type RawTurn, type RawWord, secondsToMs, speakerLabel, turnsFromWords } from './assemble.js';
import { parseJson } from './json.js';
import type { Reader, Source } from './reader.js';

type Item = Record<string, unknown>;

/**
 * Deepgram pre-recorded JSON: `results.utterances` when present (one turn each, speaker from diarize),
 * else the words of `results.channels[].alternatives[0]` grouped by speaker (or by channel when there
 * are several). Times are seconds. Roles are not in the file.
 */
export const deepgramReader: Reader = {
  format: 'deepgram',
  extensions: ['.json'],
  sniff: (head) =>
    /"results"\s*:/.test(head) && /"channels"\s*:/.test(head) && /"(?:request_id|model_info|punctuated_word|words)"\s*:/.test(head),
  read(source: Source) {
    const doc = parseJson(source.text);
    const body = doc.value as { metadata?: Item; results?: Item };
    const results = body?.results;
    if (!results || !Array.isArray(results.channels)) throw new ReadError('expected "results.channels" (Deepgram output)', 1, 1);
    const id = body.metadata?.request_id;
    const timed = (w: Item) => ({
      text: String(w.punctuated_word ?? w.word ?? ''),
      startMs: secondsToMs(w.start)!,
      endMs: secondsToMs(w.end)!,
    });

    if (Array.isArray(results.utterances) && results.utterances.length > 0) {
      const turns: RawTurn[] = (results.utterances as Item[]).map((u, i) => {
        const words = Array.isArray(u.words) ? (u.words as Item[]).map(timed) : [];
        return {
          speaker: speakerLabel(u.speaker),
          role: 'unknown',
          text: String(u.transcript ?? '').trim(),
          ...(secondsToMs(u.start) !== undefined && { startMs: secondsToMs(u.start)! }),
          ...(secondsToMs(u.end) !== undefined && { endMs: secondsToMs(u.end)! }),
          ...(words.length > 0 && { words }),
          line: doc.lineAt(['results', 'utterances', i]),
        };
      });
      return conversationOf(source, 'deepgram', turns, { id });
    }
    const channels = results.channels as Item[];
    const words: RawWord[] = channels.flatMap((ch, c) => {
      const list = ((ch.alternatives as Item[] | undefined)?.[0]?.words as Item[] | undefined) ?? [];
      return list.map((w, i) => ({
        ...timed(w),
        speaker: w.speaker !== undefined ? speakerLabel(w.speaker) : channels.length > 1 ? `channel ${c}` : 'speaker',
        line: doc.lineAt(['results', 'channels', c, 'alternatives', 0, 'words', i]),
      }));
    });
    words.sort((a, b) => a.startMs! - b.startMs!);
    return conversationOf(
      source,
      'deepgram',
      turnsFromWords(words, () => 'unknown'),
      { id },
    );
  },
};
