import type { AssignableRole } from '../model.js';
import { defaultRole } from '../roles.js';

/** A speaker label as written, read for the name it gives and the side it names, if any. */
export interface SpeakerLabel {
  /** The speaker as reports show them: the person's name when the label gives one (`Agent (Priya)` → `Priya`). */
  speaker: string;
  /** The side the label itself names (`Agent (Priya)`, `Priya (Agent)`, `Agent 1234`), if any. */
  role?: AssignableRole;
  /** Whether the label looks like a speaker at all (a name, a role, a numbered speaker). */
  nameLike: boolean;
}

// One word of a name: capitalized ("Priya", "O'Neil", "Jean-Luc", "Dr."), or in a script without case ("김민수", "محمد").
const NAME_WORD = String.raw`(?:[\p{Lu}\p{Lt}][\p{L}\p{M}.'’-]*|[\p{Lo}][\p{Lo}\p{M}.'’-]*)`;
// Lower-case particles inside a name: "Maria de la Cruz", "Ludwig van Beethoven", "Ana dos Santos".
const PARTICLE = String.raw`(?:de|del|della|der|den|di|da|das|do|dos|du|la|le|van|von|bin|bint|al|el|y|e|ibn)`;
const NAME = new RegExp(String.raw`^${NAME_WORD}(?: (?:${PARTICLE} )*${NAME_WORD}){0,3}$`, 'u');
// Numbered speakers as diarization writes them: "Speaker 1", "SPEAKER_01", "spk_0", "Speaker A", "Unknown Speaker 2".
const NUMBERED = /^(?:unknown )?(?:speaker|spk|spkr|participant|person|voice|caller|channel|ch)[ _-]?(?:\d{1,3}|[A-Z])$/iu;
// A role word with an id: "Agent 1234", "Agent #12", "Rep-7", "Customer 2".
const ROLE_WITH_ID = /^(.+?)[ _#-]+#?([\p{N}]{1,8}|[A-Z])$/u;
// "Agent (Priya)" or "Priya (Agent)", also with brackets or a dash: "Agent - Priya", "Priya [Agent]".
const PAIRED = /^(.+?)\s*(?:\((.+)\)|\[(.+)\]|[-–—]\s*(.+))$/u;

/** Whether a label is a diarizer's numbered speaker ("Speaker 1", "SPEAKER_01", "spk_0", "A"), which names nobody. */
export const isDiarizationLabel = (label: string): boolean => NUMBERED.test(label.trim()) || /^[A-Z]$|^\d+$/.test(label.trim());

// A transcript repeats a few labels on every line: each is read once per set of declared roles (one per file).
const readLabels = new WeakMap<ReadonlyMap<string, AssignableRole>, Map<string, SpeakerLabel>>();

/** Reads a label; `declared` (front matter, lower-cased) can name any label's side. */
export function readSpeakerLabel(label: string, declared: ReadonlyMap<string, AssignableRole>): SpeakerLabel {
  let known = readLabels.get(declared);
  if (!known) readLabels.set(declared, (known = new Map()));
  let read = known.get(label);
  if (!read) known.set(label, (read = parseLabel(label, declared)));
  return read;
}

function parseLabel(label: string, declared: ReadonlyMap<string, AssignableRole>): SpeakerLabel {
  const text = label.trim().replace(/\s+/g, ' ');
  const known = (s: string) => declared.get(s.toLowerCase()) ?? defaultRole(s);
  const role = known(text);
  if (role) return { speaker: text, role, nameLike: true };
  const paired = PAIRED.exec(text);
  if (paired) {
    const outer = paired[1]!.trim();
    const inner = (paired[2] ?? paired[3] ?? paired[4]!).trim();
    const outerRole = defaultRole(outer);
    const innerRole = defaultRole(inner);
    // "Agent (Priya)": the name is inside; "Priya (Agent)": outside. The name's own declared role wins.
    if (outerRole && !innerRole) return { speaker: inner, role: declared.get(inner.toLowerCase()) ?? outerRole, nameLike: true };
    if (innerRole && !outerRole) return { speaker: outer, role: declared.get(outer.toLowerCase()) ?? innerRole, nameLike: true };
    // "Priya Sharma (Northwind)", "Tom Baker (Guest)": a name with a note; the whole label is the speaker.
    if (!outerRole && !innerRole && NAME.test(outer)) return { speaker: text, nameLike: true };
  }
  if (NUMBERED.test(text)) return { speaker: text, nameLike: true };
  const withId = ROLE_WITH_ID.exec(text);
  const idRole = withId && known(withId[1]!.trim());
  if (idRole) return { speaker: text, role: idRole, nameLike: true };
  return { speaker: text, nameLike: NAME.test(text) };
}
