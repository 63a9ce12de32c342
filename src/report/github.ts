import type { Severity } from '../rules/types.js';
import { mapStrings, terminalSafe } from './escape.js';
import type { Reporter } from './reporter.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
// Workflow commands: data escapes %, CR and LF; properties also ":" and ",".
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow annotations, one per finding and per unreadable file. */
export function githubReporter(): Reporter {
  return {
    head: () => '',
    // The annotations show in the job log, a terminal: control characters from input are made visible.
    file: (raw) => {
      const f = mapStrings(raw, terminalSafe);
      return [
        ...f.errors.map(
          (e) =>
            `::error file=${prop(f.path)}${e.line !== undefined ? `,line=${e.line}` : ''}${e.column !== undefined ? `,col=${e.column}` : ''},title=${prop('cannot read transcript')}::${data(e.message)}\n`,
        ),
        ...f.findings.map(
          (x) =>
            `::${COMMAND[x.severity]} file=${prop(f.path)},line=${x.line},title=${prop(x.rule)}::${data(`${x.message} (turn ${x.turn}, ${x.speaker}: "${x.quote}") Tip: ${x.tip}`)}\n`,
        ),
      ].join('');
    },
    tail: () => '',
  };
}
