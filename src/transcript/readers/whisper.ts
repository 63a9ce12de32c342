import { ReadError } from '../errors.js';
import type { Word } from '../model.js';
import { conversationOf, type RawTurn, secondsToMs, speakerLabel } from './assemble.js';
import { parseJson } from './json.js';
import type { Reader, Source } from './reader.js';

type Item = Record<string, unknown>;

/**
 * OpenAI Whisper / whisper-timestamped / WhisperX JSON: one turn per `segments[]` entry (seconds),
 * with `words[]` (`word` or `text`) when present; WhisperX diarization gives `speaker` ("SPEAKER_00").
 */
export const whisperReader: Reader = {
  format: 'whisper',
  extensions: ['.json'],
  sniff: (head) => /"segments"\s*:\s*\[/.test(head) && /"(?:start|end)"\s*:/.test(head),
  read(source: Source) {
    const doc = parseJson(source.text);
    const body = doc.value as Item;
    if (!Array.isArray(body?.segments)) throw new ReadError('expected "segments" (Whisper output)', 1, 1);
    const turns: RawTurn[] = (body.segments as Item[]).map((seg, i) => {
      const words: Word[] = (Array.isArray(seg.words) ? (seg.words as Item[]) : [])
        .filter((w) => secondsToMs(w.start) !== undefined && secondsToMs(w.end) !== undefined)
        .map((w) => ({ text: String(w.word ?? w.text ?? '').trim(), startMs: secondsToMs(w.start)!, endMs: secondsToMs(w.end)! }));
      const speaker = seg.speaker ?? (Array.isArray(seg.words) ? (seg.words as Item[]).find((w) => w.speaker)?.speaker : undefined);
      return {
        speaker: speakerLabel(speaker),
        role: 'unknown',
        text: String(seg.text ?? '').trim(),
        ...(secondsToMs(seg.start) !== undefined && { startMs: secondsToMs(seg.start)! }),
        ...(secondsToMs(seg.end) !== undefined && { endMs: secondsToMs(seg.end)! }),
        ...(words.length > 0 && { words }),
        line: doc.lineAt(['segments', i]),
      };
    });
    return conversationOf(source, 'whisper', turns);
  },
};
