// One call: who and what it was, its scorecard with each verdict and reason, its metrics, its
// timeline and its transcript; previous and next follow the calls table it was opened from.

function detailList(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v))),
  );
}

function portraitBlock(portrait, turnHref) {
  if (!portrait) return null;
  return h(
    'section',
    { 'aria-labelledby': 'portrait-title', class: 'portrait' },
    h('h3', { id: 'portrait-title' }, `Portrait: ${portrait.name}`),
    portrait.confidence !== undefined ? h('p', null, `confidence ${percent(portrait.confidence)}`) : null,
    h(
      'ul',
      null,
      (portrait.evidence ?? []).map((e) => h('li', null, h('a', { href: turnHref(e.turn) }, `turn ${e.turn}`), `: “${e.quote}”`)),
    ),
  );
}

function scorecardTable(card) {
  if (!card) return null;
  return h(
    'section',
    { 'aria-labelledby': 'scorecard-title' },
    h(
      'h3',
      { id: 'scorecard-title' },
      `Scorecard: ${card.score ?? 'no score'}${card.passed === true ? ' (passed)' : card.passed === false ? ' (below the pass mark)' : ''}`,
      card.observed !== undefined
        ? h('span', { class: 'hint' }, ` on ${plural(card.observed, 'observed step')} of ${card.steps.length}`)
        : null,
    ),
    card.unjudged ? h('p', { class: 'notice' }, `Not judged (${card.unjudged.reason}): ${card.unjudged.detail}`) : null,
    h(
      'table',
      { class: 'scorecard' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Step', 'Verdict', 'Score', 'Findings', 'Reason'].map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h(
        'tbody',
        null,
        card.steps.map((x) =>
          h(
            'tr',
            { class: `status-${x.status.replace('/', '')}` },
            h('th', { scope: 'row' }, `${x.step}. ${x.title}`),
            h(
              'td',
              null,
              h(
                'span',
                { class: `verdict verdict-${x.status.replace('/', '')}` },
                { pass: '✓ ', fail: '✗ ', 'n/a': '– ', 'not-observable': '? ' }[x.status] ?? '',
                STATUS_LABEL[x.status] ?? x.status,
              ),
            ),
            h('td', { class: 'num' }, orDash(x.score)),
            h('td', { class: 'num' }, x.findings),
            h('td', null, x.reason ?? ''),
          ),
        ),
      ),
    ),
  );
}

function metricsBlock(m, findings) {
  const holdFindings = findings.filter((f) => RULES.get(f.rule)?.kind === 'hold').length;
  if (!m) return null;
  const roles = Object.entries(m.talk ?? {});
  const interruptions = Object.entries(m.interruptions?.byInterrupter ?? {});
  return h(
    'section',
    { 'aria-labelledby': 'metrics-title' },
    h('h3', { id: 'metrics-title' }, 'Metrics'),
    m.basis === 'none' ? h('p', null, 'The transcript is untimed: no talk share, speed or silences.') : null,
    roles.length
      ? h(
          'table',
          { class: 'metrics' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Role', 'Talk time', 'Share of speech', 'Words per minute', 'Longest monologue'].map((x) => h('th', { scope: 'col' }, x)),
            ),
          ),
          h(
            'tbody',
            null,
            roles.map(([role, t]) =>
              h(
                'tr',
                null,
                h('th', { scope: 'row' }, role),
                h('td', { class: 'num' }, clock(t.talkMs)),
                h('td', { class: 'num' }, percent(t.shareOfSpeech)),
                h('td', { class: 'num' }, orDash(t.wordsPerMinute)),
                h('td', { class: 'num' }, `${clock(t.longestMonologue.durationMs)} (turn ${t.longestMonologue.turn})`),
              ),
            ),
          ),
        )
      : null,
    detailList([
      ['Basis', m.basis === 'words' ? 'word timings' : m.basis === 'turns' ? 'turn times (approximate)' : 'untimed'],
      [
        'Silences',
        m.nonTalk ? `${m.nonTalk.instances.length} over ${m.nonTalk.thresholdMs / 1000} s, ${clock(m.nonTalk.totalMs)} in all` : null,
      ],
      [
        'Holds',
        m.basis === 'none' ? null : holdFindings ? `${plural(holdFindings, 'hold')} flagged (too long, or no check-back)` : 'none flagged',
      ],
      ['Interruptions', interruptions.length ? interruptions.map(([role, x]) => `by the ${role}: ${x.count}`).join(', ') : 'none'],
    ]),
  );
}

function neighbours(i, from) {
  const order = selectRows(new URLSearchParams(from)).map((r) => r.i);
  const at = order.indexOf(i);
  return at < 0
    ? { prev: undefined, next: undefined, at, total: order.length }
    : { prev: order[at - 1], next: order[at + 1], at, total: order.length };
}

function callView(i, params) {
  const row = ROWS[i];
  if (!row) return h('section', null, h('h2', null, 'No such call'), h('p', null, h('a', { href: callsHref({}) }, 'All calls')));
  const result = resultOf(i);
  const from = params.get('from') ?? lastCallsParams.toString();
  const turnHref = (turn) => callHref(i, { turn, from });
  const { prev, next, at, total } = neighbours(i, from);
  const c = result.conversation;
  const nav = h(
    'nav',
    { class: 'call-nav', 'aria-label': 'Calls' },
    h('a', { href: callsHref(new URLSearchParams(from)) }, '↑ Calls'),
    prev !== undefined
      ? h('a', { href: callHref(prev, { from }), rel: 'prev', 'data-key': 'p' }, `← Previous: ${callName(ROWS[prev])}`)
      : h('span', { class: 'disabled' }, '← Previous'),
    at >= 0 ? h('span', null, `${at + 1} of ${total}`) : null,
    next !== undefined
      ? h('a', { href: callHref(next, { from }), rel: 'next', 'data-key': 'n' }, `Next: ${callName(ROWS[next])} →`)
      : h('span', { class: 'disabled' }, 'Next →'),
    h('span', { class: 'hint' }, 'keys: p previous, n next'),
  );
  return h(
    'article',
    { class: 'call', 'aria-labelledby': 'call-title' },
    nav,
    h('h2', { id: 'call-title' }, callName(row)),
    detailList([
      ['Path', placeOf(result)],
      ['Format', result.format],
      ['Agent', c ? orDash(c.agent) : null],
      ['Channel', c?.channel ?? null],
      ['Duration', c ? clock(c.durationMs) : null],
      ['Turns', c?.turns ?? null],
      ['Speakers', c ? c.speakers.map((x) => `${x.label} (${x.role})`).join(', ') : null],
      ['Roles', c ? `${c.roles.source}, confidence ${percent(c.roles.confidence)}: ${c.roles.reason}` : null],
    ]),
    result.errors.length
      ? h(
          'section',
          { class: 'notice', 'aria-label': 'Errors' },
          h('h3', null, 'Could not be read'),
          h(
            'ul',
            null,
            result.errors.map((e) =>
              h('li', null, `${e.line !== undefined ? `line ${e.line}${e.column !== undefined ? `:${e.column}` : ''}: ` : ''}${e.message}`),
            ),
          ),
        )
      : null,
    result.notices.length
      ? h(
          'ul',
          { class: 'notice', 'aria-label': 'Notices' },
          result.notices.map((n) => h('li', null, n)),
        )
      : null,
    portraitBlock(result.portrait, turnHref),
    h('div', { class: 'call-columns' }, scorecardTable(result.scorecard), metricsBlock(result.metrics, result.findings)),
    c ? timeline(result, i, turnHref) : null,
    c
      ? h(
          'section',
          { 'aria-labelledby': 'transcript-title' },
          h('h3', { id: 'transcript-title' }, `Transcript and findings (${plural(result.findings.length, 'finding')})`),
          transcriptView(result),
        )
      : null,
  );
}

/** Brings a turn into view and gives it focus, so keyboard and screen-reader users land on it too. */
function showTurn(turn) {
  const el = document.getElementById(`turn-${turn}`);
  if (!el) return;
  // Its start, so the speaker and the text show first however many findings follow.
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
  el.classList.add('flash');
  setTimeout(() => el.classList.remove('flash'), 1200);
}
