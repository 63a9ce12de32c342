import { createRequire } from 'node:module';
import webvtt, { type VttNode } from 'webvtt-parser';
import { ReadError } from '../errors.js';
import type { Conversation, Turn } from '../model.js';
import { roleFor } from '../roles.js';
import { conversationOf } from './assemble.js';
import type { Reader, Source } from './reader.js';

const NAME_PREFIX = /^([\p{L}\p{N}_][\p{L}\p{N}_ .'’-]{0,39}?):\s+/u;

let parser: InstanceType<typeof webvtt.WebVTTParser> | undefined;
function vttParser() {
  // The full entity table makes `&amp;`-style references decode exactly as the spec says.
  const entities = createRequire(import.meta.url)('webvtt-parser/html-entities.json') as Record<string, string>;
  return (parser ??= new webvtt.WebVTTParser(entities));
}

/** WebVTT: `<v Name>` voice spans (closing tag optional) or a `Name: text` prefix; one cue is one turn. */
export const vttReader: Reader = {
  format: 'vtt',
  extensions: ['.vtt'],
  sniff: (head) => /^\uFEFF?WEBVTT(?:[ \t]|\r?\n|$)/.test(head),
  read(source: Source): Conversation {
    let { cues, errors } = vttParser().parse(source.text, 'metadata');
    if (errors.length > 0) {
      // Real files bend the spec in two common ways (Teams' "0:0:1.5" times, YouTube's header lines).
      // Accept them when fixing just those makes the file valid; otherwise report the spec error.
      const retry = vttParser().parse(lenient(source.text), 'metadata');
      if (retry.errors.length === 0) ({ cues, errors } = retry);
    }
    // Cues that start before the previous one break a conformance rule, not the syntax: overlapping
    // speakers in diarized exports do it. They are read; every other spec error refuses the file.
    const first = errors.find(
      (e) => !e.message.startsWith('Start timestamp is not greater than or equal to start timestamp of previous cue'),
    );
    if (first) throw new ReadError(`invalid WebVTT: ${first.message}`, first.line, first.col);

    const cueLines = timingLines(source.text);
    const turns: Turn[] = [];
    let previous: string | undefined;
    cues.forEach((cue, i) => {
      for (const part of voices(cue.tree.children, cue.text)) {
        let { speaker, text } = part;
        if (speaker === undefined) {
          const prefix = NAME_PREFIX.exec(text);
          if (prefix) {
            speaker = prefix[1]!.trim();
            text = text.slice(prefix[0].length);
          }
        }
        // Caption files split one utterance over several cues and name the voice only on the first;
        // captions that never name a voice are one unnamed speaker, whose role stays undecided.
        speaker ??= previous ?? 'speaker';
        previous = speaker;
        turns.push({
          index: turns.length + 1,
          speaker,
          role: roleFor(speaker),
          text,
          startMs: Math.round(cue.startTime * 1000),
          endMs: Math.round(cue.endTime * 1000),
          line: cueLines[i] ?? 1,
        });
      }
    });
    return conversationOf(source, 'vtt', turns);
  },
};

/** A cue's text split at its voice spans: usually one part, two when two people speak in one cue. */
function voices(nodes: readonly VttNode[], raw: string): { speaker?: string; text: string }[] {
  const parts: { speaker?: string; text: string }[] = [];
  for (const node of nodes) {
    const isVoice = node.type === 'object' && node.name === 'v' && Boolean(node.value?.trim());
    const text = plainText([node]);
    const last = parts[parts.length - 1];
    if (isVoice || !last) parts.push({ ...(isVoice && { speaker: node.value!.trim() }), text });
    else last.text += text;
  }
  const spoken = parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ').trim() })).filter((p) => p.text);
  if (spoken.length > 0) return spoken;
  // "<v It's late" (no ">") makes the whole cue a voice name by the spec; keep the words rather than lose them.
  const bare = raw
    .replace(/^<v\b[^\s>]*\s*/, '')
    .replace(/<[^<>]*>/g, '') // a tag also ends at the next '<', so an unclosed run is not rescanned at each '<'
    .replace(/\s+/g, ' ')
    .trim();
  return bare ? [{ text: bare }] : [];
}

function plainText(nodes: readonly VttNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value ?? '';
    else if (node.children) out += plainText(node.children);
  }
  return out;
}

/**
 * Zero-pads short cue times, drops metadata lines between the WEBVTT line and the first blank line,
 * and separates a timing line that directly follows cue text (YouTube) from it.
 */
function lenient(text: string): string {
  const pad = (t: string) => {
    const [clock = '', frac = '0'] = t.split('.');
    const parts = clock.split(':').map((p) => p.padStart(2, '0'));
    while (parts.length < 3) parts.unshift('00');
    return `${parts.join(':')}.${frac.padEnd(3, '0').slice(0, 3)}`;
  };
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((l, i) => i > 0 && !l.trim());
  const body = lines.map((l, i) => (i > 0 && header > 0 && i < header ? '' : l));
  return body
    .map((l, i) =>
      (i > 0 && l.includes('-->') && body[i - 1]!.trim() ? `\n${l}` : l).replace(
        /^(\d+(?::\d+){1,2}(?:\.\d+)?)\s*-->\s*(\d+(?::\d+){1,2}(?:\.\d+)?)/,
        (_m, a: string, b: string) => `${pad(a)} --> ${pad(b)}`,
      ),
    )
    .join('\n');
}

/** 1-based line of each cue's timing line; a valid file has exactly one per cue, in order. */
function timingLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (l.includes('-->')) lines.push(i + 1);
  });
  return lines;
}
