// Per agent: calls, mean score, mean per step and most frequent findings, from the rows, by the same
// rules as the summary's --group-by agent table (a test holds them equal); an agent links to their calls.

function agentTable() {
  const agents = new Map();
  for (const r of ROWS) {
    if (r.id === null) continue;
    const name = r.agent ?? '(unknown)';
    let a = agents.get(name);
    if (!a) agents.set(name, (a = { agent: name, conversations: 0, scored: 0, sum: 0, steps: new Map(), rules: new Map() }));
    a.conversations++;
    if (r.score !== null) {
      a.scored++;
      a.sum += r.score;
    }
    r.steps.forEach((x, k) => {
      if (x.score === null) return;
      const t = a.steps.get(k + 1) ?? { sum: 0, n: 0 };
      a.steps.set(k + 1, { sum: t.sum + x.score, n: t.n + 1 });
    });
    for (const [rule, n] of Object.entries(r.rules)) a.rules.set(rule, (a.rules.get(rule) ?? 0) + n);
  }
  return [...agents.values()]
    .sort((x, y) => (x.agent < y.agent ? -1 : 1))
    .map((a) => ({
      agent: a.agent,
      conversations: a.conversations,
      meanScore: a.scored ? round1(a.sum / a.scored) : null,
      meanByStep: Object.fromEntries(
        RUN.steps.map(({ step }) => [step, a.steps.has(step) ? round1(a.steps.get(step).sum / a.steps.get(step).n) : null]),
      ),
      topFindings: ranked(a.rules, 3).map(([rule, count]) => ({ rule, count })),
    }));
}

function agentsView() {
  const agents = agentTable();
  return h(
    'section',
    { 'aria-labelledby': 'agents-title' },
    h('h2', { id: 'agents-title' }, 'Agents'),
    h('p', null, `${plural(agents.length, 'agent')}. Step columns are the mean step score where the step applied.`),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'agents' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Agent'),
            h('th', { scope: 'col' }, 'Calls'),
            h('th', { scope: 'col' }, 'Mean score'),
            RUN.steps.map((x) => h('th', { scope: 'col', title: x.title }, h('abbr', { title: x.title }, `Step ${x.step}`))),
            h('th', { scope: 'col' }, 'Most frequent findings'),
          ),
        ),
        h(
          'tbody',
          null,
          agents.map((a) =>
            h(
              'tr',
              { 'data-agent': a.agent },
              h('th', { scope: 'row' }, h('a', { href: callsHref({ agent: a.agent }) }, a.agent)),
              h('td', { class: 'num' }, a.conversations),
              h('td', { class: 'num' }, orDash(a.meanScore)),
              RUN.steps.map((x) => h('td', { class: 'num' }, orDash(a.meanByStep[x.step]))),
              h(
                'td',
                null,
                a.topFindings.length
                  ? h(
                      'ul',
                      { class: 'inline' },
                      a.topFindings.map((f) =>
                        h('li', null, h('a', { href: callsHref({ agent: a.agent, rule: f.rule }) }, f.rule), ` ×${f.count}`),
                      ),
                    )
                  : '–',
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
