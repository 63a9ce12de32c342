// The report's data: JSON blocks written by the reporter, parsed here (rows at once, whole results on demand).
const readBlock = (el) => JSON.parse(el.textContent);
const RUN = readBlock(document.getElementById('cc-run'));
const SUMMARY = readBlock(document.getElementById('cc-summary'));
const ROWS = Array.from(document.querySelectorAll('script.cc-row'), readBlock);
const RULES = new Map(RUN.rules.map((r) => [r.id, r]));
const PACKS = new Map(RUN.packDetails.map((p) => [p.name, p]));
const STEP_TITLES = new Map(RUN.steps.map((x) => [x.step, x.title]));
const SEVERITIES = ['error', 'warning', 'info'];
const STATUSES = ['pass', 'fail', 'n/a', 'not-observable'];
const STATUS_LABEL = { pass: 'pass', fail: 'fail', 'n/a': 'n/a', 'not-observable': 'not observable' };

const details = new Map();
/** The whole result of row i, parsed the first time a call is opened. */
function resultOf(i) {
  if (!details.has(i)) details.set(i, readBlock(document.getElementById(`cc-file-${i}`)));
  return details.get(i);
}

const failingSteps = (row) => row.steps.flatMap((x, k) => (x.status === 'fail' ? [k + 1] : []));
const findingCount = (row) => row.severity[0] + row.severity[1] + row.severity[2];
/** Where a conversation is: its file, and its line when it is a record of a stream. */
const placeOf = (x) => (x.line !== null && x.line !== undefined ? `${x.path}:${x.line}` : x.path);
const callName = (row) => row.id ?? placeOf(row);

/** Distinct values of a row field, sorted, for the filter menus. */
function distinct(values) {
  return [...new Set(values.filter((v) => v !== null && v !== undefined))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const round1 = (n) => Math.round(n * 10) / 10;

/** Counts in a Map, as [key, count] pairs by count (then key), the way the summary ranks rules. */
function ranked(counts, n = Infinity) {
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, n);
}
