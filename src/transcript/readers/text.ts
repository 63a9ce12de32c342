import { excerpt, ReadError } from '../errors.js';
import { readFrontMatter } from '../front-matter.js';
import type { AssignableRole, Conversation, Turn } from '../model.js';
import { speakersOf } from '../model.js';
import { roleFor } from '../roles.js';
import { formatClock, parseClock } from '../timestamp.js';
import { turnOf } from './assemble.js';
import { conversationId } from './id.js';
import type { Reader, Source } from './reader.js';
import { readSpeakerLabel } from './speaker-label.js';

// `[00:42] `, `[00:01:07.5] `, `[00:00:12.480-00:00:15.910] `, `[10:02:11 AM] ` before the label.
const STAMP = /^\s*\[([^\]]*)\]\s*/;
const CLOCK = String.raw`\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?(?:\s*[AaPp][Mm])?`;
// The same without brackets, only when a speaker label follows: `00:05 Agent: hi`.
const BARE_STAMP = new RegExp(String.raw`^\s*(${CLOCK})\s+(?=\S)`);
// A label: up to 48 characters of name-like text, then a colon and a space (or the end of the line).
const LABEL = /^([\p{L}\p{N}_][\p{L}\p{M}\p{N}_ .'’&()#[\]-]{0,47}?)\s*:(?:\s+|$)/u;
// Rev-style `Speaker 1 (00:05):`: the label carries its time (and its words may start on the next line).
const TIMED_LABEL = new RegExp(String.raw`^([\p{L}\p{N}_][^:()]{0,47}?)\s*\((${CLOCK})\):(?:\s+|$)`, 'u');
// Otter, Teams: `Priya Sharma  0:00` alone on a line, the words below. Zoom's saved captions: `[Priya Sharma] 10:02:11`.
// Found in steps (a clock at the end, then what stands before it) so no pattern backtracks over long runs of spaces.
const CLOCK_AT_END = new RegExp(String.raw`(?:^|\s)(${CLOCK})$`);
const ZOOM_NAME = /^\[([^\]]{1,48})\]$/;
const NO_ROLES: ReadonlyMap<string, AssignableRole> = new Map();
// Google Meet: a time alone on its line, for the turns that follow.
const TIME_LINE = new RegExp(String.raw`^\s*\[?(${CLOCK})\]?\s*$`);
// Calls recorded by time of day start well after midnight; offsets from the recording's start are small.
const WALL_CLOCK_FROM_MS = 60 * 60 * 1000;
const DAY_MS = 24 * WALL_CLOCK_FROM_MS;

/**
 * Plain-text transcripts: optional front matter, then `[time] Label: text` lines (other lines continue
 * the turn), or the block exports of Otter, Teams and Zoom (a `Name  0:00` heading, the words below)
 * and Google Meet (time lines between `Name: text` lines). A line that looks like a speaker label but
 * is not taken for one is kept in its turn and reported, never merged silently.
 */
export const textReader: Reader = {
  format: 'text',
  extensions: ['.txt', '.text', '.md'],
  // Blanks, not \s, around the label: \s spans newlines, so every line start would rescan the blank lines after it.
  sniff: (head) =>
    /^(?:---[ \t]*\r?$|[ \t]*(?:\[[\d:.,\t APMapm>-]+\][ \t]*)?[\p{L}][\p{L}\p{M}\p{N} ._()-]{0,47}:\s)/mu.test(head) ||
    head.split(/\r?\n/, 50).some((l) => headingOf(l, NO_ROLES) !== undefined),
  read(source: Source): Conversation {
    const lines = source.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const front = readFrontMatter(lines);
    const body = lines.slice(front.lineCount);
    const blocks = body.some((l) => headingOf(l, front.roles) !== undefined);
    const exported = blocks || body.some((l) => timeLine(l) !== undefined);
    const turns: Turn[] = [];
    const notices: string[] = [];
    const header: string[] = [];
    let pendingMs: number | undefined;

    for (let i = front.lineCount; i < lines.length; i++) {
      const raw = lines[i]!;
      if (!raw.trim()) continue;
      const line = i + 1;
      const heading = blocks ? headingOf(raw, front.roles) : undefined;
      const time = timeLine(raw);
      const parsed = heading ?? (time ? undefined : blocks ? undefined : parseTurnLine(raw, line, front.roles));
      if (time !== undefined && !heading) {
        pendingMs = time;
      } else if (parsed) {
        const startMs = parsed.times.startMs ?? pendingMs;
        pendingMs = undefined;
        const role = parsed.role ?? roleFor(parsed.label, front.roles);
        turns.push(turnOf({ speaker: parsed.label, role, text: parsed.text, startMs, endMs: parsed.times.endMs, line }, 0));
      } else if (turns.length > 0) {
        const last = turns[turns.length - 1]!;
        last.text = last.text ? `${last.text} ${raw.trim()}` : raw.trim();
        const label = looksLikeLabel(raw);
        if (label)
          notices.push(
            `line ${line}: '${label}:' looks like a speaker label but was read as part of turn ${turns.length}; if it is a speaker, name it in the front matter (roles: {${label}: agent|customer|other})`,
          );
      } else if (exported) {
        header.push(raw.trim());
      } else {
        throw new ReadError("expected a turn such as 'Agent: Hello' (optionally after a [mm:ss] timestamp) before any other text", line, 1);
      }
    }
    // A blank file (or one with front matter only) is an empty conversation: reported as not judged, not as unreadable.
    const spoken = turns.filter((t) => t.text.trim());
    spoken.forEach((t, i) => (t.index = i + 1));
    const clockStart = toOffsets(spoken);

    return {
      id: conversationId(front.metadata.id, source.path),
      path: source.path,
      format: 'text',
      metadata: {
        ...(header.length > 0 && { title: header[0] }),
        ...(clockStart !== undefined && { startedAt: formatClock(clockStart) }),
        ...front.metadata,
      },
      speakers: speakersOf(spoken),
      turns: spoken,
      ...(notices.length > 0 && { notices }),
    };
  },
};

interface TurnLine {
  label: string;
  role?: AssignableRole;
  text: string;
  times: { startMs?: number; endMs?: number };
}

/** A block export's speaker heading (`Priya Sharma  0:03`, `[Priya Sharma] 10:02:11`), as a turn with no words yet. */
function headingOf(raw: string, declared: ReadonlyMap<string, AssignableRole>): TurnLine | undefined {
  const line = raw.trimEnd();
  if (!endsLikeClock(line)) return undefined;
  const clock = CLOCK_AT_END.exec(line.slice(-40));
  if (!clock) return undefined;
  const before = line.slice(0, line.length - clock[1]!.length);
  const zoom = ZOOM_NAME.exec(before.trim());
  // Otter and Teams set the name off from the time with two spaces or a tab; one space is ordinary text.
  if (!zoom && !before.endsWith('  ') && !before.endsWith('\t')) return undefined;
  const name = zoom ? zoom[1]!.trim() : before.trim();
  if (name.length === 0 || name.length > 48) return undefined;
  const label = readSpeakerLabel(name, declared);
  const startMs = parseTime(clock[1]!);
  if (!label.nameLike || startMs === undefined) return undefined;
  return { label: label.speaker, ...(label.role && { role: label.role }), text: '', times: { startMs } };
}

/** Most lines are speech: a time ends in a digit, the M of AM/PM, or a closing bracket. */
function endsLikeClock(line: string): boolean {
  const last = line.charCodeAt(line.length - 1);
  return (last >= 48 && last <= 57) || last === 77 || last === 109 || last === 93;
}

/** A Google Meet time line (`00:05:00` alone), as milliseconds. */
function timeLine(raw: string): number | undefined {
  const m = endsLikeClock(raw.trimEnd()) ? TIME_LINE.exec(raw) : null;
  return m ? parseTime(m[1]!) : undefined;
}

/** The label of a line that reads like `Someone: …` (up to three words), for the warning when it is not taken as a speaker. */
function looksLikeLabel(raw: string): string | undefined {
  const m = LABEL.exec(raw.replace(STAMP, ''));
  const name = m?.[1]?.trim();
  return name && name.split(/\s+/).length <= 3 ? name : undefined;
}

function parseTurnLine(raw: string, line: number, declared: ReadonlyMap<string, AssignableRole>): TurnLine | undefined {
  let rest = raw;
  let times: TurnLine['times'] = {};
  const stamp = STAMP.exec(raw);
  const bare = stamp ? undefined : BARE_STAMP.exec(raw);
  // A bracket that starts with a digit is meant as a timestamp, so a malformed one is an error, not text.
  if (stamp && /^\s*\d/.test(stamp[1]!)) {
    times = parseStamp(stamp[1]!, line, raw.indexOf('[') + 2);
    rest = raw.slice(stamp[0].length);
  } else if (bare && LABEL.test(raw.slice(bare[0].length))) {
    const startMs = parseTime(bare[1]!);
    if (startMs !== undefined) {
      times = { startMs };
      rest = raw.slice(bare[0].length);
    }
  }
  const timed = times.startMs === undefined ? TIMED_LABEL.exec(rest) : null;
  const timedMs = timed ? parseTime(timed[2]!) : undefined;
  if (timed && timedMs !== undefined) {
    times = { startMs: timedMs };
    const speaker = readSpeakerLabel(timed[1]!, declared);
    return { label: speaker.speaker, ...(speaker.role && { role: speaker.role }), text: rest.slice(timed[0].length).trim(), times };
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
  const speaker = readSpeakerLabel(label[1]!, declared);
  if (!speaker.nameLike && times.startMs === undefined) return undefined;
  return { label: speaker.speaker, ...(speaker.role && { role: speaker.role }), text: rest.slice(label[0].length).trim(), times };
}

/** A clock time, with an optional AM/PM for time-of-day stamps. */
function parseTime(text: string): number | undefined {
  const m = /^(.*?)\s*([AaPp])[Mm]$/.exec(text.trim());
  if (!m) return parseClock(text);
  const ms = parseClock(m[1]!.split(':').length === 2 ? `${m[1]}:00` : m[1]!);
  if (ms === undefined || ms >= 13 * WALL_CLOCK_FROM_MS || ms < WALL_CLOCK_FROM_MS) return undefined;
  const hour12 = ms % (12 * WALL_CLOCK_FROM_MS);
  return m[2]!.toLowerCase() === 'p' ? hour12 + 12 * WALL_CLOCK_FROM_MS : hour12;
}

function parseStamp(inner: string, line: number, column: number): TurnLine['times'] {
  // Split, then trim: blanks on both sides of the separator in the pattern would rescan a run of blanks at each position.
  const parts = inner.split(/-->|–|—|-/).map((p) => p.trim());
  const expected = 'expected a timestamp such as [01:23], [00:01:23.450] or a range [00:00:12.480-00:00:15.910]';
  if (parts.length > 2) throw new ReadError(`malformed timestamp [${excerpt(inner)}]: ${expected}`, line, column);
  const startMs = parseTime(parts[0]!);
  if (startMs === undefined) throw new ReadError(`malformed timestamp [${excerpt(inner)}]: ${expected}`, line, column);
  if (parts.length === 1) return { startMs };
  const endMs = parseTime(parts[1]!);
  if (endMs === undefined)
    throw new ReadError(`malformed end time in [${excerpt(inner)}]: ${expected}`, line, column + inner.indexOf(parts[1]!));
  if (endMs < startMs) throw new ReadError(`timestamp range [${excerpt(inner)}] ends before it starts`, line, column);
  return { startMs, endMs };
}

/**
 * Time-of-day stamps (`[10:02:11]`, the first an hour or more in) become offsets from the first, so a
 * nine-second exchange lasts nine seconds; a call that runs past midnight keeps counting. Returns the
 * first stamp when it shifted the times.
 */
function toOffsets(turns: Turn[]): number | undefined {
  const first = turns.find((t) => t.startMs !== undefined)?.startMs;
  if (first === undefined || first < WALL_CLOCK_FROM_MS) return undefined;
  const offset = (ms: number) => (ms >= first ? ms - first : ms + DAY_MS - first);
  for (const t of turns) {
    if (t.startMs !== undefined) t.startMs = offset(t.startMs);
    if (t.endMs !== undefined) t.endMs = offset(t.endMs);
  }
  return first;
}
