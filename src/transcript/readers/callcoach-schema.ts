import { z } from 'zod';
import { ROLES } from '../model.js';

const ms = z.number().nonnegative();

/** callcoach's own conversation model as JSON, so any source can be converted with a short script. */
export const conversationSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  turns: z.array(
    z.looseObject({
      speaker: z.string().min(1),
      /** Omitted: unknown, settled by --roles, a sidecar or inference. */
      role: z.enum(ROLES).optional(),
      text: z.string(),
      startMs: ms.optional(),
      endMs: ms.optional(),
      words: z.array(z.strictObject({ text: z.string(), startMs: ms, endMs: ms })).optional(),
    }),
  ),
});
