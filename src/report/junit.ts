import type { FileResult } from '../results/model.js';
import { xmlText } from './escape.js';
import type { Reporter } from './reporter.js';

const xml = xmlText;

/** JUnit XML: one testsuite per conversation, one testcase per step (n/a steps are skipped). */
export function junitReporter(): Reporter {
  return {
    head: () => '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="callcoach">\n',
    file: suite,
    tail: () => '</testsuites>\n',
  };
}

function suite(f: FileResult): string {
  const name = xml(f.path);
  if (!f.scorecard) {
    const e = f.errors[0]!;
    const where = [f.path, e.line, e.column].filter((x) => x !== undefined).join(':');
    return `  <testsuite name="${name}" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="${name}" name="read transcript">\n      <error message="${xml(e.message)}">${xml(`${where}: ${e.message}`)}</error>\n    </testcase>\n  </testsuite>\n`;
  }
  const steps = f.scorecard.steps;
  const failures = steps.filter((s) => s.status === 'fail').length;
  const skipped = steps.filter((s) => s.status === 'n/a').length;
  const cases = steps.map((s) => {
    const open = `    <testcase classname="${name}" name="${s.step}. ${xml(s.title)}">`;
    if (s.status === 'n/a') return `${open}<skipped message="nothing to judge"/></testcase>`;
    const found = f.findings.filter((x) => x.step === s.step && x.severity !== 'info');
    if (s.status === 'pass') return `${open}</testcase>`;
    const body = found
      .map((x) => `turn ${x.turn} (line ${x.line}) ${x.speaker}: "${x.quote}"\n${x.severity}: ${x.message} [${x.rule}]\ntip: ${x.tip}`)
      .join('\n\n');
    return `${open}\n      <failure message="${xml(found[0]?.message ?? 'step failed')}" type="${found[0]?.severity ?? 'warning'}">${xml(body)}</failure>\n    </testcase>`;
  });
  return `  <testsuite name="${name}" tests="${steps.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>\n`;
}
