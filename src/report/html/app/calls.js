// The calls table: sort by any column, filter by agent, step, rule, severity, portrait, score range
// and text, paged; the whole state is the URL hash, so a filtered view is a link.

const PAGE_SIZE = 50;
const COLUMNS = [
  { key: 'call', label: 'Call', value: placeOf },
  { key: 'agent', label: 'Agent', value: (r) => r.agent },
  { key: 'channel', label: 'Channel', value: (r) => r.channel },
  { key: 'duration', label: 'Duration', value: (r) => r.durationMs },
  { key: 'score', label: 'Score', value: (r) => r.score },
  { key: 'failing', label: 'Failing steps', value: (r) => failingSteps(r).length },
  { key: 'errors', label: 'Errors', value: (r) => r.severity[0] },
  { key: 'warnings', label: 'Warnings', value: (r) => r.severity[1] },
  { key: 'info', label: 'Info', value: (r) => r.severity[2] },
];
const FILTERS = ['agent', 'step', 'rule', 'severity', 'portrait', 'min', 'max', 'q'];

const collator = new Intl.Collator('en', { numeric: true });
const compareValues = (a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b)));

/** The rows a view's params select, in its order (unknown values always last, ties in report order). */
function selectRows(params) {
  const agent = params.get('agent');
  const step = params.get('step');
  const rule = params.get('rule');
  const severity = SEVERITIES.indexOf(params.get('severity') ?? '');
  const portrait = params.get('portrait');
  const min = params.get('min') ? Number(params.get('min')) : null;
  const max = params.get('max') ? Number(params.get('max')) : null;
  const q = (params.get('q') ?? '').trim().toLowerCase();
  const rows = ROWS.filter(
    (r) =>
      (!agent || (r.agent ?? '(unknown)') === agent) &&
      (!step || r.steps[Number(step) - 1]?.status === 'fail') &&
      (!rule || rule in r.rules) &&
      (severity < 0 || r.severity[severity] > 0) &&
      (!portrait || r.portrait === portrait) &&
      (min === null || (r.score !== null && r.score >= min)) &&
      (max === null || (r.score !== null && r.score <= max)) &&
      (!q || [placeOf(r), r.id, r.agent, r.channel, ...Object.keys(r.rules)].some((v) => v && v.toLowerCase().includes(q))),
  );
  const column = COLUMNS.find((c) => c.key === params.get('sort'));
  if (column) {
    const dir = params.get('dir') === 'desc' ? -1 : 1;
    rows.sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
      return dir * compareValues(x, y) || a.i - b.i;
    });
  }
  return rows;
}

function option(value, label, selected) {
  return h('option', { value, selected: value === selected }, label);
}

function filterSelect(name, label, values, params, describe = (v) => v) {
  const current = params.get(name) ?? '';
  return h(
    'label',
    null,
    h('span', null, label),
    h(
      'select',
      { name },
      option('', 'any', current),
      values.map((v) => option(String(v), describe(v), current)),
    ),
  );
}

function filterForm(params) {
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter calls', onsubmit: (e) => e.preventDefault() },
    filterSelect('agent', 'Agent', distinct(ROWS.filter((r) => r.id !== null).map((r) => r.agent ?? '(unknown)')), params),
    filterSelect(
      'step',
      'Failing step',
      RUN.steps.map((x) => x.step),
      params,
      (n) => `${n}. ${STEP_TITLES.get(n)}`,
    ),
    filterSelect('rule', 'Rule', distinct(ROWS.flatMap((r) => Object.keys(r.rules))), params),
    filterSelect('severity', 'Has a finding of', SEVERITIES, params),
    filterSelect('portrait', 'Portrait', distinct(ROWS.map((r) => r.portrait)), params),
    h(
      'label',
      null,
      h('span', null, 'Score from'),
      h('input', { name: 'min', type: 'number', min: 0, max: 100, inputmode: 'numeric', value: params.get('min') ?? '' }),
    ),
    h(
      'label',
      null,
      h('span', null, 'to'),
      h('input', { name: 'max', type: 'number', min: 0, max: 100, inputmode: 'numeric', value: params.get('max') ?? '' }),
    ),
    h(
      'label',
      { class: 'grow' },
      h('span', null, 'Search'),
      h('input', { name: 'q', type: 'search', placeholder: 'path, id, agent, rule', value: params.get('q') ?? '' }),
    ),
    h('a', { href: callsHref({}), class: 'reset' }, 'Clear filters'),
  );
  let typing;
  const apply = () => {
    const next = new URLSearchParams(parseRoute().params);
    for (const name of FILTERS) next.set(name, form.elements[name].value);
    next.delete('page');
    location.replace(callsHref(next));
  };
  form.addEventListener('change', apply);
  form.addEventListener('input', (e) => {
    if (e.target.name !== 'q') return;
    clearTimeout(typing);
    typing = setTimeout(apply, 200);
  });
  return form;
}

/** Puts the controls in step with the hash (after back/forward or a pasted link) without stealing focus. */
function syncFilters(form, params) {
  for (const name of FILTERS) {
    const control = form.elements[name];
    const value = params.get(name) ?? '';
    if (control.value !== value && document.activeElement !== control) control.value = value;
  }
}

function headerCell(column, params) {
  const sorted = params.get('sort') === column.key;
  const dir = sorted && params.get('dir') === 'desc' ? 'desc' : 'asc';
  const next = new URLSearchParams(params);
  next.set('sort', column.key);
  next.set('dir', sorted && dir === 'asc' ? 'desc' : 'asc');
  next.delete('page');
  return h(
    'th',
    { scope: 'col', 'aria-sort': sorted ? (dir === 'asc' ? 'ascending' : 'descending') : null },
    h('a', { href: callsHref(next), class: 'sort', 'data-sort': column.key }, column.label, sorted ? (dir === 'asc' ? ' ▲' : ' ▼') : ''),
  );
}

function callRow(r, params) {
  const failing = failingSteps(r);
  return h(
    'tr',
    { 'data-row': r.i, 'data-path': r.path },
    h(
      'th',
      { scope: 'row' },
      h('a', { href: callHref(r.i, { from: params.toString() }) }, callName(r)),
      r.id && r.id !== placeOf(r) ? h('span', { class: 'path' }, placeOf(r)) : null,
    ),
    h('td', null, orDash(r.agent)),
    h('td', null, orDash(r.channel)),
    h('td', { class: 'num' }, clock(r.durationMs)),
    h('td', { class: 'num' }, r.error ? 'unreadable' : r.unjudged ? 'not judged' : orDash(r.score)),
    h('td', null, failing.length ? failing.join(', ') : '–'),
    h('td', { class: 'num' }, r.severity[0]),
    h('td', { class: 'num' }, r.severity[1]),
    h('td', { class: 'num' }, r.severity[2]),
  );
}

function pager(params, total) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(params.get('page')) || 1));
  const link = (n, label) => {
    const next = new URLSearchParams(params);
    next.set('page', n);
    return n < 1 || n > pages || n === page
      ? h('span', { class: 'disabled', 'aria-disabled': 'true' }, label)
      : h('a', { href: callsHref(next) }, label);
  };
  return {
    page,
    nav: h(
      'nav',
      { class: 'pager', 'aria-label': 'Pages' },
      link(1, 'First'),
      link(page - 1, 'Previous'),
      h('span', { 'aria-current': 'page' }, `Page ${page} of ${pages}`),
      link(page + 1, 'Next'),
      link(pages, 'Last'),
    ),
  };
}

function callsTable(params) {
  const rows = selectRows(params);
  const { page, nav } = pager(params, rows.length);
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return h(
    'div',
    { class: 'results' },
    h('p', { class: 'count', role: 'status', id: 'calls-count' }, `${rows.length} of ${plural(ROWS.length, 'call')}`),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'calls', 'aria-describedby': 'calls-count' },
        h('caption', { class: 'visually-hidden' }, 'Calls; column headers sort'),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            COLUMNS.map((c) => headerCell(c, params)),
          ),
        ),
        h(
          'tbody',
          null,
          shown.map((r) => callRow(r, params)),
        ),
      ),
    ),
    nav,
  );
}

let lastCallsParams = new URLSearchParams();

/** The calls view; when it is already on screen only the table changes, so typing keeps its focus. */
function callsView(params, mounted) {
  lastCallsParams = params;
  if (mounted) {
    syncFilters(mounted.querySelector('form.filters'), params);
    mounted.querySelector('.results').replaceWith(callsTable(params));
    return mounted;
  }
  return h(
    'section',
    { 'aria-labelledby': 'calls-title', class: 'calls-view' },
    h('h2', { id: 'calls-title' }, 'Calls'),
    filterForm(params),
    callsTable(params),
  );
}
