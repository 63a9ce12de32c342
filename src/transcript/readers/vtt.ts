import { createRequire } from 'node:module';
import webvtt, { type VttNode } from 'webvtt-parser';
import { ReadError } from '../errors.js';
import type { Conversation, Turn } from '../model.js';
import { speakersOf } from '../model.js';
import { roleFor } from '../roles.js';
import { conversationId } from './id.js';
import type { Reader, Source } from './reader.js';

const NAME_PREFIX = /^([\p{L}\p{N}_][\p{L}\p{N}_ .'’-]{0,39}?):\s+/u;
const NO_DECLARED_ROLES = new Map();

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
    const { cues, errors } = vttParser().parse(source.text, 'metadata');
    const first = errors[0];
    if (first) throw new ReadError(`invalid WebVTT: ${first.message}`, first.line, first.col);

    const cueLines = timingLines(source.text);
    const turns: Turn[] = [];
    let previous: string | undefined;
    cues.forEach((cue, i) => {
      let speaker = voiceOf(cue.tree.children);
      let text = plainText(cue.tree.children).replace(/\s+/g, ' ').trim();
      if (speaker === undefined) {
        const prefix = NAME_PREFIX.exec(text);
        if (prefix) {
          speaker = prefix[1]!.trim();
          text = text.slice(prefix[0].length);
        }
      }
      // Caption files split one utterance over several cues and name the voice only on the first.
      speaker ??= previous;
      const line = cueLines[i] ?? 1;
      if (speaker === undefined) throw new ReadError("cue has no speaker: expected '<v Name>' or a 'Name: text' prefix", line, 1);
      previous = speaker;
      turns.push({
        index: i + 1,
        speaker,
        role: roleFor(speaker, NO_DECLARED_ROLES),
        text,
        startMs: Math.round(cue.startTime * 1000),
        endMs: Math.round(cue.endTime * 1000),
        line,
      });
    });
    if (turns.length === 0) throw new ReadError('no cues found: expected cues such as "00:00:01.000 --> 00:00:04.000" followed by "<v Agent>Hello"', 1, 1);

    return { id: conversationId(undefined, source.path), path: source.path, format: 'vtt', metadata: {}, speakers: speakersOf(turns), turns };
  },
};

function voiceOf(nodes: readonly VttNode[]): string | undefined {
  for (const node of nodes) {
    if (node.type === 'object' && node.name === 'v' && node.value?.trim()) return node.value.trim();
  }
  return undefined;
}

function plainText(nodes: readonly VttNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value ?? '';
    else if (node.children) out += plainText(node.children);
  }
  return out;
}

/** 1-based line of each cue's timing line; a valid file has exactly one per cue, in order. */
function timingLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (l.includes('-->')) lines.push(i + 1);
  });
  return lines;
}
