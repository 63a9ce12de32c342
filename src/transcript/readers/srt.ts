import { excerpt, ReadError } from '../errors.js';
import { parseClock } from '../timestamp.js';
import { roleFor } from '../roles.js';
import { conversationOf, type RawTurn, speakerLabel } from './assemble.js';
import type { Reader, Source } from './reader.js';

const TIMING = /^\s*(\S+)\s*-->\s*(\S+)/;
// "Agent: text", or WhisperX's "[SPEAKER_00]: text".
const PREFIX = /^(?:\[([^\]]{1,40})\]|([\p{L}\p{N}_][\p{L}\p{N}_ .'’-]{0,39}?)):\s*/u;

/**
 * SubRip (.srt): numbered cues with `00:00:01,000 --> 00:00:04,000` timings; one turn per cue. The
 * speaker comes from a `Name: text` or `[SPEAKER_00]: text` prefix; a cue without one continues the
 * previous speaker, and a file without any is one unnamed speaker.
 */
export const srtReader: Reader = {
  format: 'srt',
  extensions: ['.srt'],
  sniff: (head) => /^\uFEFF?\s*\d+[ \t]*\r?\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/.test(head),
  read(source: Source) {
    const lines = source.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const turns: RawTurn[] = [];
    let previous: string | undefined;
    let i = 0;
    while (i < lines.length) {
      while (i < lines.length && !lines[i]!.trim()) i++;
      if (i >= lines.length) break;
      const blockStart = i;
      // A cue number, then its timing line.
      if (/^\s*\d+\s*$/.test(lines[i]!)) i++;
      const timing = TIMING.exec(lines[i] ?? '');
      if (!timing)
        throw new ReadError('expected a cue timing line such as "00:00:01,000 --> 00:00:04,000"', Math.min(i, lines.length - 1) + 1, 1);
      const startMs = parseClock(timing[1]!);
      const endMs = parseClock(timing[2]!);
      if (startMs === undefined)
        throw new ReadError(`malformed start time '${excerpt(timing[1]!)}'`, i + 1, lines[i]!.indexOf(timing[1]!) + 1);
      if (endMs === undefined) throw new ReadError(`malformed end time '${excerpt(timing[2]!)}'`, i + 1, lines[i]!.indexOf(timing[2]!) + 1);
      const textLines: string[] = [];
      for (i++; i < lines.length && lines[i]!.trim(); i++) textLines.push(lines[i]!.trim());
      // A tag ends at the next '<' too: otherwise each '<' of an unclosed run would rescan the rest of the cue.
      let text = textLines.join(' ').replace(/<[^<>]*>/g, '');
      const prefix = PREFIX.exec(text);
      if (prefix) {
        previous = speakerLabel(prefix[1] ?? prefix[2]);
        text = text.slice(prefix[0].length);
      }
      const speaker = previous ?? 'speaker';
      turns.push({ speaker, role: roleFor(speaker), text: text.trim(), startMs, endMs, line: blockStart + 1 });
    }
    return conversationOf(source, 'srt', turns);
  },
};
