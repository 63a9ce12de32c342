import { ReadError } from '../errors.js';
import type { Role } from '../model.js';
import { conversationOf, type RawTurn } from './assemble.js';
import { parseJson } from './json.js';
import type { Reader, Source } from './reader.js';
import { vendorRole } from './roles-by-name.js';

type Item = Record<string, unknown>;

/**
 * Amazon Connect Contact Lens output: post-call voice (Version 1.1.0 and VOICE-2022-11-30, roles via
 * `Participants[]` ParticipantId → ParticipantRole), post-chat (CHAT-2022-11-30, messages only, times
 * from AbsoluteTime) and the real-time segment stream (final `Transcript` segments; partial
 * `Utterance` segments are skipped).
 */
export const contactLensReader: Reader = {
  format: 'contact-lens',
  extensions: ['.json'],
  sniff: (head) => /"ParticipantId"\s*:/.test(head) && /"(?:Participants|Segments)"\s*:/.test(head),
  read(source: Source) {
    const doc = parseJson(source.text);
    const body = doc.value as Item;
    const byId = new Map<string, Role>();
    if (Array.isArray(body?.Participants)) {
      for (const p of body.Participants as Item[])
        if (typeof p?.ParticipantId === 'string' && p.ParticipantRole) byId.set(p.ParticipantId, vendorRole(p.ParticipantRole));
    }
    const roleOf = (item: Item): Role =>
      item.ParticipantRole ? vendorRole(item.ParticipantRole) : (byId.get(String(item.ParticipantId)) ?? 'unknown');

    let items: { item: Item; path: (string | number)[] }[];
    if (Array.isArray(body?.Segments)) {
      items = (body.Segments as Item[]).flatMap((seg, i) =>
        seg?.Transcript ? [{ item: seg.Transcript as Item, path: ['Segments', i, 'Transcript'] }] : [],
      );
    } else if (Array.isArray(body?.Transcript)) {
      items = (body.Transcript as Item[]).map((item, i) => ({ item, path: ['Transcript', i] }));
    } else {
      throw new ReadError('expected a "Transcript" array (post-call) or "Segments" (real-time) in Contact Lens output', 1, 1);
    }
    const firstTime = items.map(({ item }) => Date.parse(String(item.AbsoluteTime))).find((t) => !Number.isNaN(t));
    const turns: RawTurn[] = [];
    for (const { item, path } of items) {
      // Chat transcripts interleave join/leave events with messages; only messages are speech.
      if (!item || typeof item !== 'object' || typeof item.Content !== 'string' || (item.Type !== undefined && item.Type !== 'MESSAGE'))
        continue;
      const role = roleOf(item);
      const speaker =
        typeof item.DisplayName === 'string' && item.DisplayName && !/\[PII\]/.test(item.DisplayName)
          ? item.DisplayName
          : labelFor(role, item);
      const start =
        typeof item.BeginOffsetMillis === 'number'
          ? item.BeginOffsetMillis
          : firstTime !== undefined
            ? Date.parse(String(item.AbsoluteTime)) - firstTime
            : undefined;
      turns.push({
        speaker,
        role,
        text: item.Content.trim(),
        ...(start !== undefined && !Number.isNaN(start) && { startMs: start }),
        ...(typeof item.EndOffsetMillis === 'number' && { endMs: item.EndOffsetMillis }),
        line: doc.lineAt(path),
      });
    }
    const chat = body.Channel === 'CHAT' || /^CHAT/.test(String(body.Version ?? ''));
    return conversationOf(source, 'contact-lens', turns, {
      id: body.ContactId ?? (body.CustomerMetadata as Item | undefined)?.ContactId,
      metadata: { channel: chat ? 'chat' : 'voice' },
    });
  },
};

function labelFor(role: Role, item: Item): string {
  if (role === 'agent') return 'Agent';
  if (role === 'customer') return 'Customer';
  return String(item.ParticipantRole ?? item.ParticipantId ?? 'unknown');
}
