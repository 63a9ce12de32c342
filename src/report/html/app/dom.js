// Every node is built with createElement and textContent: report data is never parsed as markup.
const SVG_NS = 'http://www.w3.org/2000/svg';

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return node;
}

function setAttrs(node, attrs) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  return node;
}

/** h('a', {href: '#/calls'}, 'Calls'): an HTML element. */
function h(tag, attrs, ...children) {
  return append(setAttrs(document.createElement(tag), attrs), children);
}

/** An SVG element, the same way. */
function s(tag, attrs, ...children) {
  return append(setAttrs(document.createElementNS(SVG_NS, tag), attrs), children);
}

function clear(node) {
  node.replaceChildren();
  return node;
}

const pad2 = (n) => String(n).padStart(2, '0');

/** 754000 → "12:34"; null → "–". */
function clock(ms) {
  if (ms === null || ms === undefined) return '–';
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const rest = `${pad2(Math.floor((total % 3600) / 60))}:${pad2(total % 60)}`;
  return hours ? `${hours}:${rest}` : rest;
}

const percent = (share) => (share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`);
const orDash = (v) => (v === null || v === undefined || v === '' ? '–' : String(v));
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A figure with a caption, the chart, and the same numbers as a table for screen readers and copying. */
function chartFigure(caption, chart, headers, rows) {
  return h(
    'figure',
    { class: 'chart' },
    h('figcaption', null, caption),
    chart,
    h(
      'details',
      null,
      h('summary', null, 'Data as a table'),
      h(
        'table',
        null,
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            headers.map((x) => h('th', { scope: 'col' }, x)),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map((r) =>
            h(
              'tr',
              null,
              r.map((x) => h('td', null, x)),
            ),
          ),
        ),
      ),
    ),
  );
}
