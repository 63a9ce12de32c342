import { ReadError } from '../errors.js';
import { conversationOf, type RawWord, secondsToMs, turnsFromWords } from './assemble.js';
import { parseJson } from './json.js';
import type { Reader, Source } from './reader.js';

type Item = Record<string, unknown>;

/**
 * Amazon Transcribe standard (batch) JSON: `results.items` of pronunciations (times as strings, in
 * seconds) and untimed punctuation. Speakers come from each item's `speaker_label` (newer schema),
 * from `speaker_labels.segments` (older schema), or from `channel_labels.channels` (channel
 * identification); consecutive words of one speaker make a turn. Roles are not in the file.
 */
export const awsTranscribeReader: Reader = {
  format: 'aws-transcribe',
  extensions: ['.json'],
  sniff: (head) => /"results"\s*:/.test(head) && /"items"\s*:/.test(head) && /"(?:pronunciation|start_time)"/.test(head),
  read(source: Source) {
    const doc = parseJson(source.text);
    const body = doc.value as { jobName?: unknown; results?: Item };
    const results = body?.results;
    if (!results || typeof results !== 'object' || !Array.isArray(results.items))
      throw new ReadError('expected "results.items" (Amazon Transcribe output)', doc.lineAt(['results']), 1);

    let words: RawWord[] = [];
    const channels = (results.channel_labels as Item | undefined)?.channels;
    if (Array.isArray(channels) && channels.length > 0) {
      (channels as Item[]).forEach((ch, c) => {
        (Array.isArray(ch.items) ? (ch.items as Item[]) : []).forEach((item, i) => {
          const w = wordOf(
            item,
            String(ch.channel_label ?? `ch_${c}`),
            doc.lineAt(['results', 'channel_labels', 'channels', c, 'items', i]),
          );
          if (w) words.push(w);
        });
      });
      words = interleaveByTime(words);
    } else {
      const bySegment = speakerByStart(results.speaker_labels as Item | undefined);
      let last = 'speaker';
      (results.items as Item[]).forEach((item, i) => {
        const speaker = typeof item?.speaker_label === 'string' ? item.speaker_label : (bySegment.get(String(item?.start_time)) ?? last);
        last = speaker;
        const w = wordOf(item, speaker, doc.lineAt(['results', 'items', i]));
        if (w) words.push(w);
      });
    }
    return conversationOf(
      source,
      'aws-transcribe',
      turnsFromWords(words, () => 'unknown'),
      { id: body.jobName },
    );
  },
};

function wordOf(item: Item, speaker: string, line: number): RawWord | undefined {
  const content = (item?.alternatives as Item[] | undefined)?.[0]?.content;
  if (typeof content !== 'string') return undefined;
  if (item.type === 'punctuation') return { speaker, text: content, punctuation: true, line };
  const startMs = secondsToMs(item.start_time);
  const endMs = secondsToMs(item.end_time);
  return { speaker, text: content, line, ...(startMs !== undefined && endMs !== undefined && { startMs, endMs }) };
}

/** Older files label speakers only in `speaker_labels.segments[].items[]`, keyed by start time. */
function speakerByStart(labels: Item | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const seg of Array.isArray(labels?.segments) ? (labels.segments as Item[]) : []) {
    for (const it of Array.isArray(seg.items) ? (seg.items as Item[]) : [])
      out.set(String(it.start_time), String(it.speaker_label ?? seg.speaker_label));
  }
  return out;
}

/** Channels arrive one after the other; interleave them by time, each punctuation mark staying behind its word. */
function interleaveByTime(words: readonly RawWord[]): RawWord[] {
  let lastStart = 0;
  return words
    .map((w, order) => ({ w, order, t: (lastStart = w.startMs ?? lastStart) }))
    .sort((a, b) => a.t - b.t || a.order - b.order)
    .map((k) => k.w);
}
