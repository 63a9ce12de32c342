/**
 * Inputs shaped to make a careless parser rescan: each is a function of a size in characters and the
 * file name that picks its reader. The first ones are the shapes from issue 11 that once cost
 * quadratic time (a 160 KB turn of "a-" took 29 s).
 */
export interface Shape {
  name: string;
  path: string;
  make(size: number): string;
}

const fill = (size: number, unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const turn = (size: number, unit: string) => `Customer: hi\nAgent: ${fill(size, unit)}\n`;
const cue = (body: string) => `1\n00:00:01,000 --> 00:00:02,000\n${body}\n`;
const vttCue = (body: string) => `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${body}\n`;

export const SHAPES: readonly Shape[] = [
  { name: 'a turn of "a-" repeated (e-mail alternative)', path: 'a.txt', make: (n) => turn(n, 'a-') },
  { name: 'a turn of "1-" repeated (e-mail and phone)', path: 'a.txt', make: (n) => turn(n, '1-') },
  { name: 'dotted run ending in @ (e-mail)', path: 'a.txt', make: (n) => `${turn(n, 'a.')}@b` },
  { name: 'a turn of "a@" repeated', path: 'a.txt', make: (n) => turn(n, 'a@') },
  { name: 'one huge word (spelling fold, stemmer)', path: 'a.txt', make: (n) => turn(n, 'a') },
  { name: 'one huge word ending in -ise', path: 'a.txt', make: (n) => `${turn(n, 'ab').trimEnd()}ise\n` },
  { name: 'newlines in a .txt (format sniff)', path: 'a.txt', make: (n) => '\n'.repeat(n) },
  { name: 'blanks in a timestamp bracket', path: 'a.txt', make: (n) => `[1${' '.repeat(n)}] Agent: hi\n` },
  { name: 'blanks before a timestamp', path: 'a.txt', make: (n) => `[${' '.repeat(n)}1] Agent: hi\n` },
  { name: 'a long label', path: 'a.txt', make: (n) => `Agent${' '.repeat(n)}:x\n` },
  { name: 'many short turns', path: 'a.txt', make: (n) => fill(n, 'Agent: a\nCustomer: b\n') },
  { name: 'apostrophes (contractions)', path: 'a.txt', make: (n) => turn(n, "a'") },
  { name: 'an SRT cue of "<"', path: 'a.srt', make: (n) => cue('<'.repeat(n)) },
  { name: 'an SRT cue number then newlines (sniff)', path: 'a.srt', make: (n) => `1${'\n'.repeat(n)}` },
  { name: 'a WebVTT cue of "<"', path: 'a.vtt', make: (n) => vttCue('<'.repeat(n)) },
  { name: 'a WebVTT cue of voice tags', path: 'a.vtt', make: (n) => vttCue(fill(n, '<v a>')) },
  { name: 'a WebVTT cue of "&"', path: 'a.vtt', make: (n) => vttCue(fill(n, '&')) },
  { name: 'deeply nested JSON arrays', path: 'a.json', make: (n) => '['.repeat(n / 2) + ']'.repeat(n / 2) },
  { name: 'deeply nested JSON objects', path: 'a.json', make: (n) => '{"a":'.repeat(n / 5) + '1' + '}'.repeat(n / 5) },
  { name: 'a JSON turn of "a-"', path: 'a.json', make: (n) => `{"turns":[{"speaker":"Agent","text":"${fill(n, 'a-')}"}]}` },
  {
    // Every turn's line is looked up by key through the object: a search per turn was quadratic (1.6 MB: 12 s).
    name: 'a JSON object of many keys before its turns',
    path: 'a.json',
    make: (n) => {
      const keys = Array.from({ length: Math.ceil(n / 16) }, (_, i) => `"k${i}":0,`).join('');
      const turn = '{"speaker":0,"elements":[{"type":"text","value":"hi"}]}';
      const turns = Array.from({ length: Math.ceil(n / 2 / turn.length) }, () => turn).join(',');
      return `{"x":{"monologues":0},${keys}"monologues":[${turns}]}`;
    },
  },
  { name: 'JSON Lines of one long record', path: 'a.jsonl', make: (n) => `{"turns":[{"speaker":"Agent","text":"${fill(n, 'a-')}"}]}\n` },
];

/** A same-size ordinary transcript: the yardstick the shapes are measured against. */
export function benign(size: number): string {
  return `Customer: hello\n${fill(size, 'Agent: thanks for calling, how can I help you with your account today?\n')}`;
}
