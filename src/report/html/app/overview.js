// The batch at a glance: the summary's counts, score bands, each step's verdicts, the most frequent
// rules, the lowest scores and the portraits; every list links to the calls behind it.

function stepCounts() {
  return RUN.steps.map(({ step }) => {
    const c = { step, pass: 0, fail: 0, 'n/a': 0, 'not-observable': 0 };
    for (const row of ROWS) {
      const status = row.steps[step - 1]?.status;
      if (status in c) c[status]++;
    }
    return c;
  });
}

function stat(label, value, id) {
  return h('div', { class: 'stat' }, h('dt', null, label), h('dd', { 'data-stat': id }, orDash(value)));
}

function overviewView() {
  const sum = SUMMARY;
  const byPlace = new Map(ROWS.map((r) => [placeOf(r), r]));
  const portraits = ranked(ROWS.reduce((m, r) => (r.portrait ? m.set(r.portrait, (m.get(r.portrait) ?? 0) + 1) : m), new Map()));
  return h(
    'section',
    { 'aria-labelledby': 'overview-title' },
    h('h2', { id: 'overview-title' }, 'Overview'),
    h(
      'dl',
      { class: 'stats' },
      stat('Files', sum.files, 'files'),
      stat('Conversations', sum.conversations, 'conversations'),
      stat('Unreadable', sum.unreadable, 'unreadable'),
      stat('Empty', sum.unjudged?.empty, 'empty'),
      stat('Not judged', sum.unjudged?.total, 'unjudged'),
      stat('Findings', sum.findings, 'findings'),
      stat('Errors · warnings · info', `${sum.bySeverity.error} · ${sum.bySeverity.warning} · ${sum.bySeverity.info}`, 'severity'),
      stat('Mean score', sum.scores.mean, 'mean'),
      stat('Lowest score', sum.scores.min, 'min'),
    ),
    h('div', { class: 'charts' }, scoreHistogram(sum.scores.distribution), stepBars(stepCounts())),
    h(
      'div',
      { class: 'lists' },
      h(
        'section',
        { 'aria-labelledby': 'top-rules' },
        h('h3', { id: 'top-rules' }, 'Most frequent rules'),
        sum.topRules.length === 0
          ? h('p', null, 'No findings.')
          : h(
              'table',
              { class: 'top-rules' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  h('th', { scope: 'col' }, 'rule'),
                  h('th', { scope: 'col' }, 'findings'),
                  h('th', { scope: 'col' }, 'what it finds'),
                ),
              ),
              h(
                'tbody',
                null,
                sum.topRules.map((t) =>
                  h(
                    'tr',
                    null,
                    h('td', null, h('a', { href: callsHref({ rule: t.rule }) }, t.rule)),
                    h('td', { class: 'num' }, t.count),
                    h('td', null, (RULES.get(t.rule)?.message ?? '').replace(/\{\w+\}/g, '…').replace(/…\.$/, '…')),
                  ),
                ),
              ),
            ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'lowest' },
        h('h3', { id: 'lowest' }, 'Lowest scores'),
        h(
          'ol',
          { class: 'lowest' },
          sum.lowest.map((l) => {
            const row = byPlace.get(placeOf(l));
            return h(
              'li',
              null,
              row ? h('a', { href: callHref(row.i) }, l.id) : l.id,
              ` — ${l.score}`,
              h('span', { class: 'path' }, ` ${placeOf(l)}`),
            );
          }),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'portraits' },
        h('h3', { id: 'portraits' }, 'Portraits'),
        portraits.length === 0
          ? h('p', null, 'No customer portraits in these results.')
          : h(
              'ul',
              null,
              portraits.map(([name, n]) => h('li', null, h('a', { href: callsHref({ portrait: name }) }, name), ` — ${plural(n, 'call')}`)),
            ),
      ),
    ),
  );
}
