import { ReadError } from '../errors.js';
import { conversationOf, type RawTurn } from './assemble.js';
import { parseJson } from './json.js';
import type { Reader, Source } from './reader.js';
import { vendorRole } from './roles-by-name.js';

type Item = Record<string, unknown>;

/**
 * Google Contact Center AI Insights conversation JSON: `entries[]` with `text`, `role` (AGENT,
 * AUTOMATED_AGENT, CUSTOMER, END_USER), `user_id` and `start_timestamp_usec` (start times only).
 */
export const googleCcaiReader: Reader = {
  format: 'google-ccai',
  extensions: ['.json'],
  sniff: (head) => /"entries"\s*:/.test(head) && /"(?:start_timestamp_usec|user_id)"\s*:/.test(head),
  read(source: Source) {
    const doc = parseJson(source.text);
    const body = doc.value as Item;
    if (!Array.isArray(body?.entries)) throw new ReadError('expected "entries" (Contact Center AI Insights conversation)', 1, 1);
    const entries = body.entries as Item[];
    const first = Math.min(...entries.map((e) => Number(e.start_timestamp_usec)).filter(Number.isFinite));
    const turns: RawTurn[] = entries.map((e, i) => {
      const line = doc.lineAt(['entries', i]);
      if (typeof e?.text !== 'string') throw new ReadError(`entries[${i}].text must be a string`, line, 1);
      const role = vendorRole(e.role);
      const usec = Number(e.start_timestamp_usec);
      const who = role === 'agent' ? 'Agent' : role === 'customer' ? 'Customer' : String(e.role ?? 'participant');
      return {
        speaker: e.user_id !== undefined ? `${who} ${e.user_id}` : who,
        role,
        text: e.text.trim(),
        ...(Number.isFinite(usec) && { startMs: Math.round((usec - first) / 1000) }),
        line,
      };
    });
    return conversationOf(source, 'google-ccai', turns);
  },
};
