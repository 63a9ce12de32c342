import type { TextView } from './view.js';
import { textView } from './view.js';

/** Listener noises and one-word acknowledgements: speech that does not take the floor. */
export const DEFAULT_BACKCHANNELS = [
  'mm', 'mm-hm', 'mhm', 'mm-hmm', 'hmm', 'uh-huh', 'uh huh', 'um', 'uh', 'ah', 'oh', 'aha', 'right', 'okay', 'ok', 'yeah', 'yes', 'yep', 'yup',
  'sure', 'i see', 'got it', 'alright', 'all right', 'understood', 'exactly', 'true', 'indeed', 'of course', 'go on', 'sure thing', 'totally',
];

/** Stems of a backchannel lexicon, for `isBackchannel`. */
export function backchannelStems(lexicon: readonly string[]): Set<string> {
  const stems = new Set<string>();
  for (const entry of lexicon) for (const t of textView(entry).tokens) stems.add(t.stem);
  return stems;
}

/** True when every word of the turn is a backchannel word ("Mm-hm.", "Right, okay."). */
export function isBackchannel(view: TextView, stems: ReadonlySet<string>): boolean {
  return view.tokens.length > 0 && view.tokens.every((t) => stems.has(t.stem));
}
