// The view lives in the URL hash (#/calls?agent=Dana&sort=score), so any view can be linked to and restored.

function parseRoute(hash = location.hash) {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)).split('/').filter(Boolean).map(decodeURIComponent);
  return { view: path[0] ?? 'overview', arg: path[1], params: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

/** '#/calls?rule=x' from a view name, an optional argument and params (empty values left out). */
function hrefOf(view, arg, params) {
  const clean = new URLSearchParams();
  for (const [k, v] of params ? new URLSearchParams(params) : []) if (v !== '') clean.set(k, v);
  const query = clean.toString();
  return `#/${view === 'overview' ? '' : view}${arg !== undefined ? `/${encodeURIComponent(arg)}` : ''}${query ? `?${query}` : ''}`;
}

const callsHref = (params) => hrefOf('calls', undefined, params);
const callHref = (i, params) => hrefOf('call', String(i), params);
