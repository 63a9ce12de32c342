// The page frame and the router: each hash change draws its view (the calls view and an open call
// update in place, so filtering keeps focus and a finding's link only moves to its turn).

const VIEWS = [
  ['overview', 'Overview'],
  ['calls', 'Calls'],
  ['agents', 'Agents'],
];

const main = h('main', { id: 'main', tabindex: '-1' });
const navLinks = VIEWS.map(([view, label]) => h('a', { href: hrefOf(view), 'data-view': view }, label));
let mounted = { key: '', node: null };

function frame() {
  document.title = `callcoach report: ${plural(SUMMARY.conversations, 'conversation')}`;
  clear(document.getElementById('app')).append(
    h('a', { href: '#main', class: 'skip', onclick: (e) => (e.preventDefault(), main.focus()) }, 'Skip to content'),
    h('header', { class: 'top' }, h('h1', null, 'callcoach report'), h('nav', { 'aria-label': 'Views' }, navLinks)),
    main,
    h('footer', null, `${RUN.tool.name} ${RUN.tool.version} · packs: ${RUN.packs.join(', ') || 'none'} · ${plural(SUMMARY.files, 'file')}`),
  );
}

function route() {
  const { view, arg, params } = parseRoute();
  for (const a of navLinks) a.toggleAttribute('aria-current', a.dataset.view === (view === 'call' ? 'calls' : view));
  if (view === 'call' && mounted.key === `call/${arg}`) {
    if (params.get('turn')) showTurn(params.get('turn'));
    document.body.dataset.route = location.hash;
    return;
  }
  const key = view === 'call' ? `call/${arg}` : view;
  let node;
  if (view === 'calls') node = callsView(params, mounted.key === 'calls' ? mounted.node : null);
  else if (view === 'agents') node = agentsView();
  else if (view === 'call') node = callView(Number(arg), params);
  else node = overviewView();
  if (node !== mounted.node) {
    clear(main).append(node);
    if (mounted.key !== key) {
      window.scrollTo(0, 0);
      if (mounted.node) main.focus({ preventScroll: true });
    }
  }
  mounted = { key, node };
  // Which hash the page shows, for tests and tools that wait for a view to settle.
  document.body.dataset.route = location.hash;
  if (view === 'call' && params.get('turn')) showTurn(params.get('turn'));
}

document.addEventListener('keydown', (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return;
  const link = main.querySelector(`a[data-key="${e.key}"]`);
  if (link) {
    e.preventDefault();
    location.hash = link.getAttribute('href');
  }
});

frame();
window.addEventListener('hashchange', route);
route();
