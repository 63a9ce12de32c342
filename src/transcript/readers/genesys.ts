import { ReadError } from '../errors.js';
import type { Word } from '../model.js';
import { conversationOf, type RawTurn } from './assemble.js';
import { parseJson } from './json.js';
import type { Reader, Source } from './reader.js';
import { vendorRole } from './roles-by-name.js';

type Item = Record<string, unknown>;

const duration = (d: unknown) =>
  typeof (d as Item | undefined)?.milliseconds === 'number' ? ((d as Item).milliseconds as number) : undefined;

/**
 * Genesys Cloud speech-and-text-analytics transcript JSON: `transcripts[].phrases[]` with `text`,
 * `participantPurpose` (internal/agent → agent, external/customer → customer), epoch-ms
 * `startTimeMs`, `duration.milliseconds`, and timed `words[]`. Times become offsets from the start.
 */
export const genesysReader: Reader = {
  format: 'genesys',
  extensions: ['.json'],
  sniff: (head) => /"phrases"\s*:/.test(head) && /"participantPurpose"\s*:/.test(head),
  read(source: Source) {
    const doc = parseJson(source.text);
    const body = doc.value as Item;
    if (!Array.isArray(body?.transcripts)) throw new ReadError('expected "transcripts[].phrases" (Genesys Cloud transcript)', 1, 1);
    const phrases = (body.transcripts as Item[]).flatMap((t, ti) =>
      (Array.isArray(t?.phrases) ? (t.phrases as Item[]) : []).map((p, pi) => ({
        p,
        line: doc.lineAt(['transcripts', ti, 'phrases', pi]),
      })),
    );
    phrases.sort((a, b) => Number(a.p.startTimeMs) - Number(b.p.startTimeMs));
    const starts = phrases.map(({ p }) => Number(p.startTimeMs)).filter(Number.isFinite);
    const origin = typeof body.startTime === 'number' ? Math.min(body.startTime, ...starts) : Math.min(...starts);
    const turns: RawTurn[] = phrases.map(({ p, line }) => {
      const role = vendorRole(p.participantPurpose);
      const start = Number(p.startTimeMs);
      const len = duration(p.duration);
      const words: Word[] = (Array.isArray(p.words) ? (p.words as Item[]) : [])
        .filter((w) => typeof w.startTimeMs === 'number' && duration(w.duration) !== undefined)
        .map((w) => ({
          text: String(w.word ?? ''),
          startMs: (w.startTimeMs as number) - origin,
          endMs: (w.startTimeMs as number) - origin + duration(w.duration)!,
        }));
      return {
        speaker: role === 'agent' ? 'Agent' : role === 'customer' ? 'Customer' : String(p.participantPurpose ?? 'participant'),
        role,
        text: String(p.text ?? '').trim(),
        ...(Number.isFinite(start) && { startMs: start - origin }),
        ...(Number.isFinite(start) && len !== undefined && { endMs: start - origin + len }),
        ...(words.length > 0 && { words }),
        line,
      };
    });
    return conversationOf(source, 'genesys', turns, { id: body.conversationId });
  },
};
