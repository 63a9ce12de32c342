import { z } from 'zod';
import { backchannelStems, DEFAULT_BACKCHANNELS, isBackchannel } from '../../text/backchannel.js';
import { viewOf } from '../../text/view.js';
import { isTimed, type Turn } from '../../transcript/model.js';
import type { Hit, RuleKind } from '../types.js';
import { rolesOf, speakerSchema } from './turn-match.js';

export const interruptionOptions = z.strictObject({
  /** Who must not interrupt… */
  speaker: speakerSchema.default('agent'),
  /** …whom. */
  over: speakerSchema.default('customer'),
  /** Timed transcripts: how long the interrupter must talk over the other turn. Shorter is latching. */
  minOverlapMs: z.number().int().min(0).default(300),
  /** Timed transcripts: overlapping turns of at most this many words are backchannels, not interruptions. */
  maxBackchannelWords: z.number().int().min(0).default(3),
  /** Overlapping turns made only of these words are backchannels whatever their length. */
  backchannels: z.array(z.string().min(1)).default(DEFAULT_BACKCHANNELS),
  /** Untimed transcripts: a turn ending in one of these was cut off by whoever speaks next. */
  cutoffMarkers: z.array(z.string().min(1)).default(['--', '—', '–', '[crosstalk]', '[overlap]', '[overlapping]', '[interrupted]', '[interrupts]']),
});

/** Talking over or cutting off the other side: real overlap when turns are timed, cut-off markers when not. */
export const interruptionKind: RuleKind<z.infer<typeof interruptionOptions>> = {
  name: 'interruption',
  compile(options) {
    const interrupters = rolesOf(options.speaker);
    const victims = rolesOf(options.over);
    const quiet = backchannelStems(options.backchannels);
    const markers = options.cutoffMarkers.map((m) => m.toLowerCase());
    const cutOff = (t: Turn) => {
      const end = t.text.trimEnd().toLowerCase();
      return markers.some((m) => end.endsWith(m));
    };
    const takesTheFloor = (t: Turn) => {
      const view = viewOf(t);
      return view.tokens.length > options.maxBackchannelWords && !isBackchannel(view, quiet);
    };

    return (conversation) => {
      const { turns } = conversation;
      const hits: Hit[] = [];
      const applicable = turns.some((t) => interrupters.has(t.role)) && turns.some((t) => victims.has(t.role));
      if (isTimed(conversation)) {
        for (const turn of turns) {
          if (!interrupters.has(turn.role) || !takesTheFloor(turn)) continue;
          const start = turn.startMs!;
          // Someone on the other side started before this turn and was still talking well after it began.
          const talkedOver = turns.some(
            (o) => victims.has(o.role) && o.startMs! < start && o.endMs! - start >= options.minOverlapMs && !isBackchannel(viewOf(o), quiet),
          );
          if (talkedOver) hits.push({ turn });
        }
      } else {
        turns.forEach((turn, i) => {
          const next = turns[i + 1];
          if (next && victims.has(turn.role) && interrupters.has(next.role) && cutOff(turn)) hits.push({ turn: next });
        });
      }
      return { applicable, hits };
    };
  },
};
