import { ReadError } from '../errors.js';
import type { Word } from '../model.js';
import { conversationOf, type RawTurn, secondsToMs } from './assemble.js';
import { parseJson } from './json.js';
import type { Reader, Source } from './reader.js';
import { vendorRole } from './roles-by-name.js';

type Item = Record<string, unknown>;

/** "None" is how the PCA parser writes a field it has no value for. */
const given = (v: unknown) => (typeof v === 'string' && v.trim() && v.trim() !== 'None' ? v.trim() : undefined);

/**
 * Amazon Transcribe Post-Call Analytics (the aws-samples PCA solution's parsed output):
 * `ConversationAnalytics` (SpeakerLabels map `spk_0` → Agent/Customer, the agent's name, the job)
 * and `SpeechSegments[]` with SegmentSpeaker, Segment{Start,End}Time in seconds, DisplayText and
 * timed words in WordConfidence. The roles are the file's, which follow the recording's channels:
 * when they are swapped, `--roles spk_1=agent,spk_0=customer` puts them right.
 */
export const awsPcaReader: Reader = {
  format: 'aws-pca',
  extensions: ['.json'],
  sniff: (head) => /"SpeechSegments"\s*:/.test(head) || (/"ConversationAnalytics"\s*:/.test(head) && /"SpeakerLabels"\s*:/.test(head)),
  read(source: Source) {
    const doc = parseJson(source.text);
    const body = doc.value as Item;
    if (!Array.isArray(body?.SpeechSegments))
      throw new ReadError('expected "SpeechSegments" (Amazon Transcribe Post-Call Analytics output)', 1, 1);
    const analytics = (body.ConversationAnalytics ?? {}) as Item;
    const labels = new Map<string, string>();
    for (const l of Array.isArray(analytics.SpeakerLabels) ? (analytics.SpeakerLabels as Item[]) : [])
      if (typeof l?.Speaker === 'string' && typeof l.DisplayText === 'string') labels.set(l.Speaker, l.DisplayText);
    const turns: RawTurn[] = (body.SpeechSegments as Item[]).map((s, i) => {
      const line = doc.lineAt(['SpeechSegments', i]);
      if (!s || typeof s !== 'object') throw new ReadError(`SpeechSegments[${i}] must be an object`, line, 1);
      const speaker = typeof s.SegmentSpeaker === 'string' ? s.SegmentSpeaker : 'speaker';
      const startMs = secondsToMs(s.SegmentStartTime);
      const endMs = secondsToMs(s.SegmentEndTime);
      const words = wordsOf(s.WordConfidence);
      return {
        speaker,
        role: labels.has(speaker) ? vendorRole(labels.get(speaker)) : 'unknown',
        text: String(s.DisplayText ?? s.OriginalText ?? '').trim(),
        ...(startMs !== undefined && { startMs }),
        ...(endMs !== undefined && { endMs }),
        ...(words && { words }),
        line,
      };
    });
    const job = ((analytics.SourceInformation as Item[] | undefined)?.[0]?.TranscribeJobInfo ?? {}) as Item;
    const agent = given(analytics.Agent);
    return conversationOf(source, 'aws-pca', turns, {
      id: given(analytics.GUID) ?? given(job.TranscriptionJobName),
      metadata: { ...(agent && { agent }), ...(given(analytics.ConversationTime) && { startedAt: given(analytics.ConversationTime) }) },
    });
  },
};

/** Timed words, when every word has a real duration (PCA often writes start = end, which times nothing). */
function wordsOf(list: unknown): Word[] | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const words = (list as Item[]).map((w) => ({
    text: String(w?.Text ?? '').trim(),
    startMs: secondsToMs(w?.StartTime),
    endMs: secondsToMs(w?.EndTime),
  }));
  if (!words.every((w) => w.text && w.startMs !== undefined && w.endMs !== undefined && w.endMs > w.startMs)) return undefined;
  return words as Word[];
}
