import { ReadError } from '../errors.js';
import { readFrontMatter } from '../front-matter.js';
import type { Conversation, Turn } from '../model.js';
import { speakersOf } from '../model.js';
import { defaultRole, roleFor } from '../roles.js';
import { parseClock } from '../timestamp.js';
import { conversationId } from './id.js';
import type { Reader, Source } from './reader.js';

// `[00:42] `, `[00:01:07.5] `, `[00:00:12.480-00:00:15.910] ` before the label.
const STAMP = /^\s*\[([^\]]*)\]\s*/;
// A label: up to 40 characters of name-like text, then a colon and a space (or the end of the line).
const LABEL = /^([\p{L}\p{N}_][\p{L}\p{N}_ .'’&-]{0,39}?)\s*:(?:\s+|$)/u;
// Undeclared labels are accepted as speakers only when they look like names ("Mel", "Dr. Ana Ruiz", "SPEAKER_01").
const NAME_LIKE = /^(?:[\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*){0,2}|[\p{L}]+[_ ]?\d{1,3})$/u;

/** Plain-text transcripts: optional front matter, then `[time] Label: text` lines; other lines continue the turn. */
export const textReader: Reader = {
  format: 'text',
  extensions: ['.txt', '.text', '.md'],
  sniff: (head) => /^(?:---\s*$|\s*(?:\[[\d:.,\s>-]+\]\s*)?[\p{L}][\p{L} ._-]{0,39}:\s)/mu.test(head),
  read(source: Source): Conversation {
    const lines = source.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const front = readFrontMatter(lines);
    const turns: Turn[] = [];

    for (let i = front.lineCount; i < lines.length; i++) {
      const raw = lines[i]!;
      if (!raw.trim()) continue;
      const line = i + 1;
      const parsed = parseTurnLine(raw, line, (label) => front.roles.has(label.toLowerCase()) || defaultRole(label) !== undefined);
      if (parsed) {
        turns.push({
          index: turns.length + 1,
          speaker: parsed.label,
          role: roleFor(parsed.label, front.roles),
          text: parsed.text,
          line,
          ...parsed.times,
        });
      } else if (turns.length > 0) {
        const last = turns[turns.length - 1]!;
        last.text = last.text ? `${last.text} ${raw.trim()}` : raw.trim();
      } else {
        throw new ReadError("expected a turn such as 'Agent: Hello' (optionally after a [mm:ss] timestamp) before any other text", line, 1);
      }
    }

    return {
      id: conversationId(front.metadata.id, source.path),
      path: source.path,
      format: 'text',
      metadata: front.metadata,
      speakers: speakersOf(turns),
      turns,
    };
  },
};

interface TurnLine {
  label: string;
  text: string;
  times: { startMs?: number; endMs?: number };
}

function parseTurnLine(raw: string, line: number, isKnownLabel: (label: string) => boolean): TurnLine | undefined {
  let rest = raw;
  let times: TurnLine['times'] = {};
  const stamp = STAMP.exec(raw);
  // A bracket that starts with a digit is meant as a timestamp, so a malformed one is an error, not text.
  if (stamp && /^\s*\d/.test(stamp[1]!)) {
    times = parseStamp(stamp[1]!, line, raw.indexOf('[') + 2);
    rest = raw.slice(stamp[0].length);
  }
  const label = LABEL.exec(rest);
  if (!label) {
    if (stamp && times.startMs !== undefined) {
      throw new ReadError(
        "expected a speaker label and a colon after the timestamp, e.g. '[00:05] Agent: Hello'",
        line,
        stamp[0].length + 1,
      );
    }
    return undefined;
  }
  const name = label[1]!.trim();
  const accepted = isKnownLabel(name) || times.startMs !== undefined || NAME_LIKE.test(name);
  if (!accepted) return undefined;
  return { label: name, text: rest.slice(label[0].length).trim(), times };
}

function parseStamp(inner: string, line: number, column: number): TurnLine['times'] {
  const parts = inner.split(/\s*(?:-->|–|—|-)\s*/);
  const expected = 'expected a timestamp such as [01:23], [00:01:23.450] or a range [00:00:12.480-00:00:15.910]';
  if (parts.length > 2) throw new ReadError(`malformed timestamp [${inner}]: ${expected}`, line, column);
  const startMs = parseClock(parts[0]!);
  if (startMs === undefined) throw new ReadError(`malformed timestamp [${inner}]: ${expected}`, line, column);
  if (parts.length === 1) return { startMs };
  const endMs = parseClock(parts[1]!);
  if (endMs === undefined) throw new ReadError(`malformed end time in [${inner}]: ${expected}`, line, column + inner.indexOf(parts[1]!));
  if (endMs < startMs) throw new ReadError(`timestamp range [${inner}] ends before it starts`, line, column);
  return { startMs, endMs };
}
