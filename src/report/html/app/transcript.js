// The transcript, every finding on its turn: the quote highlighted in the turn's text, then the
// message, the tip, and the rule with what it checks.

/** Where a finding's quote sits in a turn's text: the quote's words in order, any whitespace between. */
function quoteRange(text, quote) {
  const words = quote.replace(/^…|…$/g, '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'i');
  const m = pattern.exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

/** The text as nodes, with the given ranges (merged where they meet) inside <mark>. */
function highlighted(text, ranges) {
  const merged = [];
  for (const r of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  const out = [];
  let at = 0;
  for (const [from, to] of merged) {
    out.push(text.slice(at, from), h('mark', null, text.slice(from, to)));
    at = to;
  }
  out.push(text.slice(at));
  return out.filter((x) => x !== '');
}

/** What `callcoach explain` says of a rule: what it checks and why. */
function explainRule(rule) {
  const pack = PACKS.get(rule.pack);
  return h(
    'details',
    null,
    h('summary', null, `About ${rule.id}`),
    h('p', null, h('strong', null, 'What it checks: '), rule.description ?? rule.message, pack ? ` ${pack.description}` : ''),
    pack ? h('p', null, h('strong', null, 'Why: '), pack.source) : null,
    h('p', { class: 'path' }, `${rule.severity} · step ${rule.step} · pack ${rule.pack} · kind ${rule.kind}`),
  );
}

function findingItem(f) {
  const rule = RULES.get(f.rule);
  return h(
    'li',
    { class: `finding severity-${f.severity}` },
    h(
      'p',
      { class: 'finding-head' },
      h('span', { class: `badge badge-${f.severity}` }, f.severity),
      ` step ${f.step} · `,
      h('code', null, f.rule),
    ),
    h('p', { class: 'message' }, f.message),
    f.tip ? h('p', { class: 'tip' }, h('strong', null, 'Try: '), f.tip) : null,
    rule ? explainRule(rule) : null,
  );
}

function transcriptView(result) {
  const turns = result.transcript;
  if (!turns)
    return h(
      'p',
      { class: 'notice' },
      'These results do not carry the transcript text (check with --transcript, or -f html, to include it). Findings, by turn:',
      h(
        'ul',
        { class: 'findings' },
        result.findings.map((f) => h('li', null, `turn ${f.turn} (${f.speaker}): “${f.quote}”`, h('ul', null, findingItem(f)))),
      ),
    );
  const byTurn = new Map();
  for (const f of result.findings) byTurn.set(f.turn, [...(byTurn.get(f.turn) ?? []), f]);
  return h(
    'ol',
    { class: 'transcript' },
    turns.map((t) => {
      const findings = byTurn.get(t.index) ?? [];
      const ranges = findings.map((f) => quoteRange(t.text, f.quote)).filter(Boolean);
      return h(
        'li',
        {
          id: `turn-${t.index}`,
          class: `turn role-${t.role}${findings.length ? ' has-findings' : ''}`,
          tabindex: '-1',
          'aria-label': `turn ${t.index}, ${t.speaker}`,
        },
        h(
          'p',
          { class: 'who' },
          h('span', { class: 'speaker' }, t.speaker),
          ` ${t.role}`,
          t.startMs !== null ? h('span', { class: 'time' }, ` ${clock(t.startMs)}`) : null,
          h('span', { class: 'index' }, ` #${t.index}`),
        ),
        h('p', { class: 'text' }, highlighted(t.text, ranges)),
        findings.length ? h('ul', { class: 'findings', 'aria-label': `findings on turn ${t.index}` }, findings.map(findingItem)) : null,
      );
    }),
  );
}
