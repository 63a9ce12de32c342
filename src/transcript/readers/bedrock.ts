import { ReadError } from '../errors.js';
import type { Word } from '../model.js';
import { conversationOf, type RawTurn, speakerLabel } from './assemble.js';
import { parseJson } from './json.js';
import type { Reader, Source } from './reader.js';

type Item = Record<string, unknown>;

/**
 * Amazon Bedrock Data Automation standard audio output: one turn per `audio_segments[]` entry, the
 * speaker from its `speaker.speaker_label` (or channel), word times from the `audio_items` it lists.
 */
export const bedrockReader: Reader = {
  format: 'bedrock-audio',
  extensions: ['.json'],
  sniff: (head) => /"audio_segments"\s*:|"audio_items"\s*:/.test(head),
  read(source: Source) {
    const doc = parseJson(source.text);
    const body = doc.value as Item;
    if (!Array.isArray(body?.audio_segments)) throw new ReadError('expected "audio_segments" (Bedrock Data Automation audio output)', 1, 1);
    const items = Array.isArray(body.audio_items) ? (body.audio_items as Item[]) : [];
    const turns: RawTurn[] = (body.audio_segments as Item[])
      .filter((seg) => seg?.type === undefined || seg.type === 'TRANSCRIPT')
      .map((seg, i) => {
        const words: Word[] = (Array.isArray(seg.audio_item_indices) ? (seg.audio_item_indices as number[]) : [])
          .map((k) => items[k])
          .filter(
            (w): w is Item =>
              typeof w?.content === 'string' && typeof w.start_timestamp_millis === 'number' && typeof w.end_timestamp_millis === 'number',
          )
          .map((w) => ({
            text: w.content as string,
            startMs: w.start_timestamp_millis as number,
            endMs: w.end_timestamp_millis as number,
          }));
        const who = (seg.speaker as Item | undefined)?.speaker_label ?? (seg.channel as Item | undefined)?.channel_label;
        return {
          speaker: speakerLabel(who),
          role: 'unknown' as const,
          text: String(seg.text ?? '').trim(),
          ...(typeof seg.start_timestamp_millis === 'number' && { startMs: seg.start_timestamp_millis }),
          ...(typeof seg.end_timestamp_millis === 'number' && { endMs: seg.end_timestamp_millis }),
          ...(words.length > 0 && { words }),
          line: doc.lineAt(['audio_segments', i]),
        };
      });
    return conversationOf(source, 'bedrock-audio', turns, {
      id: (body.metadata as Item | undefined)?.asset_id === '0' ? undefined : (body.metadata as Item | undefined)?.asset_id,
    });
  },
};
