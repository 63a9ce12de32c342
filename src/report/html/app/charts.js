// Inline SVG charts. Each series has a pattern as well as a colour, every bar is labelled with its
// number, and chartFigure adds the data as a table, so nothing depends on seeing colour.

function patternDefs() {
  return s(
    'defs',
    null,
    s(
      'pattern',
      { id: 'pat-fail', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 6, height: 6, class: 'fill-fail' }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch' }),
    ),
    s(
      'pattern',
      { id: 'pat-na', width: 6, height: 6, patternUnits: 'userSpaceOnUse' },
      s('rect', { width: 6, height: 6, class: 'fill-na' }),
      s('circle', { cx: 3, cy: 3, r: 1, class: 'dot' }),
    ),
    s(
      'pattern',
      { id: 'pat-unobserved', width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
      s('rect', { width: 8, height: 8, class: 'fill-unobserved' }),
      s('path', { d: 'M0 4H8M4 0V8', class: 'hatch' }),
    ),
    s(
      'pattern',
      { id: 'pat-silence', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(-45)' },
      s('rect', { width: 6, height: 6, class: 'fill-silence' }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-light' }),
    ),
  );
}

const STATUS_FILL = { pass: 'fill-pass', fail: 'url(#pat-fail)', 'n/a': 'url(#pat-na)', 'not-observable': 'url(#pat-unobserved)' };

/** Conversations per score band; each bar links to the calls in its band. */
function scoreHistogram(distribution) {
  const width = 560;
  const height = 190;
  const top = Math.max(1, ...distribution.map((d) => d.count));
  const slot = width / distribution.length;
  const bandLabel = (d) => (d.from === d.to ? String(d.from) : `${d.from}–${d.to}`);
  const chart = s(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      class: 'histogram',
      role: 'group',
      'aria-label': `Scores: ${distribution.map((d) => `${bandLabel(d)}: ${d.count}`).join(', ')}`,
    },
    distribution.map((d, k) => {
      const barHeight = Math.round((d.count / top) * (height - 50));
      const x = k * slot + 8;
      return s(
        'a',
        { href: callsHref({ min: d.from, max: d.to }) },
        s('title', null, `${plural(d.count, 'conversation')} scored ${bandLabel(d)}`),
        s('rect', { x, y: height - 24 - barHeight, width: slot - 16, height: Math.max(barHeight, 1), class: 'bar' }),
        s('text', { x: x + (slot - 16) / 2, y: height - 30 - barHeight, class: 'count', 'text-anchor': 'middle' }, String(d.count)),
        s('text', { x: x + (slot - 16) / 2, y: height - 6, class: 'axis', 'text-anchor': 'middle' }, bandLabel(d)),
      );
    }),
  );
  return chartFigure(
    'Scores',
    chart,
    ['score', 'conversations'],
    distribution.map((d) => [bandLabel(d), String(d.count)]),
  );
}

/** Each step's conversations by status, as a stacked bar per step; a step's label links to the calls failing it. */
function stepBars(counts) {
  const width = 920;
  const rowHeight = 30;
  const labelWidth = 260;
  const barWidth = 340;
  const height = counts.length * rowHeight + 34;
  const chart = s(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      class: 'steps',
      role: 'group',
      'aria-label': counts.map((c) => `step ${c.step}: ${STATUSES.map((st) => `${STATUS_LABEL[st]} ${c[st]}`).join(', ')}`).join('; '),
    },
    patternDefs(),
    counts.map((c, k) => {
      const total = STATUSES.reduce((n, st) => n + c[st], 0) || 1;
      const y = k * rowHeight + 4;
      let x = labelWidth;
      return s(
        'g',
        null,
        s(
          'a',
          { href: callsHref({ step: c.step }) },
          s('text', { x: 0, y: y + 17, class: 'label' }, `${c.step}. ${STEP_TITLES.get(c.step)}`),
        ),
        STATUSES.map((st) => {
          const w = (c[st] / total) * barWidth;
          const seg = s(
            'rect',
            {
              x,
              y,
              width: w,
              height: 22,
              fill: STATUS_FILL[st].startsWith('url') ? STATUS_FILL[st] : null,
              class: `seg ${STATUS_FILL[st].startsWith('url') ? '' : STATUS_FILL[st]}`,
            },
            s('title', null, `${STATUS_LABEL[st]}: ${c[st]}`),
          );
          x += w;
          return seg;
        }),
        s(
          'text',
          { x: labelWidth + barWidth + 10, y: y + 17, class: 'count' },
          STATUSES.map((st) => `${STATUS_LABEL[st]} ${c[st]}`).join(' · '),
        ),
      );
    }),
    legend(counts.length * rowHeight + 14, labelWidth),
  );
  return chartFigure(
    'Steps',
    chart,
    ['step', ...STATUSES.map((st) => STATUS_LABEL[st])],
    counts.map((c) => [`${c.step}. ${STEP_TITLES.get(c.step)}`, ...STATUSES.map((st) => String(c[st]))]),
  );
}

function legend(y, x0) {
  let x = x0;
  return s(
    'g',
    { class: 'legend' },
    STATUSES.map((st) => {
      const g = s(
        'g',
        null,
        s('rect', {
          x,
          y,
          width: 14,
          height: 14,
          fill: STATUS_FILL[st].startsWith('url') ? STATUS_FILL[st] : null,
          class: `seg ${STATUS_FILL[st].startsWith('url') ? '' : STATUS_FILL[st]}`,
        }),
        s('text', { x: x + 18, y: y + 12, class: 'axis' }, STATUS_LABEL[st]),
      );
      x += 30 + STATUS_LABEL[st].length * 7;
      return g;
    }),
  );
}
